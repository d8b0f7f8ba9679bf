import { afterEach, describe, expect, it } from "vitest";
import { githubConnector } from "@/lib/connectors/github/github-connector";
import type { Db } from "@/lib/db";
import { startGithubReplay, type ReplayOptions, type ReplayServer } from "@/test/connectors/github-replay-server";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { runConnector } from "./run-connector";

// `connect github` end to end against a loopback GitHub replaying a small organisation
// (test/fixtures/connectors/github/octo-demo): what lands in the graph, what a second run says
// changed, and that every failure — a missing permission, an exhausted rate limit — writes nothing.

// built at run time: never a credential-shaped literal in the source
const TOKEN = ["replay", "token", "for", "tests"].join("-");
const ORG = "octo-demo";
const actor = { kind: "system" as const, name: "test" };

let server: ReplayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function replay(options: Partial<ReplayOptions> = {}) {
  server = await startGithubReplay({ token: TOKEN, scopes: "read:org, repo", ...options });
  return server;
}

function run(db: Db, apiUrl: string, options: { dryRun?: boolean; token?: string; progress?: string[] } = {}) {
  const connector = githubConnector({ org: ORG, apiUrl, env: { GITHUB_TOKEN: options.token ?? TOKEN }, maxFileBytes: 1_000_000 });
  return runConnector(db, connector, { actor: "test", auditActor: actor, dryRun: options.dryRun, progress: (line) => options.progress?.push(line) });
}

async function edgeExists(db: Db, kind: string, from: string, to: string) {
  const count = await db.edge.count({ where: { kind: kind as never, from: { key: from }, to: { key: to } } });
  return count > 0;
}

const graphSize = async (db: Db) => ({ nodes: await db.node.count(), edges: await db.edge.count(), imports: await db.import.count() });

