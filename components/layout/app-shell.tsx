import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/lib/actions/sign-in";
import { roleAllows, type Role } from "@/lib/auth/permissions";
import { MainMenu } from "./main-menu";
import { NAV_ITEMS } from "./nav-items";

// Hiding what a role cannot use is a courtesy; the guard on every page, action and route is what enforces it.
export function AppShell({ role, userName, children }: { role: Role | null; userName?: string | null; children: ReactNode }) {
  const items = role ? NAV_ITEMS.filter((item) => roleAllows(role, item.permission)) : [];
  const account =
    role && userName ? (
      <form action={signOutAction} className="user-menu" aria-label="Account">
        <span data-testid="current-user">{userName}</span>{" "}
        <span className="badge" data-testid="current-role">
          {role}
        </span>{" "}
        <button className="button" type="submit">
          Sign out
        </button>
      </form>
    ) : null;
  return (
    <div className="shell">
      <header className="shell-header">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>{" "}
          Blastmap
        </Link>
        {items.length > 0 || account ? <MainMenu items={items} account={account} /> : null}
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
