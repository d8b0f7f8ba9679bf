import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { CliError } from "./cli-error";

// Where `blastmap start` tells the CLI how to reach it while it holds the embedded database:
// `<data dir>.server.json`, written 0600 beside the data directory, removed when the server stops.

const ZHandoff = z.object({ pid: z.number().int().positive(), url: z.url(), key: z.string().startsWith("bmlocal_") });
export type LocalServer = z.infer<typeof ZHandoff>;

export const handoffPath = (dataDir: string) => `${dataDir}.server.json`;

export function writeHandoff(dataDir: string, server: LocalServer): () => void {
  const file = handoffPath(dataDir);
  writeFileSync(file, JSON.stringify(server), { mode: 0o600 });
  chmodSync(file, 0o600);
  return () => rmSync(file, { force: true });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The running server that holds `dataDir`, or null (no file, a stale one, or one this user cannot read). */
export function findLocalServer(dataDir: string): LocalServer | null {
  const file = handoffPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const server = ZHandoff.parse(JSON.parse(readFileSync(file, "utf8")));
    return alive(server.pid) ? server : null;
  } catch {
    return null;
  }
}

/** A request to the local server; its JSON error answers become CLI errors that say what the server said. */
export async function callLocalServer(server: LocalServer, path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(path, server.url), { ...init, headers: { ...init.headers, authorization: `Bearer ${server.key}` } });
  } catch (error) {
    throw new CliError(`the server that holds the embedded database (pid ${server.pid}) did not answer at ${server.url}: ${(error as Error).message}`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new CliError(`the server at ${server.url} refused the local CLI key: ${(await response.text()).slice(0, 300)}`);
  }
  return response;
}
