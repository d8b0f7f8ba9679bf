"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { generatePassword } from "@/lib/auth/generate-password";
import { requireActionPermission } from "@/lib/auth/guard";
import { createUser, UserExistsError } from "@/lib/data/users/create-user";
import { deleteUser } from "@/lib/data/users/delete-user";
import { LastAdminError, updateUserRole } from "@/lib/data/users/update-user-role";
import { getDatabase } from "@/lib/db";
import { ZRole } from "@/lib/schemas/user";

export interface UserFormState {
  error: string | null;
  /** shown once: the generated password for the account just created */
  created: { email: string; password: string | null } | null;
}

const messageOf = (error: unknown): string | null =>
  error instanceof ZodError
    ? error.issues.map((issue) => issue.message).join("; ")
    : error instanceof UserExistsError || error instanceof LastAdminError
      ? error.message
      : null;

export async function createUserAction(_state: UserFormState, form: FormData): Promise<UserFormState> {
  const actor = await requireActionPermission("users:manage");
  const given = String(form.get("password") ?? "");
  const password = given || generatePassword();
  try {
    const user = await createUser(
      (await getDatabase()).prisma,
      { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") || undefined, role: ZRole.parse(form.get("role")), password },
      actor,
    );
    revalidatePath("/settings/users");
    return { error: null, created: { email: user.email, password: given ? null : password } };
  } catch (error) {
    const message = messageOf(error);
    if (message) return { error: message, created: null };
    throw error;
  }
}

export interface UserRowState {
  error: string | null;
}

export async function changeUserRoleAction(_state: UserRowState, form: FormData): Promise<UserRowState> {
  const actor = await requireActionPermission("users:manage");
  return changeUsers(async () => updateUserRole((await getDatabase()).prisma, String(form.get("userId")), ZRole.parse(form.get("role")), actor));
}

export async function deleteUserAction(_state: UserRowState, form: FormData): Promise<UserRowState> {
  const actor = await requireActionPermission("users:manage");
  const userId = String(form.get("userId"));
  if (userId === actor.id) return { error: "You cannot delete your own account." };
  return changeUsers(async () => deleteUser((await getDatabase()).prisma, userId, actor));
}

/** Runs a change to the user list; a refusal the user can act on comes back as the row's error. */
async function changeUsers(change: () => Promise<unknown>): Promise<UserRowState> {
  try {
    await change();
  } catch (error) {
    const message = messageOf(error);
    if (message) return { error: message };
    throw error;
  }
  revalidatePath("/settings/users");
  return { error: null };
}
