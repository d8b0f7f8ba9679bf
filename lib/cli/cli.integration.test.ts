import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ZGraphStats } from "@/lib/schemas/stats";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "@/test/test-database";

// The CLI as a user runs it: a child process, configured only by the environment.
function blastmap(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["bin/blastmap.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ...env },
    timeout: 180_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each(testDatabaseKinds())("blastmap seed and stats on %s", (kind) => {
  let env: Record<string, string>;
  let database: TestDatabase | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), "blastmap-cli-"));

  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("seeds the demo organisation, whose counts meet what a realistic demo needs", async () => {
    if (kind === "postgresql") {
      database = await createTestDatabase("postgresql");
      env = { DATABASE_URL: database.connection.config.kind === "postgresql" ? database.connection.config.url : "" };
    } else {
      env = { BLASTMAP_DATA_DIR: path.join(dataDir, "data") };
    }
    const seed = blastmap(["seed"], env);
    expect(seed.stderr).toBe("");
    expect(seed.code).toBe(0);

    const stats = blastmap(["stats", "--json"], env);
    expect(stats.code).toBe(0);
    const parsed = ZGraphStats.parse(JSON.parse(stats.stdout));
    expect(parsed.database.kind).toBe(kind);
    expect(parsed.schemaVersion).toMatch(/^\d{14}_/);
    expect(parsed.nodes.package).toBeGreaterThanOrEqual(40);
    expect(parsed.nodes.publisher).toBeGreaterThanOrEqual(6);
    expect(parsed.nodes.identity).toBeGreaterThanOrEqual(25);
    expect(parsed.nodes.secret).toBeGreaterThanOrEqual(30);
    expect(parsed.nodes.system).toBeGreaterThanOrEqual(10);
    expect(parsed.nodes.runner).toBeGreaterThanOrEqual(1);
    expect(parsed.nodes.context).toBeGreaterThanOrEqual(10);
    expect(parsed.nodes.advisory).toBeGreaterThanOrEqual(5);
    expect(parsed.edges.EXPOSES).toBeGreaterThan(0);
    expect(parsed.edges.INSTALLED_IN).toBeGreaterThan(0);
  });

  it("seeding again changes nothing", () => {
    const before = JSON.parse(blastmap(["stats", "--json"], env).stdout);
    const again = blastmap(["seed", "--json"], env);
    expect(again.code).toBe(0);
    const after = JSON.parse(blastmap(["stats", "--json"], env).stdout);
    expect(after.graphVersion).toBe(before.graphVersion);
    expect(after.nodes).toEqual(before.nodes);
  });

  it("prints the whole SARIF log through a pipe, past the 64 KiB a pipe holds, every result located", () => {
    // a shell pipe, as in `blastmap findings --sarif | jq`: a spawnSync pipe is drained too fast to show the loss
    const piped = spawnSync("sh", ["-c", "node bin/blastmap.mjs findings --sarif | cat"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "", ...env },
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(65_536);
    const log = JSON.parse(piped.stdout) as { runs: { results: { locations: unknown[] }[] }[] };
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const result of log.runs[0].results) expect(result.locations).toHaveLength(1);
  });
});

describe("blastmap errors", () => {
  it("an unreachable DATABASE_URL is one line naming the problem and exit code 1", () => {
    const result = blastmap(["stats"], { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^blastmap: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/none/);
  });

  it("a malformed DATABASE_URL is refused without a stack trace", () => {
    const result = blastmap(["stats"], { DATABASE_URL: "mysql://x" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^blastmap: DATABASE_URL is malformed/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown command lists the commands and exits 2", () => {
    const result = blastmap(["frobnicate"], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"/);
    expect(result.stderr).toMatch(/stats/);
  });
});
