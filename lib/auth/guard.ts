import "server-only";
import type { Permission, Role } from "./permissions";

// TRANSITIONAL: the sign-in issue replaces the body of these functions with real sessions and
// API tokens. Every page, route handler and server action already calls them, so access control
// lands in one place.

export interface Actor {
  kind: "user" | "token";
  id: string;
  name: string;
  role: Role;
}

const LOCAL_ACTOR: Actor = { kind: "user", id: "local", name: "local", role: "admin" };

/** Pages: redirects to sign-in when nobody is signed in, renders 403 when the role may not. */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  void permission;
  return LOCAL_ACTOR;
}

/** Server actions: throws when not allowed. */
export async function requireActionPermission(permission: Permission): Promise<Actor> {
  void permission;
  return LOCAL_ACTOR;
}

/** Route handlers: the actor, or a 401/403 JSON response to return as is. */
export async function authorizeRequest(request: Request, permission: Permission): Promise<Actor | Response> {
  void request;
  void permission;
  return LOCAL_ACTOR;
}
