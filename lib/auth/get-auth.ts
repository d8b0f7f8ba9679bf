import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { APIError, betterAuth } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getDatabase, type Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getInstallationSecret } from "@/lib/data/auth/get-installation-secret";
import { SIGN_IN_FAILED, SIGN_IN_SUCCEEDED } from "@/lib/data/auth/get-sign-in-lockout";
import { LastAdminError, updateUserRole } from "@/lib/data/users/update-user-role";
import type { GenericOAuthConfig, GenericOAuthUserInfo } from "better-auth/plugins/generic-oauth";
import { authConfigFromEnv, roleFromClaims, type AuthConfig, type OidcConfig } from "./auth-config";
import type { Role } from "./permissions";
import { fetchUserInfo, mergeOidcProfile, verifiedIdTokenClaims } from "./oidc-profile";
import { requestMeta } from "./request-meta";

// Sessions live in the database (revocable: deleting a user or a session signs them out at the
// next request); no cookie cache, so a role change applies at once.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const SESSION_REFRESH_SECONDS = 60 * 60;

// Over HTTP, better-auth answers only what a browser needs from it: the provider's redirect back
// (/callback/oidc), the session check and its own ok/error pages. Password sign-in, account
// creation, sign-out and starting single sign-on go through our server actions (lockout, audit,
// first-run setup), which call auth.api in-process, where disabledPaths does not apply. Everything
// else is closed, notably /verify-password and /revoke-sessions: with them a stolen session cookie
// could guess its own account's password, unlimited and unaudited. get-auth.integration.test.ts
// fails when a better-auth upgrade adds an endpoint that is in neither list.
export const HTTP_AUTH_PATHS = ["/get-session", "/callback/:id", "/ok", "/error"] as const;
export const DISABLED_PATHS = [
  "/sign-in/email",
  "/sign-in/social",
  "/sign-up/email",
  "/sign-out",
  "/verify-password",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/list-sessions",
  "/update-session",
  "/update-user",
  "/delete-user",
  "/delete-user/callback",
  "/change-email",
  "/change-password",
  "/set-password",
  "/request-password-reset",
  "/reset-password",
  "/reset-password/:token",
  "/send-verification-email",
  "/verify-email",
  "/link-social",
  "/unlink-account",
  "/list-accounts",
  "/account-info",
  "/get-access-token",
  "/refresh-token",
];

// disabledPaths compares exact paths, so "/reset-password/:token" is refused by prefix in the handler.
const DISABLED_PATH_PREFIXES = DISABLED_PATHS.filter((path) => path.includes("/:")).map((path) => `/api/auth${path.slice(0, path.indexOf(":"))}`);

export const OIDC_PROVIDER_ID = "oidc";

/** The error code the sign-in page turns into "no Blastmap role" (after a refused single sign-on). */
export const NO_ROLE_ERROR = "no_blastmap_role";

// The role decided from one single sign-on's claims, carried from mapProfileToUser (which sees the
// verified ID token's / userinfo claims) to the user and session writes of the same callback.
// better-auth ignores a mapped field declared `input: false` — as `role` is, so no request body can
// choose its own role — which is why mapping the role in mapProfileToUser alone left every SSO
// user a viewer.
interface OidcSignIn {
  email?: string;
  role?: Role | null;
  refused?: { email: string; headers?: Headers };
}
const oidcSignIn = new AsyncLocalStorage<OidcSignIn>();

const isOidcCallback = (context: { path?: string } | null | undefined) => Boolean(context?.path?.startsWith("/callback"));

