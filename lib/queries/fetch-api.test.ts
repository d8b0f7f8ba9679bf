import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZPathResult } from "@/lib/schemas/radius";
import { ApiError, fetchApi } from "./fetch-api";

// A real HTTP server answering what the routes answer (and what they must not), read through the
// real fetch: each answer is checked against the route's response schema.
const ANSWERS: Record<string, { status: number; body: string }> = {
  "/path": {
    status: 200,
    body: JSON.stringify({
      from: [{ id: 1, key: "pkg:npm/chalk", kind: "package", name: "chalk" }],
      to: { id: 2, key: "system:github", kind: "system", name: "github" },
      graphVersion: 3,
      found: false,
      message: "no chain",
      chains: [],
    }),
  },
  "/path-renamed": { status: 200, body: JSON.stringify({ source: [], target: null, chains: [] }) },
  "/not-json": { status: 200, body: "<html>proxy error</html>" },
  "/refused": {
    status: 400,
    body: JSON.stringify({
      error: "no node pkg:npm/chalkk in the graph",
      errors: [
        { ref: "pkg:npm/chalkk", reason: "unknown", message: "no node pkg:npm/chalkk in the graph", candidates: ["pkg:npm/chalk", "pkg:npm/chalk@5.6.1"] },
      ],
    }),
  },
  "/unauthorized": { status: 401, body: JSON.stringify({ error: "sign in or send an API token (Authorization: Bearer bm_…)" }) },
  "/broken": { status: 502, body: "Bad Gateway" },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = ANSWERS[request.url ?? ""] ?? { status: 404, body: "{}" };
    response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const refusal = async (path: string): Promise<ApiError> => {
  const error = await fetchApi(`${base}${path}`, ZPathResult).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

describe("fetchApi", () => {
  it("returns an answer that matches the route's response schema", async () => {
    const answer = await fetchApi(`${base}/path`, ZPathResult);
    expect(answer.to.key).toBe("system:github");
    expect(answer.found).toBe(false);
  });

  it("refuses an answer that does not match, naming what is off, instead of using it", async () => {
    const error = await refusal("/path-renamed");
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/^the server's answer is not what this page expects \(from: .*\); reload the page$/);
    expect((await refusal("/not-json")).message).toMatch(/the server's answer is not what this page expects/);
  });

  it("turns a refusal into an ApiError with the route's problems, bad refs and suggestions", async () => {
    const error = await refusal("/refused");
    expect(error.status).toBe(400);
    expect(error.message).toBe("no node pkg:npm/chalkk in the graph");
    expect(error.badRefs).toEqual(["pkg:npm/chalkk"]);
    expect(error.suggestions).toEqual(["pkg:npm/chalk", "pkg:npm/chalk@5.6.1"]);
  });

  it("keeps the guard's one-line error, and says the status when the body is not a refusal at all", async () => {
    expect((await refusal("/unauthorized")).message).toBe("sign in or send an API token (Authorization: Bearer bm_…)");
    const broken = await refusal("/broken");
    expect([broken.status, broken.message]).toEqual([502, "request failed (502)"]);
  });
});
