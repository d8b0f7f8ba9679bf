import Link from "next/link";
import type { ReactNode } from "react";
import { roleAllows, type Role } from "@/lib/auth/permissions";
import { NAV_ITEMS } from "./nav-items";

export function AppShell({ role, children }: { role: Role | null; children: ReactNode }) {
  const items = role ? NAV_ITEMS.filter((item) => roleAllows(role, item.permission)) : [];
  return (
    <div className="shell">
      <header className="shell-header">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">◎</span> Blastmap
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
