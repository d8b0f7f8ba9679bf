import type { TPrivilege } from "@/lib/schemas/graph-facts";

// GITHUB_TOKEN permissions in force for a job, following GitHub's rules
// (docs.github.com "Controlling permissions for GITHUB_TOKEN"):
//  - a job-level `permissions` block replaces the workflow-level one entirely;
//  - `read-all` / `write-all` set every scope; `{}` sets every scope to none;
//  - naming any scope sets every scope not named to none;
//  - no block anywhere = the repository/organisation default, which we cannot see (null: unknown,
//    possibly write, since older repositories default to read/write).

export const TOKEN_SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "models",
  "packages",
  "pages",
  "pull-requests",
  "repository-projects",
  "security-events",
  "statuses",
] as const;

export type TokenPermissions = Record<string, string>;

/** `present` distinguishes "no permissions key" from "permissions: {}" / null. */
export interface PermissionsBlock {
  present: boolean;
  value: unknown;
}

export function tokenPermissionsInForce(workflow: PermissionsBlock, job: PermissionsBlock): TokenPermissions | null {
  if (job.present) return normalisePermissions(job.value);
  if (workflow.present) return normalisePermissions(workflow.value);
  return null;
}

export function normalisePermissions(value: unknown): TokenPermissions {
  const everyScope = (level: string): TokenPermissions =>
    // id-token has no "read" level; read-all leaves it off, so read-all cannot mint OIDC tokens.
    Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, scope === "id-token" && level === "read" ? "none" : level]));
  if (value === "read-all") return everyScope("read");
  if (value === "write-all") return everyScope("write");
  const permissions = everyScope("none");
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [scope, level] of Object.entries(value as Record<string, unknown>)) {
      if (typeof level === "string") permissions[scope] = level.toLowerCase();
    }
  }
  // `permissions:` with an empty value (YAML null) or any other shape means the same as `{}`.
  return permissions;
}

export const canMintOidc = (permissions: TokenPermissions | null): boolean => permissions?.["id-token"] === "write";

/**
 * What holding the job's GITHUB_TOKEN lets an attacker do to the organisation's source control.
 * id-token is not a repository scope (it only lets the job ask for an OIDC token), so it does not
 * count as write access; unknown permissions are assumed to be write.
 */
export function githubTokenPrivilege(permissions: TokenPermissions | null): { privilege: TPrivilege; assumed: boolean } {
  if (permissions === null) return { privilege: "write", assumed: true };
  const writes = Object.entries(permissions).some(([scope, level]) => scope !== "id-token" && level === "write");
  return { privilege: writes ? "write" : "read", assumed: false };
}

/** Scopes as "scope:level" for the identity, leaving out the ones set to none. */
export const permissionScopes = (permissions: TokenPermissions | null): string[] =>
  permissions === null
    ? []
    : Object.entries(permissions)
        .filter(([, level]) => level !== "none")
        .map(([scope, level]) => `${scope}:${level}`)
        .sort();