export function createAuth(db: Db, secret: string, config: AuthConfig) {
  const oidc = config.oidc;

  /** The role this callback's claims map to; refuses the sign-in when there is none. */
  function claimedRole(context: { headers?: Headers } | null | undefined): Role {
    const signIn = oidcSignIn.getStore();
    if (signIn?.role) return signIn.role;
    // Audited by the handler once the callback is over: this may run inside better-auth's
    // user-creation transaction, which the embedded database's single connection is busy with.
    if (signIn) signIn.refused = { email: signIn.email ?? "unknown", headers: context?.headers };
    // An APIError with a code is turned by the callback into a redirect to errorCallbackURL (the
    // sign-in page, which explains it) instead of a JSON body left on the callback URL.
    throw new APIError("FORBIDDEN", { code: NO_ROLE_ERROR, message: "no Blastmap role for this account" });
  }

  async function auditRefusal(refused: NonNullable<OidcSignIn["refused"]>) {
    await recordAuditEvent(
      db,
      { kind: "anonymous", name: refused.email, ...(refused.headers ? requestMeta(refused.headers) : {}) },
      {
        action: SIGN_IN_FAILED,
        target: refused.email,
        after: { method: "oidc", reason: `no Blastmap role mapped from claim "${oidc?.roleClaim ?? "groups"}"` },
      },
    );
  }

  const auth = betterAuth({
    appName: "Blastmap",
    secret,
    baseURL: config.baseURL,
    trustedOrigins: config.trustedOrigins,
    database: prismaAdapter(db, { provider: "postgresql" }),
    disabledPaths: DISABLED_PATHS,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        // input: false — no request body (nor provider profile) can choose its own role.
        role: { type: "string", required: true, defaultValue: "viewer", input: false },
      },
    },
    session: {
      expiresIn: SESSION_MAX_AGE_SECONDS,
      updateAge: SESSION_REFRESH_SECONDS,
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/get-session": { window: 60, max: 60 }, "/callback/*": { window: 60, max: 10 } },
    },
    // Where a failed single sign-on lands when the flow carries no errorCallbackURL of its own.
    onAPIError: { errorURL: `${config.baseURL}/sign-in` },
    advanced: {
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: config.secureCookies },
    },
    telemetry: { enabled: false },
    hooks: {
      // The session token is the cookie's value; a script that can read JSON has no business with it.
      after: createAuthMiddleware(async (context) => {
        if (context.path !== "/get-session") return;
        const returned = context.context.returned as { session?: Record<string, unknown> } | null | undefined;
        if (!returned?.session || !("token" in returned.session)) return;
        const { token: _token, ...session } = returned.session;
        return context.json({ ...returned, session });
      }),
    },
    databaseHooks: {
      user: {
        create: {
          async before(user, context) {
            if (!isOidcCallback(context)) return;
            return { data: { ...user, role: claimedRole(context) } };
          },
        },
      },
      session: {
        create: {
          // Re-evaluated at every single sign-on: the provider's groups are the source of truth.
          async before(session, context) {
            if (!isOidcCallback(context)) return;
            const role = claimedRole(context);
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true, role: true } });
            if (user && user.role !== role) {
              const actor = { kind: "system" as const, name: "single sign-on" };
              try {
                await updateUserRole(db, session.userId, role, actor);
              } catch (error) {
                // The provider's groups may not leave the installation without an admin (a group
                // renamed at the provider would lock everyone out of users, tokens and the audit log).
                if (!(error instanceof LastAdminError)) throw error;
                await recordAuditEvent(db, actor, {
                  action: "user.role_change_refused",
                  target: user.email,
                  before: { role: user.role },
                  after: { role, reason: "the last admin cannot be demoted by the provider's groups; make someone else an admin first" },
                });
              }
            }
          },
          async after(session, context) {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true, role: true } });
            if (!user) return;
            await recordAuditEvent(
              db,
              // the client address as requestMeta reads it (better-auth masks IPv6 to a /64: ::1 became all zeros)
              {
                kind: "user",
                id: session.userId,
                name: user.email,
                userAgent: session.userAgent,
                ip: context?.headers ? requestMeta(context.headers).ip : null,
              },
              {
                action: SIGN_IN_SUCCEEDED,
                target: user.email,
                after: { method: isOidcCallback(context) ? "oidc" : "password", role: user.role },
              },
            );
          },
        },
      },
    },
    plugins: [
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: oidc.displayName,
                  discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                  // Signature (the provider's JWKS), issuer, audience, expiry and the nonce bound
                  // to this browser's state are all checked before the claims are read.
                  requireIdTokenVerification: true,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                  overrideUserInfo: true,
                  // Runs after better-auth has verified the ID token; adds the userinfo claims.
                  getUserInfo: (tokens) => oidcProfile(tokens, oidc),
                  mapProfileToUser: (profile) => {
                    const signIn = oidcSignIn.getStore();
                    // Only the HTTP handler below opens the store; a callback reached any other
                    // way is refused rather than given the default role.
                    if (!signIn) throw new APIError("FORBIDDEN", { message: "single sign-on outside the auth handler" });
                    signIn.email = typeof profile.email === "string" ? profile.email : undefined;
                    signIn.role = roleFromClaims(profile, oidc);
                    return {};
                  },
                },
              ],
            }),
          ]
        : []),
      nextCookies(),
    ],
  });
  const handler = auth.handler;
  auth.handler = (request: Request) => {
    const path = new URL(request.url).pathname;
    if (DISABLED_PATH_PREFIXES.some((prefix) => path.startsWith(prefix))) return Promise.resolve(new Response("Not Found", { status: 404 }));
    const signIn: OidcSignIn = {};
    return oidcSignIn.run(signIn, async () => {
      const response = await handler(request);
      if (signIn.refused) await auditRefusal(signIn.refused);
      return response;
    });
  };
  return auth;
}

/**
 * The claims a single sign-on is mapped from: the verified ID token's, merged with the provider's
 * userinfo response (where many providers put the groups). Null fails the sign-in.
 */
async function oidcProfile(tokens: OAuth2Tokens, oidc: OidcConfig): Promise<GenericOAuthUserInfo | null> {
  const idToken = tokens.idToken ? verifiedIdTokenClaims(tokens.idToken) : null;
  // requireIdTokenVerification: a provider that sent no ID token is not one we sign in with.
  if (!idToken || typeof idToken.sub !== "string") return null;
  let userInfo: Record<string, unknown> | null = null;
  if (tokens.accessToken) {
    try {
      userInfo = await fetchUserInfo(oidc.issuer, tokens.accessToken);
    } catch (error) {
      // With the groups in the ID token the sign-in goes on as before userinfo was read; without
      // them a userinfo outage must not be mistaken for "in no group" (a demotion or the default role).
      console.error(`single sign-on: userinfo from ${oidc.issuer} unavailable: ${error instanceof Error ? error.message : String(error)}`);
      if (idToken[oidc.roleClaim] === undefined) return null;
    }
  }
  const profile = mergeOidcProfile(idToken, userInfo, oidc.roleClaim);
  const text = (claim: unknown) => (typeof claim === "string" ? claim : undefined);
  return {
    ...profile,
    id: idToken.sub,
    sub: idToken.sub,
    email: text(profile.email),
    name: text(profile.name),
    emailVerified: profile.email_verified === true || profile.email_verified === "true",
    image: text(profile.picture),
  };
}

type OAuth2Tokens = Parameters<NonNullable<GenericOAuthConfig["getUserInfo"]>>[0];

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { blastmapAuth?: Promise<Auth> };

/** The process's better-auth instance, built on first use over the process's database. */
export function getAuth(): Promise<Auth> {
  globalForAuth.blastmapAuth ??= (async () => {
    const db = (await getDatabase()).prisma;
    const secret = process.env.BETTER_AUTH_SECRET?.trim() || (await getInstallationSecret(db, "better-auth"));
    return createAuth(db, secret, authConfigFromEnv());
  })().catch((error: unknown) => {
    globalForAuth.blastmapAuth = undefined;
    throw error;
  });
  return globalForAuth.blastmapAuth;
}

export { APIError };
