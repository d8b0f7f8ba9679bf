import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, roleAllows, TOKEN_SCOPE_PERMISSIONS, tokenScopeAllows, type Permission } from "./permissions";

const all = Object.keys(PERMISSIONS) as Permission[];
const mutating: Permission[] = [
  "import:write",
  "compromise:mark",
  "incident:write",
  "users:manage",
  "tokens:manage",
  "settings:manage",
  "connectors:sync",
  "graph:delete",
  "whatif:run",
];

describe("the permission table", () => {
  it("gives admins every permission", () => {
    expect(all.filter((permission) => !roleAllows("admin", permission))).toEqual([]);
  });

  it("lets auditors read everything, export compliance and the audit log, and change nothing", () => {
    expect(all.filter((permission) => roleAllows("auditor", permission)).sort()).toEqual(
      ["audit:read", "compliance:export", "findings:read", "graph:read", "incident:read", "radius:read"].sort(),
    );
    expect(mutating.filter((permission) => roleAllows("auditor", permission))).toEqual([]);
  });

  it("lets responders import, handle incidents, mark compromises and run what-if, but not manage users, tokens or settings", () => {
    for (const permission of ["import:write", "incident:write", "compromise:mark", "whatif:run"] as const)
      expect(roleAllows("responder", permission)).toBe(true);
    for (const permission of ["users:manage", "tokens:manage", "settings:manage", "connectors:sync", "graph:delete", "audit:read"] as const)
      expect(roleAllows("responder", permission)).toBe(false);
  });

  it("limits viewers to reading the inventory and graphs", () => {
    expect(all.filter((permission) => roleAllows("viewer", permission)).every((permission) => permission.endsWith(":read"))).toBe(true);
    expect(roleAllows("viewer", "audit:read")).toBe(false);
  });

  it("names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });

  it("lets a read token only read, and an import token also import — never manage anything", () => {
    expect(TOKEN_SCOPE_PERMISSIONS.read.every((permission) => permission.endsWith(":read"))).toBe(true);
    expect(tokenScopeAllows("read", "import:write")).toBe(false);
    expect(tokenScopeAllows("import", "import:write")).toBe(true);
    for (const scope of ["read", "import"] as const) {
      for (const permission of ["users:manage", "tokens:manage", "settings:manage", "connectors:sync", "graph:delete", "audit:read", "incident:write"] as const)
        expect(tokenScopeAllows(scope, permission)).toBe(false);
    }
  });
});
