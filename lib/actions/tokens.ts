"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireActionPermission } from "@/lib/auth/guard";
import { createApiToken, TokenNameTakenError } from "@/lib/data/tokens/create-api-token";
import { revokeApiToken, TokenNotFoundError } from "@/lib/data/tokens/revoke-api-token";
import { getDatabase } from "@/lib/db";
import { ZApiTokenScope } from "@/lib/schemas/api-token";

export interface TokenFormState {
  error: string | null;
  /** shown once, never stored */
  created: { name: string; token: string; expiresAt: string } | null;
}

export async function createApiTokenAction(_state: TokenFormState, form: FormData): Promise<TokenFormState> {
  const actor = await requireActionPermission("tokens:manage");
  try {
    const scope = ZApiTokenScope.parse(form.get("scope"));
    const { token, summary } = await createApiToken(
      (await getDatabase()).prisma,
      { name: String(form.get("name") ?? ""), scope, days: Number(form.get("days") || 30) },
      actor,
    );
    revalidatePath("/settings/tokens");
    return { error: null, created: { name: summary.name, token, expiresAt: summary.expiresAt.toISOString() } };
  } catch (error) {
    if (error instanceof ZodError) return { error: error.issues.map((issue) => issue.message).join("; "), created: null };
    if (error instanceof TokenNameTakenError) return { error: error.message, created: null };
    throw error;
  }
}

export async function revokeApiTokenAction(form: FormData): Promise<void> {
  const actor = await requireActionPermission("tokens:manage");
  try {
    await revokeApiToken((await getDatabase()).prisma, String(form.get("name") ?? ""), actor);
  } catch (error) {
    if (!(error instanceof TokenNotFoundError)) throw error;
  }
  revalidatePath("/settings/tokens");
}
