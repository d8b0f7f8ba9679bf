import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";
import { ZFixesResult, ZRadiusInput, ZRadiusResult, type TRadiusResult } from "@/lib/schemas/radius";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { ZWhatIfEffects, ZWhatIfEffectsInput } from "@/lib/schemas/what-if-effects";
import { computeFixes, computeRadiusFixes } from "./compute-fixes";
import { computePath } from "./compute-path";
import { computeRadius } from "./compute-radius";
import { computeWhatIfEffects } from "./compute-what-if-effects";

const run = promisify(execFile);

// A release job that installs a package with an install script and holds an npm token that can
// publish another package, installed in a second job holding the production database role.
const organisation: TGraphDocument = {
  key: "test:radius-org",
  format: "inventory",
  nodes: [
    { kind: "package", key: "pkg:npm/evil", name: "evil", attrs: { ecosystem: "npm", name: "evil", purl: "pkg:npm/evil" } },
    {
      kind: "packageVersion",
      key: "pkg:npm/evil@1.0.0",
      name: "evil@1.0.0",
      attrs: { packageKey: "pkg:npm/evil", version: "1.0.0", purl: "pkg:npm/evil@1.0.0", hasInstallScript: true },
    },
    { kind: "package", key: "pkg:npm/%40acme/ui", name: "@acme/ui", attrs: { ecosystem: "npm", name: "@acme/ui", purl: "pkg:npm/%40acme/ui" } },
    {
      kind: "packageVersion",
      key: "pkg:npm/%40acme/ui@2.0.0",
      name: "@acme/ui@2.0.0",
      attrs: { packageKey: "pkg:npm/%40acme/ui", version: "2.0.0", purl: "pkg:npm/%40acme/ui@2.0.0" },
    },
    { kind: "context", key: "context:acme/web/release.yml/publish", name: "publish", attrs: { contextKind: "ciJob", repo: "acme/web" } },
    { kind: "context", key: "context:acme/api/deploy.yml/deploy", name: "deploy", attrs: { contextKind: "ciJob", repo: "acme/api" } },
    { kind: "secret", key: "secret:acme/web:NPM_TOKEN", name: "NPM_TOKEN", attrs: { secretName: "NPM_TOKEN", secretType: "npm", storedIn: "ciSecret" } },
    { kind: "secret", key: "secret:acme/api:AWS_KEY", name: "AWS_KEY", attrs: { secretName: "AWS_KEY", secretType: "aws", storedIn: "ciSecret" } },
    {
      kind: "identity",
      key: "identity:npm-publisher",
      name: "npm-publisher",
      attrs: { identityKind: "registryPublishToken", lifetime: "longLived", owner: "release-team" },
    },
    { kind: "identity", key: "identity:prod-deployer", name: "prod-deployer", attrs: { identityKind: "cloudRole", lifetime: "longLived", owner: "platform" } },
    { kind: "system", key: "system:prod-db", name: "prod-db", attrs: { systemKind: "database", criticality: "critical" } },
  ],
  edges: [
    { kind: "VERSION_OF", from: "pkg:npm/evil@1.0.0", to: "pkg:npm/evil" },
    { kind: "VERSION_OF", from: "pkg:npm/%40acme/ui@2.0.0", to: "pkg:npm/%40acme/ui" },
    { kind: "INSTALLED_IN", from: "pkg:npm/evil@1.0.0", to: "context:acme/web/release.yml/publish" },
    { kind: "INSTALLED_IN", from: "pkg:npm/%40acme/ui@2.0.0", to: "context:acme/api/deploy.yml/deploy" },
    { kind: "EXPOSES", from: "context:acme/web/release.yml/publish", to: "secret:acme/web:NPM_TOKEN", exposure: "install" },
    { kind: "EXPOSES", from: "context:acme/api/deploy.yml/deploy", to: "secret:acme/api:AWS_KEY", exposure: "job" },
    { kind: "AUTHENTICATES_AS", from: "secret:acme/web:NPM_TOKEN", to: "identity:npm-publisher" },
    { kind: "AUTHENTICATES_AS", from: "secret:acme/api:AWS_KEY", to: "identity:prod-deployer" },
    { kind: "CAN_PUBLISH", from: "identity:npm-publisher", to: "pkg:npm/%40acme/ui" },
    { kind: "CAN_ACCESS", from: "identity:prod-deployer", to: "system:prod-db", privilege: "admin" },
  ],
};

const input = (refs: string[], extra: Record<string, unknown> = {}) => ZRadiusInput.parse({ refs, ...extra });

