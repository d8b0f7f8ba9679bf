import type { z } from "zod";
import { describeProblem, problemsFromIssues, ZProblemBody, type TProblemBody } from "@/lib/schemas/input-problem";

// The one fetch wrapper the query hooks share: JSON in, JSON out, checked against the route's
// response schema. A refusal (ZProblemBody: the route's message, its problems and the keys close
// to a bad ref) and an answer that does not match the schema both become an ApiError the page
// shows: an unexpected answer is never used as if it were the expected one.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: TProblemBody,
  ) {
    super(body.errors.length ? body.errors.map((error) => error.message).join("; ") : body.error);
  }
  /** node keys close to an unknown or ambiguous ref */
  get suggestions(): string[] {
    return [...new Set(this.body.errors.flatMap((error) => ("candidates" in error ? error.candidates : [])))];
  }
  /** the refs the server rejected */
  get badRefs(): string[] {
    return this.body.errors.flatMap((error) => ("ref" in error ? [error.ref] : []));
  }
}

const failure = (status: number, error: string): ApiError => new ApiError(status, { error, errors: [] });

export async function fetchApi<S extends z.ZodType>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
    });
  } catch {
    throw failure(0, "the server could not be reached");
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const refusal = ZProblemBody.safeParse(body);
    throw refusal.success ? new ApiError(response.status, refusal.data) : failure(response.status, `request failed (${response.status})`);
  }
  const answer = schema.safeParse(body);
  if (!answer.success) {
    const problems = problemsFromIssues(answer.error.issues.slice(0, 3), "answer");
    throw failure(response.status, `the server's answer is not what this page expects (${problems.map(describeProblem).join("; ")}); reload the page`);
  }
  return answer.data;
}
