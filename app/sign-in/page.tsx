import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authConfigFromEnv } from "@/lib/auth/auth-config";
import { getCurrentActor } from "@/lib/auth/guard";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { countUsers } from "@/lib/data/users/count-users";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

// Public by design: the one page (with /setup) that needs no session.
export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const { next, error } = await searchParams;
  if (await getCurrentActor()) redirect(safeNextPath(next));
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  const oidc = authConfigFromEnv().oidc;
  return (
    <SignInForm
      next={safeNextPath(next)}
      ssoName={oidc?.displayName ?? null}
      initialError={error === "sso" ? "Single sign-on failed, or your account has no Blastmap role." : null}
    />
  );
}
