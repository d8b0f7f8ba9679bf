import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authConfigFromEnv } from "@/lib/auth/auth-config";
import { NO_ROLE_ERROR } from "@/lib/auth/get-auth";
import { getCurrentActor } from "@/lib/auth/guard";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { countUsers } from "@/lib/data/users/count-users";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// Public by design: the one page (with /setup) that needs no session.
export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string; error?: string | string[] }> }) {
  const { next, error } = await searchParams;
  if (await getCurrentActor()) redirect(safeNextPath(next));
  if ((await countUsers((await getDatabase()).prisma)) === 0) redirect("/setup");
  const oidc = authConfigFromEnv().oidc;
  return <SignInForm next={safeNextPath(next)} ssoName={oidc?.displayName ?? null} initialError={signInErrorMessage(error)} />;
}

// A failed single sign-on comes back here with better-auth's error code; only ours is spelled out,
// the others (a refused or tampered response) read the same to the person signing in.
function signInErrorMessage(error: string | string[] | undefined): string | null {
  const codes = Array.isArray(error) ? error : error ? [error] : [];
  if (codes.includes(NO_ROLE_ERROR)) return "Your single sign-on account has no Blastmap role. Ask an administrator to add you to a group that maps to one.";
  return codes.length > 0 ? "Single sign-on failed. Try again, or ask an administrator to check the provider's settings." : null;
}
