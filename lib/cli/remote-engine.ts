import { ZProblemBody, ZRefProblem, type TRefProblem } from "@/lib/schemas/input-problem";
import type { TFixesInput, TPathInput } from "@/lib/schemas/radius";
import { CliError } from "./cli-error";
import { callLocalServer, type LocalServer } from "./local-server";

// The engine's questions asked of the running server (GET /api/blast-radius, /api/path,
// /api/fixes) when it holds the embedded database: the same input, the same JSON answers.

export type RemoteAnswer = { ok: true; response: Response } | { ok: false; errors: TRefProblem[] };

export const pathQuery = (input: TPathInput) => new URLSearchParams({ from: input.from, to: input.to, k: String(input.k) });

export function fixesQuery(input: TFixesInput): URLSearchParams {
  const params = new URLSearchParams({ top: String(input.top) });
  if (input.exposures.length > 0) params.set("exposure", input.exposures.join(","));
  return params;
}

/** GET an engine route; a 400 that names refs becomes the same ref problems a local answer has. */
export async function askServer(server: LocalServer, path: string, query: URLSearchParams): Promise<RemoteAnswer> {
  const response = await callLocalServer(server, `${path}?${query}`);
  if (response.ok) return { ok: true, response };
  const body = ZProblemBody.safeParse(await response.json().catch(() => null));
  const problems = body.success ? body.data.errors.flatMap((error) => ZRefProblem.safeParse(error).data ?? []) : [];
  if (response.status === 400 && problems.length > 0) return { ok: false, errors: problems };
  throw new CliError(`the server answered ${response.status}: ${body.success ? body.data.error : "no reason given"}`, response.status === 400 ? 2 : 1);
}

/** Copies a streamed JSON answer to stdout as it arrives. */
export async function pipeToStdout(response: Response): Promise<void> {
  if (!response.body) return;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  process.stdout.write("\n");
}
