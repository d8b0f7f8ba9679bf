import { authorizeRequest, type Actor } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { problemsFromIssues } from "@/lib/schemas/input-problem";
import { InputProblemError, problemResponse } from "./problem-response";
import type { RequestParts, RequestSchema } from "./request-input";

// Every guarded route handler is `withPermission(permission, input, handler)`: the guard first
// (session, API token or the local CLI key; same-origin for state changes), then the route's input
// schema over the request's parts, then the handler with the actor and the parsed input. A failed
// parse, or an InputProblemError thrown on the way, is answered by problemResponse, so no route
// builds an error body itself.

export interface RouteContext<Input> {
  actor: Actor;
  input: Input;
  request: Request;
}

/** What Next.js hands a route handler besides the request. */
interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = (request: Request, context: NextRouteContext) => Promise<Response>;

/** A permission, or one that depends on the request (a what-if radius needs whatif:run). */
type RequiredPermission = Permission | ((request: Request) => Permission);

/** `input: null` leaves the request untouched for the handler (the streaming import upload reads its own body). */
export function withPermission(permission: RequiredPermission, input: null, handler: (context: RouteContext<undefined>) => Promise<Response>): RouteHandler;
export function withPermission<Input>(
  permission: RequiredPermission,
  input: RequestSchema<Input>,
  handler: (context: RouteContext<Input>) => Promise<Response>,
): RouteHandler;
export function withPermission<Input>(
  permission: RequiredPermission,
  input: RequestSchema<Input> | null,
  handler: (context: RouteContext<Input | undefined>) => Promise<Response>,
): RouteHandler {
  return async (request, context) => {
    const actor = await authorizeRequest(request, typeof permission === "function" ? permission(request) : permission);
    if (actor instanceof Response) return actor;
    try {
      if (input === null) return await handler({ actor, input: undefined, request });
      const parts: RequestParts = { query: new URL(request.url).searchParams, params: (await context?.params) ?? {}, request };
      const parsed = await input.safeParseAsync(parts);
      if (!parsed.success) return problemResponse(problemsFromIssues(parsed.error.issues, input.description ?? "request"));
      return await handler({ actor, input: parsed.data, request });
    } catch (error) {
      if (error instanceof InputProblemError) return problemResponse(error.problems, error.status);
      throw error;
    }
  };
}
