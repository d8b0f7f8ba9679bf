import { describeProblem, type TInputProblem } from "@/lib/schemas/input-problem";

// The one place input problems become HTTP: every route answers a refused request with the same
// body (ZProblemBody) — the problems, and all of them in one line — and the status that says why.

/** 400 the input is wrong · 404 it names nothing · 409 it names a state that has moved on · 413 too large · 422 well-formed, but refused */
export type ProblemStatus = 400 | 404 | 409 | 413 | 422;

export function problemResponse(problems: readonly TInputProblem[], status: ProblemStatus = 400): Response {
  return Response.json({ error: problems.map(describeProblem).join("; "), errors: problems }, { status, headers: { "cache-control": "no-store" } });
}

/** Thrown by a route handler (or its input schema) to refuse the request; withPermission answers it. */
export class InputProblemError extends Error {
  constructor(
    readonly problems: readonly TInputProblem[],
    readonly status: ProblemStatus = 400,
  ) {
    super(problems.map(describeProblem).join("; "));
  }
}
