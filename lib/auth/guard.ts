import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDatabase } from "@/lib/db";
import { verifyApiToken } from "@/lib/data/tokens/verify-api-token";
import { bearerApiToken } from "./api-token";
import { authConfigFromEnv } from "./auth-config";
import { getAuth } from "./get-auth";
import { isLoopbackAddress, LOCAL_CLI_ACTOR, LOCAL_CLI_KEY_ENV, matchesLocalCliKey } from "./local-cli-key";
import { roleAllows, tokenScopeAllows, type Permission, type Role, type TokenScope } from "./permissions";
import { requestMeta } from "./request-meta";
import { isCrossSiteRequest, requestOrigin, STATE_CHANGING_METHODS } from "./same-origin";

// The one authorization module: every page, server action and route handler calls one of the
// three functions below first. Pages and actions authenticate by session cookie; route handlers
// also accept `Authorization: Bearer bm_…` API tokens, whose scope stands in for a role, and the
// running server's local CLI key (lib/auth/local-cli-key.ts) from this machine.

export interface Actor {
  kind: "user" | "token";
  id: string;
  /** the user's email, or "token:<name>" — what the audit log shows */
  name: string;
  /** a token's role is "viewer"; what it may do is its scope */
  role: Role;
  tokenScope?: TokenScope;
  ip: string | null;
  userAgent: string | null;
}

/** The signed-in user for this request, or null. Memoised per request (layout and page share it). */
export const getCurrentActor = cache(async (): Promise<Actor | null> => sessionActor(await headers()));

async function sessionActor(requestHeaders: Headers): Promise<Actor | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const role = session.user.role as Role;
  return { kind: "user", id: session.user.id, name: session.user.email, role, ...requestMeta(requestHeaders) };
}

export function actorAllows(actor: Actor, permission: Permission): boolean {
  return actor.kind === "token" ? tokenScopeAllows(actor.tokenScope ?? "read", permission) : roleAllows(actor.role, permission);
}

/** Pages: redirects to sign-in when nobody is signed in, renders 403 when the role may not. */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) {
    // proxy.ts passes the requested path so sign-in can return there.
    const path = (await headers()).get("x-blastmap-path") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (!actorAllows(actor, permission)) forbidden();
  return actor;
}

export class ActionAuthorizationError extends Error {}

/** Server actions: throws when not allowed. (Next.js refuses actions posted from other origins.) */
export async function requireActionPermission(permission: Permission): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) throw new ActionAuthorizationError("You are not signed in, or your session has expired. Sign in again.");
  if (!actorAllows(actor, permission)) throw new ActionAuthorizationError(`Your role (${actor.role}) may not do this (${permission}).`);
  return actor;
}

const json = (status: number, error: string) => Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

/** Route handlers: the actor, or a 401/403 JSON response to return as is. */
export async function authorizeRequest(request: Request, permission: Permission): Promise<Actor | Response> {
  const meta = requestMeta(request.headers);
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const raw = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
    if (raw.startsWith("bmlocal_")) {
      if (!matchesLocalCliKey(raw, process.env[LOCAL_CLI_KEY_ENV])) return json(401, "this local CLI key is not the running server's");
      if (!isLoopbackAddress(meta.ip)) return json(403, "the local CLI key is accepted from this machine only");
      const actor: Actor = { kind: "token", id: "local", name: LOCAL_CLI_ACTOR, role: "viewer", tokenScope: "import", ...meta };
      if (!actorAllows(actor, permission)) return json(403, `the local CLI key does not allow ${permission}`);
      return actor;
    }
    const presented = bearerApiToken(request.headers);
    const token = presented ? await verifyApiToken((await getDatabase()).prisma, presented) : null;
    if (!token) return json(401, "invalid, expired or revoked API token");
    const actor: Actor = { kind: "token", id: String(token.id), name: `token:${token.name}`, role: "viewer", tokenScope: token.scope, ...meta };
    if (!actorAllows(actor, permission)) return json(403, `this token's scope (${token.scope}) does not allow ${permission}`);
    return actor;
  }
  const actor = await sessionActor(request.headers);
  if (!actor) return json(401, "sign in or send an API token (Authorization: Bearer bm_…)");
  if (STATE_CHANGING_METHODS.has(request.method.toUpperCase())) {
    const own = [...authConfigFromEnv().trustedOrigins, requestOrigin(request.headers, request.url)];
    if (isCrossSiteRequest(request.headers, own)) return json(403, "cross-site request refused");
  }
  if (!actorAllows(actor, permission)) return json(403, `your role (${actor.role}) does not allow ${permission}`);
  return actor;
}
