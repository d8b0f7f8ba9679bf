import { z } from "zod";

// One shape for every problem with what someone handed Blastmap — a line of an imported file, a
// field of a request, a CLI option, a ref that names no node: where it is and what is wrong.
// Parsers and services return it as a value; routes answer it through lib/http/problem-response.ts,
// the CLI prints it and pages list it, so the same problem reads the same everywhere.

export const ZInputProblem = z.object({
  /** the file, for a problem inside an imported file */
  file: z.string().optional(),
  /** 1-based line in that file */
  line: z.number().int().positive().optional(),
  /** the field (ref, maxHops, body) or a JSON path such as $.packages[0].purl */
  path: z.string().optional(),
  message: z.string(),
});
export type TInputProblem = z.infer<typeof ZInputProblem>;

/** A problem inside an imported file: it always names the file. */
export const ZFileProblem = ZInputProblem.extend({ file: z.string() });
export type TFileProblem = z.infer<typeof ZFileProblem>;

/** A ref (or control) that names no node, names several, or is malformed — with the keys to try instead. */
export const ZRefProblem = ZInputProblem.extend({
  ref: z.string(),
  reason: z.enum(["unknown", "ambiguous", "invalid"]),
  candidates: z.array(z.string()),
});
export type TRefProblem = z.infer<typeof ZRefProblem>;

/** Every refused request's body: the problems, and all of them in one line for people and scripts. */
export const ZProblemBody = z.object({
  error: z.string(),
  errors: z.array(z.union([ZRefProblem, ZInputProblem])).default([]),
});
export type TProblemBody = z.infer<typeof ZProblemBody>;

/** "file:4", "file $.path", "maxHops" — or "" when the problem is about the input as a whole. */
export function problemPlace(problem: TInputProblem): string {
  // file:line, as compilers print it, so editors and terminals jump to it
  const file = problem.file === undefined ? undefined : `${problem.file}${problem.line === undefined ? "" : `:${problem.line}`}`;
  return [file, problem.path].filter(Boolean).join(" ");
}

export function describeProblem(problem: TInputProblem): string {
  const place = problemPlace(problem);
  return place ? `${place}: ${problem.message}` : problem.message;
}

/** A Zod issue as far as a problem needs it (so issues can be re-pathed first). */
export interface InputIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** `whole` names the input as a whole (query, body, option) for an issue about no particular field. */
export function problemsFromIssues(issues: readonly InputIssue[], whole?: string): TInputProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".") || whole;
    return path ? { path, message: issue.message } : { message: issue.message };
  });
}

/** Zod issues as lines for a person: "maxHops: max hops must be at least 1". */
export const describeIssues = (issues: readonly InputIssue[], whole?: string): string[] => problemsFromIssues(issues, whole).map(describeProblem);
