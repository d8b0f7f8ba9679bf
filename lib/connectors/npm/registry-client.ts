import type { z } from "zod";
import { ConnectorError } from "../connector-error";

// GET JSON from an npm registry with the token as a Bearer header, waiting out 429s as the
// registry's Retry-After asks. Node's fetch rather than npm-registry-fetch: that client retries
// 429 on its own back-off schedule, ignoring Retry-After, and brings npm's disk cache and config
// loading, none of which a read-only inventory needs.

export interface RegistryClientOptions {
  registryUrl: string;
  token?: string;
  /** attempts after the first for 429, 5xx and network errors */
  retries?: number;
  /** the longest Retry-After waited out; a longer one is an error saying when to come back */
  maxRetryAfterSeconds?: number;
  progress?: (line: string) => void;
}

/** What a request needs from the token, said in the error when the registry refuses it. */
export interface RegistryRequest {
  /** e.g. "a token with read access to the org's members" */
  needs: string;
}

export type RegistryGet = <S extends z.ZodTypeAny>(path: string, schema: S, request: RegistryRequest) => Promise<z.infer<S> | null>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** A client whose get() answers the parsed body, or null for 404; every other failure throws ConnectorError. */
export function registryClient(options: RegistryClientOptions): { get: RegistryGet } {
  const base = options.registryUrl.replace(/\/+$/, "");
  const retries = options.retries ?? 3;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
  const host = new URL(base).host;

  async function fetchOnce(url: string): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json", "user-agent": "blastmap-connect-npm" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    return fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(30_000) });
  }

  const get: RegistryGet = async (path, schema, request) => {
    const url = `${base}${path}`;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetchOnce(url);
      } catch (error) {
        if (attempt < retries) {
          await sleep(1000 * 2 ** attempt);
          continue;
        }
        throw new ConnectorError(`could not reach the npm registry at ${host} (GET ${path}): ${(error as Error).message}`, "check the network or --registry");
      }
      if (response.status === 429 || response.status >= 500) {
        const wait = retryAfterSeconds(response.headers.get("retry-after"));
        await response.body?.cancel();
        if (wait !== null && wait > maxRetryAfter) {
          throw new ConnectorError(
            `the npm registry's rate limit is exhausted (GET ${path}): it asks to wait ${wait} s`,
            `run again after ${new Date(Date.now() + wait * 1000).toISOString()}`,
          );
        }
        if (attempt >= retries) {
          throw new ConnectorError(`the npm registry kept answering ${response.status} to GET ${path} after ${retries + 1} attempts`, "run again later");
        }
        const seconds = wait ?? 2 ** attempt;
        options.progress?.(`registry answered ${response.status} to GET ${path}: waiting ${seconds} s${wait === null ? "" : " (Retry-After)"}`);
        await sleep(seconds * 1000);
        continue;
      }
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (response.status === 401 && options.token) {
        await response.body?.cancel();
        throw new ConnectorError(
          `the npm registry did not accept the token (401 to GET ${path}): it may be expired or revoked`,
          `create a token with ${request.needs} and set it in the variable --token-env names`,
        );
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new ConnectorError(
          `the npm registry refused GET ${path} (${response.status}): it needs ${request.needs}`,
          options.token ? `the token given has not got it: use ${request.needs}` : `set NPM_TOKEN (or the variable --token-env names) to ${request.needs}`,
        );
      }
      if (!response.ok) throw new ConnectorError(`the npm registry answered ${response.status} to GET ${path}`);
      return parseBody(path, await response.text(), schema);
    }
  };
  return { get };
}

function parseBody<S extends z.ZodTypeAny>(path: string, text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConnectorError(`the npm registry's answer to GET ${path} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError(
      `the npm registry's answer to GET ${path} is not what Blastmap expects: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "unknown shape"}`,
      "the registry's API may have changed; nothing was imported",
    );
  }
  return parsed.data;
}
