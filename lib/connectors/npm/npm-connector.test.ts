import { createServer } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRoutes, startReplayServer, type ReplayRoutes, type ReplayServer } from "@/test/connectors/replay-server";
import { ConnectorError } from "../connector-error";
import { escapedPackageName, npmConnector } from "./npm-connector";
import { retryAfterSeconds } from "./registry-client";

// The npm connector's failures a person must act on, against the replayed registry: each is a
// ConnectorError saying what happened and what to do, thrown before anything could be imported.

const FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/connectors/npm");
const RECORDED = readRoutes(FIXTURES);

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collectFrom(routes: ReplayRoutes, token = "replay-token") {
  server = await startReplayServer(FIXTURES, routes);
  return npmConnector({ scope: "@sigstore", registryUrl: server.url, token, pageSize: 2, retries: 0 }).collect(() => {});
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("the npm connector's errors", () => {
  it("names an expired or revoked token as such", async () => {
    await expect(collectFrom({ ...RECORDED, "GET /-/npm/v1/user": { status: 401, body: { error: "unauthorized" } } })).rejects.toMatchObject({
      message: "the npm registry did not accept the token (401 to GET /-/npm/v1/user): it may be expired or revoked",
    });
  });

  it("refuses an answer that has drifted from the registry's documented shape, naming the endpoint and field", async () => {
    const failure = collectFrom({
      ...RECORDED,
      "GET /@sigstore%2fcore": { status: 200, body: { name: "@sigstore/core", versions: { "1.0.0": { version: "1.0.0" } } } },
    });
    await expect(failure).rejects.toThrow(ConnectorError);
    await expect(failure).rejects.toThrow("the npm registry's answer to GET /@sigstore%2fcore is not what Blastmap expects: versions.1.0.0.dist");
  });

  it("says the registry cannot be reached", async () => {
    const port = await closedPort();
    const connector = npmConnector({ scope: "@sigstore", registryUrl: `http://127.0.0.1:${port}`, publicOnly: true, env: {}, retries: 0 });
    await expect(connector.collect(() => {})).rejects.toThrow(`could not reach the npm registry at 127.0.0.1:${port}`);
  });

  it("gives up on a registry that keeps failing, saying how often it tried", async () => {
    server = await startReplayServer(FIXTURES, { ...RECORDED, "GET /@sigstore%2fcli": { status: 503, headers: { "retry-after": "0" } } });
    const connector = npmConnector({ scope: "@sigstore", registryUrl: server.url, publicOnly: true, env: {}, pageSize: 2, retries: 1 });
    await expect(connector.collect(() => {})).rejects.toThrow("the npm registry kept answering 503 to GET /@sigstore%2fcli after 2 attempts");
  });

  it("reads the token from the variable tokenEnv names when it is not given", async () => {
    server = await startReplayServer(FIXTURES, RECORDED);
    await npmConnector({ scope: "@sigstore", registryUrl: server.url, tokenEnv: "ACME_NPM", env: { ACME_NPM: "from-env" }, pageSize: 2 }).collect(() => {});
    expect(new Set(server.authorizations)).toEqual(new Set(["Bearer from-env"]));
  });

  it("lists the org's own packages on a registry without search, and says so when it has neither", async () => {
    const withoutSearch = Object.fromEntries(Object.entries(RECORDED).filter(([route]) => !route.includes("/-/v1/search")));
    server = await startReplayServer(FIXTURES, withoutSearch);
    const lines: string[] = [];
    const run = await npmConnector({ scope: "@sigstore", registryUrl: server.url, token: "replay-token" }).collect((line) => lines.push(line));
    expect(run.counts.packages).toBe(3);
    expect(lines).toContain("@sigstore: the registry has no search; listed the org's own packages");
    await server.close();
    server = undefined;
    const failure = collectFrom(Object.fromEntries(Object.entries(withoutSearch).filter(([route]) => !route.endsWith("/-/org/sigstore/package"))));
    await expect(failure).rejects.toThrow("lists no packages for @sigstore: it has no search endpoint (/-/v1/search) and no organisation package list");
  });

  it("refuses what is not a scope", () => {
    expect(() => npmConnector({ scope: "@../etc" })).toThrow('"@../etc" is not an npm scope');
  });
});

describe("registry requests", () => {
  it("escape a scoped name's slash as npm does", () => {
    expect(escapedPackageName("@sigstore/core")).toBe("@sigstore%2fcore");
    expect(escapedPackageName("chalk")).toBe("chalk");
  });

  it("read Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-30T12:00:00Z");
    expect(retryAfterSeconds("120", now)).toBe(120);
    expect(retryAfterSeconds("Mon, 30 Nov 2026 12:00:30 GMT", now)).toBe(30);
    expect(retryAfterSeconds("Mon, 30 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds("soon", now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});
