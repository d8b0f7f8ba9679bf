import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `blastmap import` as a user runs it (a child process on an embedded PGlite database), on the
// inputs in ./fixtures/import: what it reads, what it skips and says so, and where lockfile
// versions end up installed.

const fixtures = path.join("lib", "cli", "commands", "fixtures", "import");
const dataDir = mkdtempSync(path.join(tmpdir(), "blastmap-import-"));
const env = { DATABASE_URL: "", BLASTMAP_DATA_DIR: path.join(dataDir, "data") };

function blastmap(args: string[]) {
  const result = spawnSync(process.execPath, ["bin/blastmap.mjs", ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface RadiusNode {
  key: string;
  path: { kind: string; attributes?: Record<string, unknown> }[];
}
function installedIn(versionRef: string, contextKey: string) {
  const radius = blastmap(["radius", versionRef, "--json"]);
  expect(radius.code).toBe(0);
  const node = (JSON.parse(radius.stdout).nodes as RadiusNode[]).find((candidate) => candidate.key === contextKey);
  return node?.path.find((step) => step.kind === "INSTALLED_IN")?.attributes;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("blastmap import", () => {
  it("imports workflow files that lie outside .github/workflows and lists the YAML it skipped", () => {
    const result = blastmap(["import", path.join(fixtures, "loose-workflows"), "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.ok).toBe(true);
    expect(json.byFormat.workflow.files).toBe(2);
    expect(json.skipped).toEqual([{ path: `${fixtures}/loose-workflows/settings.yml`, reason: "not a workflow: no top-level `on` and `jobs`" }]);
  });

  it("fails when a folder holds nothing importable, naming every skipped file and why", () => {
    const result = blastmap(["import", path.join(fixtures, "unrelated")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      `skipped: ${fixtures}/unrelated/config.yml — not a workflow: no top-level \`on\` and \`jobs\``,
      `skipped: ${fixtures}/unrelated/README.md — unknown format`,
      `skipped: ${fixtures}/unrelated/tsconfig.json — unknown format: JSON that is not a lockfile, package.json, OSV advisory, CycloneDX SBOM or inventory`,
      expect.stringMatching(/^blastmap: no importable file/),
    ]);
    expect(result.stderr).not.toMatch(/nothing changed/);
  });

  it("installs a pnpm repository's locked versions in the job that runs pnpm install, scripts included", () => {
    const result = blastmap(["import", path.join(fixtures, "pnpm-repo"), "--repo", "acme/pnpm-demo"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pnpm-lockfile\s+1\s/m);
    expect(installedIn("pkg:npm/core-js@3.51.0", "context:acme/pnpm-demo/ci.yml/build")).toMatchObject({
      phase: "install",
      resolve: "lockfile",
      lockfile: "pnpm-lock.yaml",
      direct: true,
      range: "^3.38.0",
    });
  });

  it("installs a yarn workspace's locked versions in the job that runs yarn install", () => {
    const result = blastmap(["import", path.join(fixtures, "yarn-repo"), "--repo", "acme/yarn-demo"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^yarn-lockfile\s+1\s/m);
    expect(installedIn("pkg:npm/ms@2.1.3", "context:acme/yarn-demo/ci.yml/build")).toMatchObject({
      resolve: "lockfile",
      lockfile: "yarn.lock",
      direct: true,
      range: "^2.1.1",
    });
    // yarn's lockfile records no install scripts: core-js keeps what pnpm-lock.yaml recorded
    expect(installedIn("pkg:npm/core-js@3.51.0", "context:acme/pnpm-demo/ci.yml/build")).toMatchObject({ phase: "install" });
  });
});
