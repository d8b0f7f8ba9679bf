import { z } from "zod";
import { claimValues } from "./auth-config";

// The profile a single sign-on is decided on: the verified ID token's claims plus the provider's
// userinfo response. Okta, Keycloak and Azure AD often send the groups only from userinfo (or
// leave them out of an ID token that would grow too large), so reading the ID token alone left
// those users without their mapped role.

export type OidcClaims = Record<string, unknown>;

const ZDiscovery = z.object({ userinfo_endpoint: z.url().optional() });
const ZUserInfo = z.looseObject({ sub: z.union([z.string(), z.number()]).transform(String) });

/**
 * The profile to map: every claim of the ID token as it is, userinfo filling in what the ID token
 * leaves out, and the role claim the union of both (the ID token's values first). A userinfo
 * response for another subject is not used at all (OpenID Connect Core 1.0 §5.3.4).
 */
export function mergeOidcProfile(idToken: OidcClaims, userInfo: OidcClaims | null, roleClaim: string): OidcClaims {
  if (!userInfo || userInfo.sub === undefined || String(userInfo.sub) !== String(idToken.sub)) return { ...idToken };
  const merged: OidcClaims = { ...userInfo, ...idToken };
  const values = [...new Set([...claimValues(idToken[roleClaim]), ...claimValues(userInfo[roleClaim])])];
  if (values.length > 0) merged[roleClaim] = values;
  return merged;
}

/** The claims of an ID token the caller has already verified (signature, issuer, audience, nonce). */
export function verifiedIdTokenClaims(idToken: string): OidcClaims | null {
  try {
    const payload = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")) as unknown;
    return payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as OidcClaims) : null;
  } catch {
    return null;
  }
}

export class UserInfoError extends Error {}

const TIMEOUT_MS = 10_000;

async function getJson(url: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new UserInfoError(`${url} answered ${response.status}`);
  // A userinfo response signed or encrypted as a JWT is only sent to clients registered for it.
  if (!(response.headers.get("content-type") ?? "").includes("json")) throw new UserInfoError(`${url} did not answer JSON`);
  return response.json();
}

/**
 * The provider's userinfo claims for this access token, or null when the provider advertises no
 * userinfo endpoint. Throws UserInfoError when the endpoint exists but does not answer usably.
 */
export async function fetchUserInfo(issuer: string, accessToken: string): Promise<OidcClaims | null> {
  const discovery = ZDiscovery.safeParse(await getJson(`${issuer}/.well-known/openid-configuration`));
  if (!discovery.success) throw new UserInfoError(`the discovery document of ${issuer} has an invalid userinfo_endpoint`);
  const endpoint = discovery.data.userinfo_endpoint;
  if (!endpoint) return null;
  const userInfo = ZUserInfo.safeParse(await getJson(endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } }));
  if (!userInfo.success) throw new UserInfoError(`the userinfo response of ${issuer} has no subject`);
  return userInfo.data;
}
