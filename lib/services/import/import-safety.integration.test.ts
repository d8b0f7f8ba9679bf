import { readFileSync, rmSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { readSourcesFromPaths } from "@/lib/files/read-sources-from-paths";
import { REAL_FIXTURES, writeTreeFile, realFixturesAbsent } from "@/test/fixture-tree";
import { mutateInput, seededRandom } from "@/test/mutate-input";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { importSources } from "./import-sources";

// All-or-nothing, idempotence, removal of what a job alone contributed, advisory ranges in both
// import orders, and refusals (bad files, credentials, unknown references) that write nothing.

const osv = (id: string) => ({ path: `osv/${id}.json`, content: readFileSync(path.join(REAL_FIXTURES, "osv", `${id}.json`), "utf8") });
const lockfile = (packages: Record<string, string>) =>
  JSON.stringify({
    name: "app",
    lockfileVersion: 3,
    packages: { "": { name: "app" }, ...Object.fromEntries(Object.entries(packages).map(([p, version]) => [p, { version }])) },
  });
const counts = async (db: Db) => ({
  nodes: await db.node.count(),
  edges: await db.edge.count(),
  imports: await db.import.count(),
  documents: await db.sourceDocument.count(),
});
const importFiles = (db: Db, files: { path: string; content: string }[], extra: { repo?: string; dryRun?: boolean } = {}) =>
  importSources(db, files, { actor: "test", ...extra });

const workflow = (jobs: Record<string, { secret: string; install: string }>) =>
  [
    "name: ci",
    "on: push",
    "jobs:",
    ...Object.entries(jobs).flatMap(([id, job]) => [
      `  ${id}:`,
      "    runs-on: ubuntu-latest",
      "    env:",
      `      TOKEN: \${{ secrets.${job.secret} }}`,
      "    steps:",
      "      - uses: actions/checkout@v4",
      `      - run: ${job.install}`,
    ]),
    "",
  ].join("\n");

describe.skipIf(realFixturesAbsent()).each(testDatabaseKinds())("import safety (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const temp = mkdtempSync(path.join(os.tmpdir(), "blastmap-import-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("writes nothing when one file of a batch is bad, and names the file and line", async () => {
    const { db } = database.current;
    const before = await counts(db);
    const result = await importFiles(db, [osv("MAL-2025-46969"), { path: "broken/package-lock.json", content: '{\n  "lockfileVersion": 3,\n  "packages": {' }]);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ file: "broken/package-lock.json", line: 3, message: expect.stringContaining("malformed JSON") }]);
    expect(await counts(db)).toEqual(before);
  });

  it("refuses a live-looking credential with a redacted prefix and stores nothing of it", async () => {
    const { db } = database.current;
    const token = "ghp_" + "R7t8Y9u0I1o2".repeat(3);
    const before = await counts(db);
    const result = await importFiles(db, [
      osv("MAL-2025-46969"),
      { path: "inventory.json", content: `{\n  "blastmapInventory": 1,\n  "organisation": "acme",\n  "identities": [{ "name": "${token}" }]\n}` },
    ]);
    expect(result.errors).toEqual([{ file: "inventory.json", line: 4, message: expect.stringContaining("(ghp_R7…)") }]);
    expect(JSON.stringify(result)).not.toContain(token.slice(0, 8));
    expect(await counts(db)).toEqual(before);
  });

  it("never throws and never writes on malformed variants of every format", async () => {
    const { db } = database.current;
    const samples = [
      ["web/.github/workflows/publish.yml", "workflows/openai__openai-node/publish-npm.yml"],
      ["web/package-lock.json", "lockfiles/CycloneDX__cyclonedx-node-npm/package-lock.json"],
      ["osv/MAL-2025-46969.json", "osv/MAL-2025-46969.json"],
      ["sbom/bom.json", "sbom/demo-package-integrity.bare.bom.1.6.json"],
    ];
    const random = seededRandom(4242);
    for (const [filePath, fixture] of samples) {
      const original = readFileSync(path.join(REAL_FIXTURES, fixture), "utf8");
      for (let i = 0; i < 12; i += 1) {
        const before = await counts(db);
        // Dry runs go through the whole transaction too, so valid variants exercise apply and roll back.
        const result = await importFiles(db, [{ path: filePath, content: mutateInput(original, random) }], { dryRun: true });
        expect(await counts(db)).toEqual(before);
        if (!result.ok) expect(result.errors.every((error) => error.file === filePath && error.message.length > 0)).toBe(true);
      }
    }
  });

  it("checks and counts in a dry run but writes nothing", async () => {
    const { db } = database.current;
    const before = await counts(db);
    const result = await importFiles(db, [osv("MAL-2025-46969")], { dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, importId: null });
    expect(result.byFormat.osv.nodes.created).toBe(3);
    expect(await counts(db)).toEqual(before);
  });

  it("refuses an inventory reference to a node nobody defines, with its JSON path", async () => {
    const { db } = database.current;
    const before = await counts(db);
    const inventory = {
      blastmapInventory: 1,
      identities: [{ name: "deployer", kind: "cloudRole", lifetime: "shortLived", canAccess: [{ system: "system:prod-db", privilege: "admin" }] }],
    };
    const result = await importFiles(db, [{ path: "inventory.json", content: JSON.stringify(inventory) }]);
    expect(result.errors).toEqual([
      { file: "inventory.json", path: "$.identities[0].canAccess[0].system", message: expect.stringContaining('unknown reference "system:prod-db"') },
    ]);
    expect(await counts(db)).toEqual(before);
    const systems = { blastmapInventory: 1, systems: [{ name: "prod-db", kind: "database", criticality: "critical" }] };
    const later = await importFiles(db, [{ path: "systems.json", content: JSON.stringify(systems) }]);
    expect(later.ok).toBe(true);
    const again = await importFiles(db, [{ path: "inventory.json", content: JSON.stringify(inventory) }]);
    expect(again.ok).toBe(true);
    expect(await db.edge.count({ where: { kind: "CAN_ACCESS", privilege: "admin", to: { key: "system:prod-db" } } })).toBe(1);
  });

  it("marks stored versions that fall inside an advisory's ranges, and only those", async () => {
    const { db } = database.current;
    const first = await importFiles(
      db,
      [
        {
          path: "package-lock.json",
          content: lockfile({
            "node_modules/@ctrl/tinycolor": "4.1.0",
            "node_modules/a/node_modules/@ctrl/tinycolor": "4.1.2",
            "node_modules/debug": "4.4.1",
            "node_modules/b/node_modules/debug": "4.4.2",
            "node_modules/c/node_modules/debug": "4.4.3",
          }),
        },
      ],
      { repo: "acme/ranges" },
    );
    expect(first.ok).toBe(true);
    const advisories = await importFiles(db, [
      osv("MAL-2025-47141"),
      osv("GHSA-4x49-vf9v-38px"),
      { path: "cern.json", content: readFileSync(path.join(REAL_FIXTURES, "sbom/cern-lhc-vdm-editor-e564943.json"), "utf8") },
    ]);
    expect(advisories.errors).toEqual([]);
    const compromised = await db.packageVersion.findMany({ where: { compromised: true }, select: { purl: true, advisoryIds: true }, orderBy: { purl: "asc" } });
    expect(compromised).toEqual([
      { purl: "pkg:npm/%40ctrl/tinycolor@4.1.0", advisoryIds: ["MAL-2025-47141"] },
      { purl: "pkg:npm/%40ctrl/tinycolor@4.1.2", advisoryIds: ["MAL-2025-47141"] },
      { purl: "pkg:npm/debug@4.4.2", advisoryIds: ["GHSA-4x49-vf9v-38px"] },
    ]);
    const affects = await db.edge.findMany({
      where: { kind: "AFFECTS", from: { key: "advisory:MAL-2025-47141" } },
      select: { attributes: true, to: { select: { key: true } } },
    });
    expect(affects.map((edge) => [edge.to.key, edge.attributes])).toEqual(expect.arrayContaining([["pkg:npm/%40ctrl/tinycolor@4.1.0", { match: "range" }]]));
    expect((await db.packageVersion.findUniqueOrThrow({ where: { purl: "pkg:npm/debug@4.1.1" } })).compromised).toBe(false);
  });

  it("marks a version a later lockfile brings when a stored advisory's range covers it", async () => {
    const { db } = database.current;
    const result = await importFiles(db, [{ path: "package-lock.json", content: lockfile({ "node_modules/@ctrl/tinycolor": "3.0.0" }) }], {
      repo: "acme/later",
    });
    expect(result.ok).toBe(true);
    expect(await db.packageVersion.findUniqueOrThrow({ where: { purl: "pkg:npm/%40ctrl/tinycolor@3.0.0" } })).toMatchObject({
      compromised: true,
      advisoryIds: ["MAL-2025-47141"],
    });
    expect(await db.edge.count({ where: { kind: "AFFECTS", from: { key: "advisory:MAL-2025-47141" }, to: { key: "pkg:npm/%40ctrl/tinycolor@3.0.0" } } })).toBe(
      1,
    );
  });

  it("warns when a package.json range allows a compromised version the lockfile does not pin", async () => {
    const { db } = database.current;
    const result = await importFiles(
      db,
      [
        { path: "shop/package.json", content: JSON.stringify({ name: "shop", dependencies: { debug: "^4.4.0" } }) },
        { path: "shop/package-lock.json", content: lockfile({ "node_modules/debug": "4.4.1" }) },
      ],
      { repo: "acme/shop" },
    );
    expect(result.warnings).toContainEqual({
      file: "shop/package-lock.json",
      code: "wouldInstallOnFreshResolve",
      message: expect.stringContaining("debug@4.4.2 (GHSA-4x49-vf9v-38px)"),
    });
  });

  it("removes what a job alone contributed when it is deleted from its workflow and the repository is re-imported", async () => {
    const { db } = database.current;
    const repo = path.join(temp, "payments");
    writeTreeFile(
      repo,
      ".github/workflows/ci.yml",
      workflow({ build: { secret: "BUILD_TOKEN", install: "npm ci" }, release: { secret: "RELEASE_TOKEN", install: "npm ci" } }),
    );
    writeTreeFile(repo, "package-lock.json", lockfile({ "node_modules/esbuild": "0.28.1" }));
    const importRepo = async () => {
      const read = await readSourcesFromPaths([repo], { cwd: temp });
      return importSources(db, read.files, { actor: "test", repoNames: read.repoNames });
    };
    expect((await importRepo()).errors).toEqual([]);
    expect(await db.node.count({ where: { key: { in: ["context:payments/ci.yml/release", "secret:payments:RELEASE_TOKEN"] } } })).toBe(2);
    expect(await db.edge.count({ where: { kind: "INSTALLED_IN", to: { key: "context:payments/ci.yml/release" } } })).toBe(1);

    writeTreeFile(repo, ".github/workflows/ci.yml", workflow({ build: { secret: "BUILD_TOKEN", install: "npm ci" } }));
    const second = await importRepo();
    expect(second.ok).toBe(true);
    expect(second.byFormat.workflow.nodes.removed).toBeGreaterThanOrEqual(2);
    expect(await db.node.count({ where: { key: { in: ["context:payments/ci.yml/release", "secret:payments:RELEASE_TOKEN"] } } })).toBe(0);
    expect(await db.edge.count({ where: { kind: "INSTALLED_IN", to: { key: { startsWith: "context:payments/ci.yml/" } } } })).toBe(1);
    expect(await db.node.count({ where: { key: { in: ["context:payments/ci.yml/build", "secret:payments:BUILD_TOKEN", "pkg:npm/esbuild@0.28.1"] } } })).toBe(3);

    const third = await importRepo();
    expect(third).toMatchObject({ ok: true, unchanged: true });
  });
});
