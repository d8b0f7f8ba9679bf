import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGithubReplay, type ReplayServer } from "@/test/connectors/github-replay-server";

// `blastmap connect github` as a person runs it: a child process on an embedded PGlite database,
// reading a loopback GitHub (test/connectors/github-replay-server.ts) with a token from the
// environment variable it is told.

const dataDir = mkdtempSync(path.join(tmpdir(), "blastmap-connect-"));
const TOKEN = ["cli", "replay", "token"].join("-");
let github: ReplayServer;

beforeAll(async () => {
  github = await startGithubReplay({ token: TOKEN });
});
afterAll(async () => {
  await github.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// async: the replay server runs in this process and must keep answering while the CLI runs
function blastmap(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/blastmap.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: "", BLASTMAP_DATA_DIR: path.join(dataDir, "data"), GITHUB_TOKEN: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("blastmap connect", () => {
  it("without a token says which variable to set, and exits 1", async () => {
    const result = await blastmap(["connect", "github", "--org", "octo-demo", "--api-url", github.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("blastmap: no GitHub token: $GITHUB_TOKEN is not set");
    expect(result.stderr).toMatch(/hint: export GITHUB_TOKEN with a token that can read the organisation octo-demo/);
  }, 120_000);

  it("refuses an unknown connector and a schedule shorter than five minutes as usage errors", async () => {
    expect((await blastmap(["connect", "gitlab", "--org", "x"])).code).toBe(2);
    const every = await blastmap(["connect", "github", "--org", "octo-demo", "--every", "1m"]);
    expect(every.code).toBe(2);
    expect(every.stderr).toContain("--every must be at least 5m");
  }, 120_000);

  it("a dry run reads everything and writes nothing; the real run imports; the next run changes nothing", async () => {
    const args = ["connect", "github", "--org", "octo-demo", "--api-url", github.url, "--token-env", "OCTO_TOKEN", "--json"];
    const dry = await blastmap([...args, "--dry-run"], { OCTO_TOKEN: TOKEN });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, outcome: "dry-run", import: { dryRun: true } });
    // progress goes to stderr, one line per step
    expect(dry.stderr).toMatch(/^github: reading organisation octo-demo at http:\/\/127\.0\.0\.1:\d+$/m);
    expect(dry.stderr).toMatch(/^github: repository 4\/4 octo-demo\/lodash \(fork\)$/m);

    const first = await blastmap(args, { OCTO_TOKEN: TOKEN });
    expect(first.code).toBe(0);
    const imported = JSON.parse(first.stdout);
    expect(imported).toMatchObject({ ok: true, outcome: "imported", counts: { repositories: 4 } });
    expect(imported.changes.secrets.added).toContain("secret:octo-demo/web:NPM_TOKEN");

    const again = await blastmap(["connect", "github", "--org", "octo-demo", "--api-url", github.url, "--token-env", "OCTO_TOKEN"], { OCTO_TOKEN: TOKEN });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing changed/);
    expect(again.stdout).toMatch(/^secrets\s+0\s+0$/m);
  }, 300_000);
});
