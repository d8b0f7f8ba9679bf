import type { z } from "zod";
import { describeIssues, type TRefProblem } from "@/lib/schemas/input-problem";
import { CliError } from "../cli-error";

/** Unknown, ambiguous or invalid refs: one line each (with the closest matches or candidates), exit 2. */
export function refProblemsError(problems: TRefProblem[]): CliError {
  const lines = problems.map((problem) => (problem.reason === "ambiguous" ? `${problem.message}:\n  ${problem.candidates.join("\n  ")}` : problem.message));
  return new CliError(lines.join("\n"), 2);
}

/** Zod issues on parsed options: one line per issue, exit 2. */
export function optionProblemsError(error: z.ZodError, usage: string): CliError {
  const lines = describeIssues(error.issues, "option");
  return new CliError(`${lines.join("\n")}\nusage: ${usage}`, 2);
}
