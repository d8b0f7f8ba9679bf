"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getAuth } from "@/lib/auth/get-auth";
import { requestMeta } from "@/lib/auth/request-meta";
import { createUser, SetupCompleteError } from "@/lib/data/users/create-user";
import { getDatabase } from "@/lib/db";

export interface SetupState {
  error: string | null;
}

/** First run: creates the first admin (only while no user exists) and signs them in. */
export async function createFirstAdminAction(_state: SetupState, form: FormData): Promise<SetupState> {
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) return { error: "The passwords do not match." };
  const email = String(form.get("email") ?? "");
  const requestHeaders = await headers();
  try {
    await createUser(
      (await getDatabase()).prisma,
      { email, name: String(form.get("name") ?? "") || undefined, role: "admin", password },
      { kind: "anonymous", name: email, ...requestMeta(requestHeaders) },
      { onlyIfNoUsers: true },
    );
  } catch (error) {
    if (error instanceof ZodError) return { error: error.issues.map((issue) => issue.message).join("; ") };
    if (error instanceof SetupCompleteError) redirect("/sign-in");
    throw error;
  }
  await (await getAuth()).api.signInEmail({ body: { email: email.trim().toLowerCase(), password }, headers: requestHeaders });
  redirect("/");
}
