import "server-only";
import { APIError, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getDb, type Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getInstallationSecret } from "@/lib/data/auth/get-installation-secret";
import { SIGN_IN_FAILED, SIGN_IN_SUCCEEDED } from "@/lib/data/auth/get-sign-in-lockout";
import { authConfigFromEnv, roleFromClaims, type AuthConfig } from "./auth-config";

// Sessions live in the database (revocable: deleting a user or a session signs them out at the
// next request); no cookie cache, so a role change applies at once.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const SESSION_REFRESH_SECONDS = 60 * 60;

// Password sign-in and account creation go through our own server actions (lockout, audit,
// first-run setup, admin-created accounts); the HTTP endpoints for them stay closed.
const DISABLED_PATHS = [
  "/sign-in/email",
  "/sign-up/email",
  "/update-user",
  "/delete-user",
  "/change-email",
  "/change-password",
  "/set-password",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/verify-email",
  "/link-social",
  "/unlink-account",
];

export const OIDC_PROVIDER_ID = "oidc";

export function createAuth(db: Db, secret: string, config: AuthConfig) {
  const oidc = config.oidc;
  return betterAuth({
    appName: "Blastmap",
    secret,
    baseURL: config.baseURL,
    trustedOrigins: config.trustedOrigins,
    database: prismaAdapter(db, { provider: "postgresql" }),
    disabledPaths: DISABLED_PATHS,
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    user: {
      additionalFields: {
        // input: false — no request body can choose its own role.
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
      customRules: { "/sign-in/social": { window: 60, max: 10 }, "/callback/*": { window: 60, max: 10 } },
    },
    advanced: {
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: config.secureCookies },
    },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          async after(session, context) {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true, role: true } });
            if (!user) return;
            await recordAuditEvent(
              db,
              { kind: "user", id: session.userId, name: user.email, ip: session.ipAddress, userAgent: session.userAgent },
              {
                action: SIGN_IN_SUCCEEDED,
                target: user.email,
                after: { method: context?.path?.startsWith("/callback") ? "oidc" : "password", role: user.role },
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
                  requireIdTokenVerification: true,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                  // The identity provider is the source of truth for the role: re-mapped at every sign-in.
                  overrideUserInfo: true,
                  // An SSO user whose claims map to no role is refused (and the refusal audited), also
                  // on a later sign-in after being removed from the mapped groups.
                  mapProfileToUser: async (profile) => {
                    const role = roleFromClaims(profile, oidc);
                    if (role) return { role };
                    const email = typeof profile.email === "string" ? profile.email : "unknown";
                    await recordAuditEvent(db, { kind: "anonymous", name: email }, {
                      action: SIGN_IN_FAILED,
                      target: email,
                      after: { method: "oidc", reason: `no Blastmap role mapped from claim "${oidc.roleClaim}"` },
                    });
                    throw new APIError("FORBIDDEN", { message: "no Blastmap role for this account" });
                  },
                },
              ],
            }),
          ]
        : []),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { blastmapAuth?: Promise<Auth> };

/** The process's better-auth instance, built on first use over the process's database. */
export function getAuth(): Promise<Auth> {
  globalForAuth.blastmapAuth ??= (async () => {
    const db = await getDb();
    const secret = process.env.BETTER_AUTH_SECRET?.trim() || (await getInstallationSecret(db, "better-auth"));
    return createAuth(db, secret, authConfigFromEnv());
  })().catch((error: unknown) => {
    globalForAuth.blastmapAuth = undefined;
    throw error;
  });
  return globalForAuth.blastmapAuth;
}

export { APIError };
