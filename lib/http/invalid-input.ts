// One shape for every 400 caused by input that fails its Zod schema: `errors` lists each problem
// with the field it concerns, `error` says them all in one line for people and scripts.

/** A Zod issue as far as the answer needs it (so issues can be re-pathed before answering). */
export interface InputIssue {
  path: readonly PropertyKey[];
  message: string;
}

export interface InputProblem {
  path: string;
  message: string;
}

/** `where` names the input as a whole (query, body, id) for issues about no particular field. */
export function inputProblems(issues: readonly InputIssue[], where: string): InputProblem[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join(".") || where, message: issue.message }));
}

export function invalidInput(issues: readonly InputIssue[], where = "query"): Response {
  const errors = inputProblems(issues, where);
  return Response.json({ error: errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors }, { status: 400 });
}
