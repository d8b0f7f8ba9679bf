// The daily workflow on the embedded database: the server runs (`npm start`) and the CLI imports
// and asks questions at the same time. The server holds the PGlite data directory; the CLI finds
// the server's hand-off file beside it and goes through the server with this run's local key.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ZRadiusResult } from "../lib/schemas/radius";

const port = Number(process.env.E2E_PORT ?? 3217);
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? `.blastmap/e2e-${port}`);

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ["bin/blastmap.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, BLASTMAP_DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("while the server runs, `blastmap import` and `blastmap radius` go through it instead of waiting", async ({ page }) => {
  test.setTimeout(180_000);
  const handoff = `${dataDir}.server.json`;
  expect(existsSync(handoff)).toBe(true);
  expect(statSync(handoff).mode & 0o077).toBe(0);

  const repo = mkdtempSync(path.join(os.tmpdir(), "blastmap-beside-"));
  try {
    const checkout = path.join(repo, "beside");
    mkdirSync(path.join(checkout, ".github", "workflows"), { recursive: true });
    writeFileSync(
      path.join(checkout, ".github", "workflows", "ci.yml"),
      "name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n        env:\n          BESIDE_TOKEN: ${{ secrets.BESIDE_TOKEN }}\n",
    );
    writeFileSync(
      path.join(checkout, "package-lock.json"),
      JSON.stringify({
        name: "beside",
        lockfileVersion: 3,
        packages: { "": { name: "beside" }, "node_modules/beside-evil": { version: "1.0.0", hasInstallScript: true } },
      }),
    );
    const imported = cli(["import", checkout, "--repo", "acme-cli/beside"]);
    expect(imported.stderr).toContain("holds the embedded database; asking it at");
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/imported 2 files/);

    const radius = cli(["radius", "pkg:npm/beside-evil@1.0.0", "--json"]);
    expect(radius.status, radius.stderr).toBe(0);
    const answer = ZRadiusResult.parse(JSON.parse(radius.stdout));
    expect(answer.nodes.map((node) => node.key)).toContain("secret:acme-cli/beside:BESIDE_TOKEN");

    const unknown = cli(["radius", "pkg:npm/beside-evl@1.0.0"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("pkg:npm/beside-evl@1.0.0");
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }

  // the audit log says who imported: the local CLI, through the server
  await page.goto("/audit");
  await expect(page.getByRole("table").first()).toContainText("cli:local");

  // the key is this run's: another one is refused, and the hand-off file holds the live one
  const { key } = JSON.parse(readFileSync(handoff, "utf8")) as { key: string };
  const forged = await page.request.get("/api/blast-radius?ref=pkg:npm/beside-evil@1.0.0", { headers: { authorization: `Bearer ${key.slice(0, -2)}xx` } });
  expect(forged.status()).toBe(401);
  const viaKey = await page.request.get("/api/blast-radius?ref=pkg:npm/beside-evil@1.0.0&limit=1", { headers: { authorization: `Bearer ${key}` } });
  expect(viaKey.status()).toBe(200);
  // an admin-only route stays closed to it
  const users = await page.request.get("/api/audit", { headers: { authorization: `Bearer ${key}` } });
  expect(users.status()).toBe(403);
});
