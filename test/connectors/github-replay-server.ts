import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

// A loopback GitHub for tests: replays the recorded responses in test/fixtures/connectors/github/
// (README there), answers the git tree and blob endpoints from the repositories' files as GitHub
// would (base64 blobs, git blob SHAs), and can be told to fail first (rate limits, a missing
// permission) the way GitHub does. No internet.

// from the repository root, where vitest and Playwright both run
export const GITHUB_FIXTURES = path.resolve("test/fixtures/connectors/github");

export interface RecordedResponse {
  /** the OpenAPI operation, e.g. "GET /orgs/{org}/repos": the fixture test validates against it */
  route: string;
  path: string;
  page?: number;
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface ReplayFault {
  path: string;
  /** how many requests it answers before the recording does (Infinity: every one) */
  times: number;
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface ReplayOptions {
  fixture?: string;
  token: string;
  /** "/api/v3" to stand in for GitHub Enterprise Server */
  prefix?: string;
  /** X-OAuth-Scopes, as GitHub sends it for a classic token */
  scopes?: string;
  faults?: ReplayFault[];
  /** replaces the recorded body of a path (a changed organisation on a later run) */
  overrides?: Record<string, unknown>;
}

export interface ReplayServer {
  /** the API base URL to give the connector */
  url: string;
  /** every request's path and query, in order */
  requests: string[];
  close(): Promise<void>;
}

const gitBlobSha = (content: Buffer) => createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** Every response the replay server can give for a fixture: the recorded ones and the git trees and blobs. */
export function renderedResponses(fixture: string, base: string): RecordedResponse[] {
  const dir = path.join(GITHUB_FIXTURES, fixture);
  const recorded = JSON.parse(readFileSync(path.join(dir, "responses.json"), "utf8")) as { org: string; responses: RecordedResponse[] };
  const org = recorded.org;
  const responses = recorded.responses.map((response) => ({
    ...response,
    headers: Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, value]) => [name, value.split("{base}").join(base)])),
  }));
  const filesDir = path.join(dir, "files");
  for (const repo of readdirSync(filesDir)) {
    const files = listFiles(path.join(filesDir, repo)).sort();
    const blobs = files.map((file) => {
      const content = readFileSync(path.join(filesDir, repo, file));
      return { file, content, sha: gitBlobSha(content) };
    });
    const treeSha = createHash("sha1")
      .update(blobs.map((blob) => blob.sha).join())
      .digest("hex");
    responses.push({
      route: "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
      path: `/repos/${org}/${repo}/git/trees/main`,
      status: 200,
      headers: {},
      body: {
        sha: treeSha,
        url: `${base}/repos/${org}/${repo}/git/trees/${treeSha}`,
        truncated: false,
        tree: blobs.map((blob) => ({
          path: blob.file,
          mode: "100644",
          type: "blob",
          sha: blob.sha,
          size: blob.content.length,
          url: `${base}/repos/${org}/${repo}/git/blobs/${blob.sha}`,
        })),
      },
    });
    for (const blob of blobs) {
      responses.push({
        route: "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
        path: `/repos/${org}/${repo}/git/blobs/${blob.sha}`,
        status: 200,
        headers: {},
        body: {
          sha: blob.sha,
          node_id: Buffer.from(`04:Blob${blob.sha}`).toString("base64"),
          size: blob.content.length,
          url: `${base}/repos/${org}/${repo}/git/blobs/${blob.sha}`,
          content: blob.content.toString("base64").replace(/(.{60})/g, "$1\n"),
          encoding: "base64",
        },
      });
    }
  }
  return responses;
}

const NOT_FOUND = { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" };
const EMPTY_REPOSITORY = { message: "Git Repository is empty.", documentation_url: "https://docs.github.com/rest/git/trees#get-a-tree", status: "409" };

export async function startGithubReplay(options: ReplayOptions): Promise<ReplayServer> {
  const prefix = options.prefix ?? "";
  const requests: string[] = [];
  const faults = (options.faults ?? []).map((fault) => ({ ...fault, left: fault.times }));
  let responses: RecordedResponse[] = [];

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-github-api-version-selected": "2022-11-28",
      ...(options.scopes !== undefined ? { "x-oauth-scopes": options.scopes } : {}),
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${url.pathname}${url.search}`);
    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${options.token}` && auth !== `bearer ${options.token}`) {
      return send(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });
    }
    if (!url.pathname.startsWith(`${prefix}/`)) return send(res, 404, NOT_FOUND);
    const pathname = url.pathname.slice(prefix.length);
    const fault = faults.find((candidate) => candidate.path === pathname && candidate.left > 0);
    if (fault) {
      fault.left -= 1;
      return send(res, fault.status, fault.body, fault.headers);
    }
    if (req.method !== "GET") return send(res, 404, NOT_FOUND);
    if (options.overrides && pathname in options.overrides) return send(res, 200, options.overrides[pathname]);
    const page = Number(url.searchParams.get("page") ?? "1");
    const response = responses.find((candidate) => candidate.path === pathname && (candidate.page ?? 1) === page);
    if (response) return send(res, response.status, response.body, response.headers);
    if (/^\/repos\/[^/]+\/[^/]+\/git\/trees\//.test(pathname)) return send(res, 409, EMPTY_REPOSITORY);
    return send(res, 404, NOT_FOUND);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${prefix}`;
  responses = renderedResponses(options.fixture ?? "octo-demo", url);
  return {
    url,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
