import type { Permission } from "@/lib/auth/permissions";

/** The navigation: one entry per page that exists, shown to roles holding its permission. */
export const NAV_ITEMS: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Overview", permission: "graph:read" },
  { href: "/inventory/identities", label: "Inventory", permission: "graph:read" },
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
