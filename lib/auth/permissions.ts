// Who may do what: the one table every guard reads. Roles are cumulative only where listed.
export const ROLES = ["admin", "responder", "auditor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "graph:read": ["admin", "responder", "auditor", "viewer"],
  "radius:read": ["admin", "responder", "auditor", "viewer"],
  "whatif:run": ["admin", "responder", "auditor", "viewer"],
  "import:write": ["admin", "responder"],
  "compromise:mark": ["admin", "responder"],
  "incident:read": ["admin", "responder", "auditor", "viewer"],
  "incident:write": ["admin", "responder"],
  "findings:read": ["admin", "responder", "auditor", "viewer"],
  "compliance:export": ["admin", "auditor"],
  "audit:read": ["admin", "auditor"],
  "users:manage": ["admin"],
  "tokens:manage": ["admin"],
  "settings:manage": ["admin"],
  "graph:delete": ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