describe.each(testDatabaseKinds())("connect github on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("imports the organisation: workflows and lockfiles through the file parsers, secrets by the repositories that can read them, runners, apps and tokens", async () => {
    const github = await replay();
    const progress: string[] = [];
    const result = await run(database.current.db, github.url, { progress });
    expect(result.message).toMatch(/^imported/);
    expect(result).toMatchObject({ ok: true, outcome: "imported", kind: "github", target: ORG });
    expect(result.counts).toMatchObject({
      repositories: 4,
      archived: 1,
      forks: 1,
      workflows: 2,
      organisationSecrets: 2,
      runners: 3,
      deployKeys: 1,
      apps: 1,
      fineGrainedTokens: 1,
    });
    // the repositories come in two pages, linked by GitHub's Link header
    expect(github.requests.filter((request) => request.startsWith(`/orgs/${ORG}/repos?`))).toEqual([
      `/orgs/${ORG}/repos?type=all&per_page=100`,
      `/orgs/${ORG}/repos?per_page=100&page=2`,
    ]);
    // an archived repository runs nothing: its settings and files are not read
    expect(github.requests.filter((request) => request.includes("/docs-old/"))).toEqual([]);
    expect(progress.some((line) => line.includes("repository 4/4"))).toBe(true);

    const db = database.current.db;
    // an organisation secret visible to one repository, read by that repository's release job
    expect(await edgeExists(db, "EXPOSES", `context:${ORG}/web/release.yml/publish`, `secret:${ORG}/web:NPM_TOKEN`)).toBe(true);
    expect(await edgeExists(db, "STORES", `system:github:${ORG}`, `secret:${ORG}/web:NPM_TOKEN`)).toBe(true);
    expect(await db.node.findUnique({ where: { key: `secret:${ORG}/api:NPM_TOKEN` } })).toBeNull();
    // visibility "all": every repository that is not archived can read it
    for (const repo of ["web", "api", "lodash"]) expect(await db.node.findUnique({ where: { key: `secret:${ORG}/${repo}:SLACK_WEBHOOK_URL` } })).not.toBeNull();
    // an environment secret, as the deploy job names it
    expect(await edgeExists(db, "EXPOSES", `context:${ORG}/web/release.yml/deploy`, `secret:${ORG}/web:VERCEL_TOKEN`)).toBe(true);
    // the runner the API lists is the one the workflow's labels reach; the group is the one `group:` reaches
    const runner = await db.runner.findFirst({ where: { node: { key: `runner:${ORG}/linux,self-hosted,x64` } } });
    expect(runner).toMatchObject({ hosting: "selfHosted", persistent: true, shared: true, group: "Default", repositories: ["*"] });
    expect(await edgeExists(db, "RUNS_ON", `context:${ORG}/web/release.yml/publish`, `runner:${ORG}/linux,self-hosted,x64`)).toBe(true);
    expect(await edgeExists(db, "RUNS_ON", `context:${ORG}/api/ci.yml/test`, `runner:${ORG}/group:build-fleet`)).toBe(true);
    expect(await db.runner.findFirst({ where: { node: { key: `runner:${ORG}/group:build-fleet` } } })).toMatchObject({
      persistent: false,
      shared: false,
      repositories: [`${ORG}/api`],
    });
    // the lockfile's versions are installed in the job that runs npm ci (through the composite action)
    expect(await edgeExists(db, "INSTALLED_IN", "pkg:npm/chalk@5.3.0", `context:${ORG}/web/release.yml/publish`)).toBe(true);
    // identities: a write deploy key, an App, an approved token (the expired one is left out) and the connector's own token
    const identities = await db.identity.findMany({ where: { node: { key: { startsWith: "identity:" } } }, include: { node: true } });
    const byKey = new Map(identities.map((identity) => [identity.node.key, identity]));
    expect(byKey.get(`identity:github-deploy-key:${ORG}/api/501`)).toMatchObject({ identityKind: "deployKey", lifetime: "longLived" });
    expect(byKey.get(`identity:github-app:${ORG}/renovate`)).toMatchObject({ identityKind: "githubApp" });
    expect(byKey.get(`identity:github-pat:${ORG}/alice/8001`)).toMatchObject({ identityKind: "apiKey", humanAccount: true, owner: "alice" });
    expect(byKey.has(`identity:github-pat:${ORG}/bob/8002`)).toBe(false);
    // the connector's own token is Blastmap's NHI, written by Blastmap (not by the import), reading the organisation
    expect(byKey.get(`identity:blastmap:connector-github-${ORG}`)).toMatchObject({ identityKind: "apiKey", lifetime: "longLived", provider: "github" });
    expect(await edgeExists(db, "CAN_ACCESS", `identity:blastmap:connector-github-${ORG}`, `system:github:${ORG}`)).toBe(true);
    expect(await edgeExists(db, "STORES", "system:blastmap", `secret:blastmap:connector-github-${ORG}`)).toBe(true);
    expect(await edgeExists(db, "CAN_ACCESS", `identity:github-deploy-key:${ORG}/api/501`, `system:github:${ORG}`)).toBe(true);
    const system = await db.system.findFirst({ where: { node: { key: `system:github:${ORG}` } } });
    expect(system?.defaultTokenPermissions).toEqual({ "*": "read", [`${ORG}/web`]: "write", [`${ORG}/api`]: "read", [`${ORG}/lodash`]: "read" });
    expect(system?.actionsCanApprovePullRequests).toEqual({ "*": false, [`${ORG}/web`]: true, [`${ORG}/api`]: false, [`${ORG}/lodash`]: false });
    // provenance: every file is a source document of its own, under the repository it came from
    const documents = await db.sourceDocument.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(documents.map((document) => document.key)).toEqual([
      "blastmap:connectors",
      `inventory:connectors/github-${ORG}.json`,
      `lockfile:${ORG}/api:package-lock.json`,
      `lockfile:${ORG}/web:package-lock.json`,
      `workflow:${ORG}/api:.github/workflows/ci.yml`,
      `workflow:${ORG}/web:.github/workflows/release.yml`,
    ]);
    // the change summary sits with the Import and the ConnectorRun
    expect(result.changes?.secrets.added).toContain(`secret:${ORG}/web:NPM_TOKEN`);
    const stored = await db.import.findUnique({ where: { id: result.import!.importId! } });
    expect(stored?.summary).toMatchObject({ connector: { kind: "github", target: ORG } });
    expect(await db.connectorRun.count({ where: { kind: "github", target: ORG, outcome: "imported" } })).toBe(1);
  });

  it("a second run against the same organisation changes nothing and says so", async () => {
    const github = await replay();
    const before = await graphSize(database.current.db);
    const result = await run(database.current.db, github.url);
    expect(result).toMatchObject({ ok: true, outcome: "unchanged" });
    for (const part of Object.values(result.changes!)) expect(part).toEqual({ added: [], removed: [] });
    expect(await graphSize(database.current.db)).toEqual(before);
  });

  it("records what changed since the last run: a new repository secret, an environment secret gone", async () => {
    const github = await replay({
      overrides: {
        [`/repos/${ORG}/api/actions/secrets`]: {
          total_count: 2,
          secrets: [
            { name: "SENTRY_AUTH_TOKEN", created_at: "2024-11-20T16:30:00Z", updated_at: "2024-11-20T16:30:00Z" },
            { name: "DOCKERHUB_TOKEN", created_at: "2026-11-01T08:00:00Z", updated_at: "2026-11-01T08:00:00Z" },
          ],
        },
        [`/repos/${ORG}/web/environments/production/secrets`]: { total_count: 0, secrets: [] },
      },
    });
    const result = await run(database.current.db, github.url);
    expect(result.outcome).toBe("imported");
    expect(result.changes?.secrets).toEqual({ added: [`secret:${ORG}/api:DOCKERHUB_TOKEN`], removed: [`secret:${ORG}/web:VERCEL_TOKEN`] });
    expect(result.changes?.runners).toEqual({ added: [], removed: [] });
    const db = database.current.db;
    expect(await db.node.findUnique({ where: { key: `secret:${ORG}/api:DOCKERHUB_TOKEN` } })).not.toBeNull();
    // the workflow still names VERCEL_TOKEN: the reference stays, the inventory's description is gone
    const latest = await db.connectorRun.findFirst({ orderBy: { id: "desc" } });
    expect(latest?.changes).toMatchObject({ secrets: { added: [`secret:${ORG}/api:DOCKERHUB_TOKEN`] } });
  });

  it("a token without the Secrets permission: a clear error naming it, and nothing written", async () => {
    const github = await replay({
      faults: [
        {
          path: `/orgs/${ORG}/actions/secrets`,
          times: Infinity,
          status: 403,
          headers: { "x-accepted-github-permissions": "secrets=read" },
          body: {
            message: "Resource not accessible by personal access token",
            documentation_url: "https://docs.github.com/rest/actions/secrets",
            status: "403",
          },
        },
      ],
    });
    const before = await graphSize(database.current.db);
    const result = await run(database.current.db, github.url);
    expect(result).toMatchObject({ ok: false, outcome: "failed", import: null });
    expect(result.message).toContain("organisation permission Secrets: read");
    expect(result.message).toContain("GitHub accepts: secrets=read");
    expect(result.message).toContain("$GITHUB_TOKEN");
    expect(await graphSize(database.current.db)).toEqual(before);
    const latest = await database.current.db.connectorRun.findFirst({ orderBy: { id: "desc" } });
    expect(latest).toMatchObject({ outcome: "failed", importId: null, snapshot: null });
  });

  it("a bad token is refused before anything is read", async () => {
    const github = await replay();
    const result = await run(database.current.db, github.url, { token: "not-the-token" });
    expect(result.outcome).toBe("failed");
    expect(result.message).toMatch(/^GitHub refused the token in \$GITHUB_TOKEN \(401 Bad credentials/);
    expect(github.requests).toHaveLength(1);
  });
});

