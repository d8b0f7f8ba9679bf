import type { Permission } from "@/lib/auth/permissions";

export interface TNavItem {
  href: string;
  label: string;
  permission: Permission;
  /** Where the item's pages live when that is wider than its link (every inventory kind is "Inventory"). */
  section?: string;
}

/** The navigation: one entry per page that exists, shown to roles holding its permission. */
export const NAV_ITEMS: TNavItem[] = [
  { href: "/", label: "Overview", permission: "graph:read" },
  { href: "/inventory/identities", label: "Inventory", permission: "graph:read", section: "/inventory" },
  { href: "/explore", label: "Explore", permission: "graph:read" },
  { href: "/radius", label: "Blast radius", permission: "radius:read" },
  { href: "/incidents", label: "Incidents", permission: "incident:read" },
  { href: "/findings", label: "Findings", permission: "findings:read" },
  { href: "/compliance", label: "Compliance", permission: "findings:read" },
  { href: "/import", label: "Import", permission: "import:write" },
  { href: "/audit", label: "Audit log", permission: "audit:read" },
  { href: "/settings/users", label: "Users", permission: "users:manage" },
  { href: "/settings/tokens", label: "API tokens", permission: "tokens:manage" },
];

/** Whether the page at this pathname belongs to the item, so the menu can say where the reader is. */
export function isCurrentNavItem(item: TNavItem, pathname: string): boolean {
  const base = item.section ?? item.href;
  // "/" is a prefix of every path; the overview is current only on itself
  if (base === "/") return pathname === "/";
  return pathname === base || pathname.startsWith(`${base}/`);
}
