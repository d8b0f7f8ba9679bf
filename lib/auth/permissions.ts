// Who may do what: the one table every guard reads. Roles are cumulative only where listed.
export const ROLES = ["admin", "responder", "auditor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "graph:read": ["admin", "responder", "auditor", "viewer"],
  "radius:read": ["admin", "responder", "auditor", "viewer"],
  // What-if is listed under responders in the role definitions (issue 6): it is a planning tool
  // for the people who act on its answer.
  "whatif:run": ["admin", "responder"],
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
  // a connector sync reads an organisation with the server's own token and rewrites its inventory
  "connectors:sync": ["admin"],
  "graph:delete": ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

// API tokens carry a scope instead of a role: "read" reads what a viewer reads; "import" may also
// send imports (the CI ingestion use case) and nothing else.
const TOKEN_READ_PERMISSIONS = ["graph:read", "radius:read", "incident:read", "findings:read"] as const satisfies readonly Permission[];
export const TOKEN_SCOPE_PERMISSIONS = {
  read: TOKEN_READ_PERMISSIONS,
  import: [...TOKEN_READ_PERMISSIONS, "import:write"],
} as const satisfies Record<string, readonly Permission[]>;
export type TokenScope = keyof typeof TOKEN_SCOPE_PERMISSIONS;

export function tokenScopeAllows(scope: TokenScope, permission: Permission): boolean {
  return (TOKEN_SCOPE_PERMISSIONS[scope] as readonly Permission[]).includes(permission);
}