describe.each(testDatabaseKinds())("blast radius on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("loads the stored graph and computes the worm's reach to the production database", async () => {
    await applyGraphDocuments(database.current.db, [organisation], { actor: "test" });
    const answer = await computeRadius(database.current, input(["pkg:npm/evil@1.0.0"]));
    expect(answer.ok).toBe(true);
    const result: TRadiusResult = ZRadiusResult.parse(answer.ok && answer.result);
    const db = result.nodes.find((node) => node.key === "system:prod-db")!;
    expect(db).toMatchObject({ generation: 1, hops: 8, criticality: "critical", privilege: "admin" });
    expect(db.path.map((step) => step.kind)).toEqual([
      "INSTALLED_IN",
      "EXPOSES",
      "AUTHENTICATES_AS",
      "CAN_PUBLISH",
      "WORM_REPUBLISH",
      "EXPOSES",
      "AUTHENTICATES_AS",
      "CAN_ACCESS",
    ]);
    // acme/api's lockfile pins @acme/ui@2.0.0: the attacker's republished version reaches it on its next resolve
    expect(db.timing).toBe("next-resolve");
    // the publish token held now comes first; the cloud key reached only on the next resolve after it
    expect(result.rotationPlan.map((row) => [row.key, row.timing])).toEqual([
      ["secret:acme/web:NPM_TOKEN", "now"],
      ["secret:acme/api:AWS_KEY", "next-resolve"],
    ]);
    expect(result.rotationPlan[1]).toMatchObject({ owner: "platform", unlocks: { criticalSystems: 1 } });
    expect(result.summary.republishablePackages.map((p) => p.key)).toEqual(["pkg:npm/%40acme/ui"]);

    const chains = await computePath(database.current, { from: "pkg:npm/evil@1.0.0", to: "system:prod-db", k: 3 });
    expect(chains.ok && chains.result.chains.map((c) => c.hops)).toEqual([8]);
    const fixes = ZFixesResult.parse(await computeFixes(database.current, { top: 3, exposures: [] }));
    expect(fixes.fixes[0].reduction).toBeGreaterThan(0);
  });

  it("measures each what-if control on the stored graph, and ranks the fixes for one radius", async () => {
    const effects = await computeWhatIfEffects(
      database.current,
      ZWhatIfEffectsInput.parse({
        refs: ["pkg:npm/evil@1.0.0"],
        controls: ["remove-secret:context:acme/web/release.yml/publish=secret:acme/web:NPM_TOKEN", "ignore-scripts:context:acme/api/deploy.yml/deploy"],
      }),
    );
    expect(effects.ok).toBe(true);
    const [removal, ignore] = ZWhatIfEffects.parse(effects.ok && effects.result).effects;
    // the publish token is the worm's only way on: removing it leaves the release job alone
    expect(removal).toMatchObject({ outcome: "cuts", removed: { secrets: 2, identities: 2, criticalSystems: 1, republishablePackages: 1 } });
    // the worm's republished @acme/ui would run an install script in the deploy job; ignoring
    // scripts there keeps the job reached (it imports the package at run time), only weaker
    expect(ignore).toMatchObject({ outcome: "weakens", removed: { total: 0 } });
    expect(ignore.runtimeOnly).toBeGreaterThan(0);
    const scoped = await computeRadiusFixes(database.current, { top: 3, exposures: [], refs: ["pkg:npm/evil@1.0.0"], advisories: [] });
    expect(scoped.ok && ZFixesResult.parse(scoped.result)).toMatchObject({ sources: 1, scope: expect.stringContaining("evil") });
  });

  it("reuses the cached graph until the graph version in the database moves, then reloads", async () => {
    const first = await getEngineGraph(database.current);
    expect(await getEngineGraph(database.current)).toBe(first);
    await applyGraphDocuments(
      database.current.db,
      [
        {
          key: "test:extra",
          format: "inventory",
          nodes: [{ kind: "identity", key: "identity:new-bot", name: "new-bot", attrs: { identityKind: "bot", lifetime: "shortLived" } }],
          edges: [],
        },
      ],
      { actor: "test" },
    );
    const second = await getEngineGraph(database.current);
    expect(second).not.toBe(first);
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.indexOfKey("identity:new-bot")).toBeDefined();
  });

  it("an unknown ref is an answer with the closest keys, not an exception", async () => {
    const answer = await computeRadius(database.current, input(["identity:npm-publsher"]));
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.errors[0].candidates).toContain("identity:npm-publisher");
  });
});

describe("blastmap radius (CLI)", () => {
  it("prints the radius as JSON and exits 2 with the closest matches for an unknown ref", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "blastmap-radius-"));
    const env = { ...process.env, BLASTMAP_DATA_DIR: path.join(dataDir, "db"), DATABASE_URL: "" };
    try {
      const { connectDatabase } = await import("@/lib/db");
      const { migrate } = await import("@/lib/database/migrate");
      const database = await connectDatabase({ kind: "pglite", dataDir: path.join(dataDir, "db") });
      await migrate(database.connection);
      await applyGraphDocuments(database.prisma, [organisation], { actor: "test" });
      await database.prisma.$disconnect();
      await database.connection.close();

      const bin = path.resolve("bin/blastmap.mjs");
      const { stdout } = await run("node", [bin, "radius", "pkg:npm/evil@1.0.0", "--json", "--exposure", "install"], { env });
      const result = ZRadiusResult.parse(JSON.parse(stdout));
      expect(result.nodes.map((node) => node.key)).toContain("secret:acme/web:NPM_TOKEN");
      expect(result.nodes.every((node) => node.exposure === null || node.exposure === "install")).toBe(true);

      const failure = await run("node", [bin, "radius", "identity:npm-publsher"], { env }).catch((error: { code: number; stderr: string }) => error);
      expect(failure).toMatchObject({ code: 2 });
      expect((failure as { stderr: string }).stderr).toContain("closest: identity:npm-publisher");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
