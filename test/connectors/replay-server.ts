import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

// Test support: an HTTP server on loopback that answers recorded API responses, so connector tests
// run without the internet. Routes are "METHOD /path?query" exactly as the client sends them; a
// route may list several responses, served in turn and the last one repeated (a 429 then a 200).
// Anything unlisted is a 404, as a registry answers an unknown name, and is kept in `unmatched`.

export interface ReplayResponse {
  status: number;
  headers?: Record<string, string>;
  /** a file under the server's fixture directory */
  bodyFile?: string;
  /** a body built by the test itself (JSON-encoded unless a string) */
  body?: unknown;
}

export type ReplayRoutes = Record<string, ReplayResponse | ReplayResponse[]>;

export interface ReplayServer {
  url: string;
  /** every request answered, "METHOD /path?query", in order */
  requests: string[];
  unmatched: string[];
  /** the Authorization header of each request, in order (undefined when absent) */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/** The routes a recording script wrote (routes.json beside the fixtures). */
export function readRoutes(fixtureDir: string): ReplayRoutes {
  return JSON.parse(readFileSync(path.join(fixtureDir, "routes.json"), "utf8")) as ReplayRoutes;
}

export async function startReplayServer(fixtureDir: string, routes: ReplayRoutes): Promise<ReplayServer> {
  const served = new Map<string, number>();
  const requests: string[] = [];
  const unmatched: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const server: Server = createServer((request, response) => {
    const route = `${request.method} ${request.url}`;
    requests.push(route);
    authorizations.push(request.headers.authorization);
    const entry = routes[route];
    if (!entry) {
      unmatched.push(route);
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not found"}');
      return;
    }
    const list = Array.isArray(entry) ? entry : [entry];
    const turn = served.get(route) ?? 0;
    served.set(route, turn + 1);
    const answer = list[Math.min(turn, list.length - 1)]!;
    const body =
      answer.bodyFile !== undefined
        ? readFileSync(path.join(fixtureDir, answer.bodyFile))
        : typeof answer.body === "string"
          ? answer.body
          : answer.body === undefined
            ? ""
            : JSON.stringify(answer.body);
    response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unmatched,
    authorizations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; they would hold close() open
        server.closeAllConnections();
      }),
  };
}