describe("connect github: rate limits and GitHub Enterprise Server (dry runs, PGlite)", () => {
  const database = useTestDatabase("pglite");

  it("waits out a secondary rate limit (429, Retry-After) and a primary one (403, X-RateLimit-Remaining: 0), then finishes", async () => {
    const github = await replay({
      faults: [
        {
          path: `/orgs/${ORG}/actions/secrets`,
          times: 1,
          status: 429,
          headers: { "retry-after": "1" },
          body: {
            message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            documentation_url: "https://docs.github.com/rest",
          },
        },
        {
          path: `/orgs/${ORG}/installations`,
          times: 1,
          status: 403,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 1) },
          body: { message: "API rate limit exceeded for user ID 1.", documentation_url: "https://docs.github.com/rest" },
        },
      ],
    });
    const progress: string[] = [];
    const result = await run(database.current.db, github.url, { dryRun: true, progress });
    expect(result).toMatchObject({ ok: true, outcome: "dry-run" });
    expect(github.requests.filter((request) => request.startsWith(`/orgs/${ORG}/actions/secrets?`))).toHaveLength(2);
    expect(github.requests.filter((request) => request.startsWith(`/orgs/${ORG}/installations?`))).toHaveLength(2);
    expect(progress.filter((line) => /secondary rate limit on GET .*\/actions\/secrets/.test(line))).toHaveLength(1);
    expect(progress.filter((line) => /primary rate limit on GET .*\/installations/.test(line))).toHaveLength(1);
    // a dry run writes nothing, not even its own record
    expect(await database.current.db.connectorRun.count()).toBe(0);
    expect(await database.current.db.node.count()).toBe(0);
  }, 30_000);

  it("gives up on a rate limit that lifts only in an hour, and writes nothing", async () => {
    const github = await replay({
      faults: [
        {
          path: `/orgs/${ORG}/actions/runner-groups`,
          times: Infinity,
          status: 403,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600) },
          body: { message: "API rate limit exceeded for user ID 1.", documentation_url: "https://docs.github.com/rest" },
        },
      ],
    });
    const result = await run(database.current.db, github.url);
    expect(result.outcome).toBe("failed");
    expect(result.message).toMatch(/rate limit is exhausted while reading GET \/orgs\/octo-demo\/actions\/runner-groups \(resets at /);
    expect(result.hint).toMatch(/after the reset/);
    expect(await database.current.db.node.count()).toBe(0);
  });

  it("an unreachable API fails saying where it tried, after the retries, and writes nothing", async () => {
    const closed = await replay();
    const url = closed.url;
    await closed.close();
    server = null;
    const result = await run(database.current.db, url);
    expect(result.outcome).toBe("failed");
    expect(result.message).toMatch(new RegExp(`^could not reach the GitHub API at ${url.replace(/[.]/g, "\\.")} \\(`));
    expect(result.hint).toBe("check --api-url and the network");
    expect(await database.current.db.node.count()).toBe(0);
  }, 30_000);

  it("reads GitHub Enterprise Server under its /api/v3 base path", async () => {
    const github = await replay({ prefix: "/api/v3" });
    expect(github.url).toMatch(/\/api\/v3$/);
    const result = await run(database.current.db, github.url, { dryRun: true });
    expect(result).toMatchObject({ ok: true, outcome: "dry-run" });
    expect(result.counts.repositories).toBe(4);
    expect(github.requests.every((request) => request.startsWith("/api/v3/"))).toBe(true);
  });
});
