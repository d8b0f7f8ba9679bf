"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authConfigFromEnv } from "@/lib/auth/auth-config";
import { getAuth, OIDC_PROVIDER_ID } from "@/lib/auth/get-auth";
import { getCurrentActor } from "@/lib/auth/guard";
import { requestMeta } from "@/lib/auth/request-meta";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getSignInLockout, SIGN_IN_FAILED } from "@/lib/data/auth/get-sign-in-lockout";
import { getDatabase } from "@/lib/db";
import { ZSignInInput } from "@/lib/schemas/user";

export interface SignInState {
  error: string | null;
  /** kept so the form (which React resets after an action) does not lose what was typed */
  email?: string;
}

/** Password sign-in: lockout first, then better-auth, with every failure in the audit log. */
export async function signInAction(_state: SignInState, form: FormData): Promise<SignInState> {
  const parsed = ZSignInInput.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  if (!parsed.success) return { error: parsed.error.issues.map((issue) => issue.message).join("; "), email: String(form.get("email") ?? "") };
  const { email, password, next } = parsed.data;
  const requestHeaders = await headers();
  const meta = requestMeta(requestHeaders);
  const db = (await getDatabase()).prisma;

  const lockout = await getSignInLockout(db, email, meta.ip);
  if (lockout.locked) {
    await recordAuditEvent(db, { kind: "anonymous", name: email, ...meta }, { action: "auth.sign_in_locked", target: email });
    return { error: `Too many failed sign-ins. Try again in ${Math.ceil(lockout.retryAfterSeconds / 60)} minute(s).`, email };
  }
  try {
    const auth = await getAuth();
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch {
    // Same message for an unknown email and a wrong password: no account enumeration.
    await recordAuditEvent(db, { kind: "anonymous", name: email, ...meta }, { action: SIGN_IN_FAILED, target: email, after: { method: "password" } });
    return { error: "Wrong email or password.", email };
  }
  redirect(safeNextPath(next));
}

/** Starts single sign-on with the configured OpenID Connect provider. */
export async function signInWithOidcAction(form: FormData): Promise<void> {
  if (!authConfigFromEnv().oidc) redirect("/sign-in");
  const auth = await getAuth();
  const next = safeNextPath(String(form.get("next") ?? "/"));
  const result = await auth.api.signInSocial({
    body: { provider: OIDC_PROVIDER_ID, callbackURL: next, errorCallbackURL: "/sign-in?error=sso" },
    headers: await headers(),
  });
  if (!result.url) redirect("/sign-in?error=sso");
  redirect(result.url);
}

export async function signOutAction(): Promise<void> {
  const actor = await getCurrentActor();
  const requestHeaders = await headers();
  if (actor) {
    await (await getAuth()).api.signOut({ headers: requestHeaders });
    await recordAuditEvent((await getDatabase()).prisma, actor, { action: "auth.sign_out", target: actor.name });
  }
  redirect("/sign-in");
}
