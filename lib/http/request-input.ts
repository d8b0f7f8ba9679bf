import { z } from "zod";
import { InputProblemError } from "./problem-response";

// A route's input schema reads the parts of a request (the query string, the path's dynamic
// segments, the JSON body) and hands the route's own Zod schema the object it checks, so the
// route schema in lib/schemas stays the one definition of that input (the CLI and pages parse with
// it too). Issue paths are the route schema's own (maxHops, ref, id).

export interface RequestParts {
  query: URLSearchParams;
  params: Record<string, string | string[] | undefined>;
  /** for reading the body; only a body input does */
  request: Request;
}

export type RequestSchema<Input> = z.ZodType<Input, RequestParts>;

/**
 * `pick` gathers the raw values, `schema` checks them; `whole` names the input in a problem about
 * no particular field.
 */
export function requestInput<S extends z.ZodType>(pick: (parts: RequestParts) => unknown, schema: S, whole = "request"): RequestSchema<z.output<S>> {
  return z
    .custom<RequestParts>()
    .transform(async (parts) => pick(parts))
    .pipe(schema)
    .describe(whole);
}

/** The query string, one value per name (the last one given). */
export const queryInput = <S extends z.ZodType>(schema: S) => requestInput((parts) => Object.fromEntries(parts.query), schema, "query");

/** The JSON body; `shape` tells a client what to send when it is not JSON at all ("{ ref, note? }"). */
export const bodyInput = <S extends z.ZodType>(schema: S, shape: string) => requestInput((parts) => readJsonBody(parts.request, shape), schema, "body");

async function readJsonBody(request: Request, shape: string): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new InputProblemError([{ path: "body", message: `the body must be JSON: ${shape}` }]);
  }
}
