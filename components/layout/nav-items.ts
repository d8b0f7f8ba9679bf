import type { Permission } from "@/lib/auth/permissions";

/** The navigation: one entry per page that exists, shown to roles holding its permission. */
export const NAV_ITEMS: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Overview", permission: "graph:read" },
];
