import { afterEach, describe, expect, it } from "vitest";
import { startGithubReplay, type ReplayServer } from "@/test/connectors/github-replay-server";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { connectorScheduleFromEnv, runScheduledConnectors, startConnectorSchedule } from "./connector-schedule";

// The server-side schedule (`blastmap start --connect github:ORG --every 6h`): a round syncs every
// scheduled connector with the server's own environment and records each run; one that fails is
// recorded as failed and the next still runs.

const TOKEN = ["replay", "token", "for", "schedule"].join("-");
let server: ReplayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("connector schedule settings", () => {
  it("reads BLASTMAP_CONNECT and BLASTMAP_CONNECT_EVERY, six hours by default", () => {
    expect(connectorScheduleFromEnv({})).toBeNull();
    expect(connectorScheduleFromEnv({ BLASTMAP_CONNECT: " github:acme , npm:@acme " })).toEqual({
      entries: [
        { kind: "github", target: "acme" },
        { kind: "npm", target: "@acme" },
      ],
      everyMs: 6 * 3_600_000,
    });
    expect(connectorScheduleFromEnv({ BLASTMAP_CONNECT: "github:acme", BLASTMAP_CONNECT_EVERY: "30m" })?.everyMs).toBe(30 * 60_000);
  });

  it("refuses an unknown connector, an entry without a target and a schedule under five minutes, in words", () => {
    expect(() => connectorScheduleFromEnv({ BLASTMAP_CONNECT: "gitlab:acme" })).toThrow('unknown connector "gitlab" in "gitlab:acme"; known: github, npm');
    expect(() => connectorScheduleFromEnv({ BLASTMAP_CONNECT: "github" })).toThrow("a scheduled connector is <kind>:<organisation or scope>");
    expect(() => connectorScheduleFromEnv({ BLASTMAP_CONNECT: "github:acme", BLASTMAP_CONNECT_EVERY: "1m" })).toThrow("--every must be at least 5m");
  });
});

describe.each(testDatabaseKinds())("connector schedule on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("a round syncs each scheduled connector with the server's environment and records a failure without stopping", async () => {
    server = await startGithubReplay({ token: TOKEN, scopes: "read:org, repo" });
    const env = { BLASTMAP_GITHUB_API_URL: server.url, GITHUB_TOKEN: TOKEN, BLASTMAP_CONNECT: "github:no-such-org,github:octo-demo" };
    const schedule = connectorScheduleFromEnv(env)!;
    const lines: string[] = [];
    await runScheduledConnectors(database.current.db, schedule, (line) => lines.push(line), env);

    const runs = await database.current.db.connectorRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.map((run) => [run.target, run.outcome])).toEqual([
      ["no-such-org", "failed"],
      ["octo-demo", "imported"],
    ]);
    expect(lines[0]).toMatch(/^blastmap: scheduled github no-such-org: /);
    expect(lines[1]).toMatch(/^blastmap: scheduled github octo-demo: imported/);
    expect(await database.current.db.node.count({ where: { key: { startsWith: "secret:octo-demo/" } } })).toBeGreaterThan(0);
  });

  it("keeps running: rounds follow one another after the interval, and stop stops them", async () => {
    server = await startGithubReplay({ token: TOKEN, scopes: "read:org, repo" });
    const env = { BLASTMAP_GITHUB_API_URL: server.url, GITHUB_TOKEN: TOKEN };
    const before = await database.current.db.connectorRun.count();
    const lines: string[] = [];
    const rounds: number[] = [];
    const stop = startConnectorSchedule(
      { entries: [{ kind: "github", target: "octo-demo" }], everyMs: 50 },
      async () => {
        rounds.push(Date.now());
        return database.current.db;
      },
      { log: (line) => lines.push(line), firstDelayMs: 0, env },
    );
    try {
      await expect.poll(async () => (await database.current.db.connectorRun.count()) - before, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    } finally {
      stop();
    }
    expect(lines[0]).toBe("blastmap: syncing github octo-demo every 0 min");
    const outcomes = (await database.current.db.connectorRun.findMany({ orderBy: { id: "asc" }, skip: before })).map((run) => run.outcome);
    // one run per round, each recorded; with the organisation as it was, the later rounds change nothing
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.slice(1).every((outcome) => outcome === "unchanged")).toBe(true);
  });
});
