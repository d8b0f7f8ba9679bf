import { ROLES, type Role } from "./permissions";

// Everything the sign-in machinery reads from the environment, validated in one place so a
// misconfiguration is one clear message at start-up rather than a failure at the first sign-in.

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the ID-token/userinfo claim holding the user's groups or roles, e.g. "groups" */
  roleClaim: string;
  /** claim value → Blastmap role; the most powerful matching role wins */
  roleMap: Record<string, Role>;
  /** role for a user none of whose claim values are mapped; null refuses the sign-in */
  defaultRole: Role | null;
  displayName: string;
}

export interface AuthConfig {
  baseURL: string;
  trustedOrigins: string[];
  secureCookies: boolean;
  oidc: OidcConfig | null;
}

export class AuthConfigError extends Error {}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** "blastmap-admins=admin, secops=responder" → { "blastmap-admins": "admin", secops: "responder" } */
export function parseRoleMap(raw: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const entry of raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf("=");
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !value) throw new AuthConfigError(`BLASTMAP_OIDC_ROLE_MAP entry "${entry}" must look like claimValue=role`);
    if (!isRole(role)) throw new AuthConfigError(`BLASTMAP_OIDC_ROLE_MAP entry "${entry}": role must be one of ${ROLES.join(", ")}`);
    map[value] = role;
  }
  return map;
}

function parseOrigin(name: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
    return url.origin;
  } catch {
    throw new AuthConfigError(`${name} must be an http(s) URL, got "${value}"`);
  }
}

export function authConfigFromEnv(env: Record<string, string | undefined> = process.env): AuthConfig {
  const port = env.PORT?.trim() || "3000";
  const baseURL = parseOrigin("BETTER_AUTH_URL", env.BETTER_AUTH_URL?.trim() || `http://localhost:${port}`);
  const extraOrigins = (env.BLASTMAP_TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => parseOrigin("BLASTMAP_TRUSTED_ORIGINS", origin));
  // Without an explicit public URL the server is being reached locally; accept both spellings of
  // localhost so `npm start` works from either.
  const local = env.BETTER_AUTH_URL ? [] : [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const trustedOrigins = [...new Set([baseURL, ...local, ...extraOrigins])];

  const issuer = env.BLASTMAP_OIDC_ISSUER?.trim();
  let oidc: OidcConfig | null = null;
  if (issuer) {
    const clientId = env.BLASTMAP_OIDC_CLIENT_ID?.trim();
    const clientSecret = env.BLASTMAP_OIDC_CLIENT_SECRET?.trim();
    if (!clientId || !clientSecret) {
      throw new AuthConfigError("BLASTMAP_OIDC_ISSUER is set, so BLASTMAP_OIDC_CLIENT_ID and BLASTMAP_OIDC_CLIENT_SECRET are required");
    }
    const defaultRole = env.BLASTMAP_OIDC_DEFAULT_ROLE?.trim() || "none";
    if (defaultRole !== "none" && !isRole(defaultRole)) {
      throw new AuthConfigError(`BLASTMAP_OIDC_DEFAULT_ROLE must be one of ${ROLES.join(", ")} or none, got "${defaultRole}"`);
    }
    oidc = {
      issuer: parseOrigin("BLASTMAP_OIDC_ISSUER", issuer) + new URL(issuer).pathname.replace(/\/$/, ""),
      clientId,
      clientSecret,
      roleClaim: env.BLASTMAP_OIDC_ROLE_CLAIM?.trim() || "groups",
      roleMap: parseRoleMap(env.BLASTMAP_OIDC_ROLE_MAP ?? ""),
      defaultRole: defaultRole === "none" ? null : (defaultRole as Role),
      displayName: env.BLASTMAP_OIDC_NAME?.trim() || "single sign-on",
    };
  }
  return { baseURL, trustedOrigins, secureCookies: baseURL.startsWith("https://"), oidc };
}

/** A groups claim as its values: providers send a JSON array or one space- or comma-separated string. */
export function claimValues(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  return typeof claim === "string" ? claim.split(/[\s,]+/).filter(Boolean) : [];
}

// Most powerful first: a user in both the admins and the auditors group is an admin.
const ROLE_RANK: Role[] = ["admin", "responder", "auditor", "viewer"];

/** The Blastmap role an OIDC profile maps to, or null when it maps to none (sign-in refused). */
export function roleFromClaims(profile: Record<string, unknown>, oidc: Pick<OidcConfig, "roleClaim" | "roleMap" | "defaultRole">): Role | null {
  const roles = new Set(
    claimValues(profile[oidc.roleClaim])
      .map((value) => oidc.roleMap[value])
      .filter((role): role is Role => Boolean(role)),
  );
  return ROLE_RANK.find((role) => roles.has(role)) ?? oidc.defaultRole;
}
