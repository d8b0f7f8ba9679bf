import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { readSourcesFromPaths } from "@/lib/files/read-sources-from-paths";
import { REAL_FIXTURES, writeFixtureTree, realFixturesAbsent } from "@/test/fixture-tree";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { importSources } from "./import-sources";

// Every real public fixture imported the way a user would: checkouts read from disk (repository
// names from their git remotes), advisories and SBOMs beside them, one import, one transaction.

async function importTree(db: Db, root: string, extra: { dryRun?: boolean } = {}) {
  const read = await readSourcesFromPaths(["."], { cwd: root });
  expect(read.errors).toEqual([]);
  return importSources(db, read.files, { actor: "test", repoNames: read.repoNames, ...extra });
}

const edgeAttributes = async (db: Db, kind: "INSTALLED_IN" | "USED_IN" | "EXPOSES", from: string, to: string) => {
  const edge = await db.edge.findFirst({ where: { kind, from: { key: from }, to: { key: to } } });
  return edge;
};

describe.skipIf(realFixturesAbsent()).each(testDatabaseKinds())("importing the real fixtures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let root: string;
  beforeAll(() => {
    root = writeFixtureTree();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("imports every real fixture without an error", async () => {
    const result = await importTree(database.current.db, root);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.byFormat.workflow.files).toBe(12);
    expect(result.byFormat["npm-lockfile"].files).toBe(3);
    expect(result.byFormat["package-json"].files).toBe(3);
    expect(result.byFormat.osv.files).toBe(9);
    expect(result.byFormat.cyclonedx.files).toBe(2);
    expect(result.byFormat["npm-lockfile"].nodes.created).toBeGreaterThan(500);
  });

  it("names repositories after their git remotes, else their directory", async () => {
    const { db } = database.current;
    expect(await db.node.count({ where: { key: "context:vercel/next.js/build_and_deploy.yml/publishRelease" } })).toBe(1);
    expect(await db.node.count({ where: { key: "context:nrwl/nx/publish.yml/publish" } })).toBe(1);
    expect(await db.node.count({ where: { key: { startsWith: "context:vite/ci.yml/" } } })).toBeGreaterThan(0);
  });

  it("keeps jobs' permissions and whether they can mint OIDC tokens", async () => {
    const { db } = database.current;
    const publishRelease = await db.executionContext.findFirstOrThrow({
      where: { node: { key: "context:vercel/next.js/build_and_deploy.yml/publishRelease" } },
    });
    expect(publishRelease.tokenPermissions).toMatchObject({ contents: "write", "id-token": "write", packages: "none" });
    expect(publishRelease.canMintOidc).toBe(true);
    const nightly = await db.executionContext.findMany({ where: { repo: "microsoft/TypeScript" } });
    expect(nightly.length).toBeGreaterThan(0);
    for (const job of nightly) expect(job.tokenPermissions).toMatchObject({ contents: "read" });
  });

  it("knows which secrets are in scope at an install step", async () => {
    const { db } = database.current;
    const nx = await edgeAttributes(db, "EXPOSES", "context:nrwl/nx/publish.yml/publish", "secret:nrwl/nx:NPM_TOKEN");
    expect(nx?.exposure).toBe("install");
    const nextjs = await edgeAttributes(
      db,
      "EXPOSES",
      "context:vercel/next.js/build_and_deploy.yml/publishRelease",
      "secret:vercel/next.js:NPM_TOKEN_ELEVATED",
    );
    expect(nextjs?.exposure).toBe("install");
    const openai = await edgeAttributes(db, "EXPOSES", "context:openai/openai-node/publish-npm.yml/publish", "secret:openai/openai-node:NPM_TOKEN");
    expect(openai?.exposure).toBe("job");
  });

  it("records self-hosted runners and unpinned actions", async () => {
    const { db } = database.current;
    const selfHosted = await db.edge.count({
      where: { kind: "RUNS_ON", from: { key: { startsWith: "context:vercel/next.js/" } }, to: { runner: { hosting: "selfHosted" } } },
    });
    expect(selfHosted).toBeGreaterThan(0);
    const tj = await db.edge.findFirstOrThrow({ where: { kind: "USED_IN", from: { key: "action:tj-actions/changed-files" } } });
    expect(tj.attributes).toMatchObject({ pinned: true });
    const checkout = await db.edge.findFirstOrThrow({
      where: { kind: "USED_IN", from: { key: "action:actions/checkout" }, to: { key: { startsWith: "context:openai/openai-node/" } } },
    });
    expect(checkout.attributes).toMatchObject({ pinned: false });
  });

  it("links lockfile packages to the repository's install jobs, install scripts at install time", async () => {
    const { db } = database.current;
    const job = "context:openai/openai-node/publish-npm.yml/publish";
    for (const version of ["pkg:npm/esbuild@0.28.1", "pkg:npm/workerd@1.20260730.1", "pkg:npm/workerd@1.20260801.1"]) {
      expect((await db.packageVersion.findUniqueOrThrow({ where: { purl: version } })).hasInstallScript).toBe(true);
      expect((await edgeAttributes(db, "INSTALLED_IN", version, job))?.attributes).toMatchObject({ phase: "install" });
    }
    const typescript = await edgeAttributes(db, "INSTALLED_IN", "pkg:npm/typescript@5.8.3", job);
    expect(typescript?.attributes).toEqual({ phase: "runtime", resolve: "lockfile", dev: true, lockfile: "package-lock.json", direct: true, range: "5.8.3" });
    const installed = await db.edge.count({ where: { kind: "INSTALLED_IN", to: { key: job } } });
    expect(installed).toBe(
      new Set(
        Object.entries(
          JSON.parse(readFileSync(path.join(REAL_FIXTURES, "lockfiles/openai__openai-node/package-lock.json"), "utf8")).packages as Record<
            string,
            { version?: string; name?: string }
          >,
        )
          .filter(([p]) => p.startsWith("node_modules/"))
          .map(([p, e]) => `${e.name ?? p.slice(p.lastIndexOf("node_modules/") + 13)}@${e.version}`),
      ).size,
    );
  });

  it("leaves out linked and out-of-tree workspace packages of a lockfile", async () => {
    const { db } = database.current;
    expect(await db.node.count({ where: { key: "pkg:npm/prisma@0.0.0" } })).toBe(0);
    expect((await db.packageVersion.findUniqueOrThrow({ where: { purl: "pkg:npm/workerd@1.20231218.0" } })).hasInstallScript).toBe(true);
    expect(await edgeAttributes(db, "INSTALLED_IN", "pkg:npm/workerd@1.20231218.0", "context:prisma/prisma/publish.yml/publish")).not.toBeNull();
  });

  it("marks malicious versions compromised with every advisory that names them", async () => {
    const { db } = database.current;
    const debug = await db.packageVersion.findUniqueOrThrow({ where: { purl: "pkg:npm/debug@4.4.2" } });
    expect(debug).toMatchObject({ compromised: true, advisoryIds: ["GHSA-4x49-vf9v-38px", "MAL-2025-46974"] });
    const advisory = await db.advisory.findUniqueOrThrow({ where: { advisoryId: "MAL-2025-47141" } });
    expect(advisory).toMatchObject({ malicious: true, aliases: ["GHSA-qjqf-7j6f-82c4"] });
    expect(await db.advisory.count({ where: { malicious: true } })).toBe(9);
    const nx = await db.edge.count({ where: { kind: "AFFECTS", from: { key: "advisory:MAL-2025-41443" } } });
    expect(nx).toBe(8);
  });

  it("attaches SBOM components to the application they describe, nested components and dependencies included", async () => {
    const { db } = database.current;
    const cern = await db.edge.count({ where: { kind: "INSTALLED_IN", to: { key: "context:application/lhc-vdm-editor" } } });
    expect(cern).toBe(43);
    expect((await db.packageVersion.findUniqueOrThrow({ where: { purl: "pkg:npm/debug@4.1.1" } })).compromised).toBe(false);
    const nested = await db.edge.count({ where: { kind: "DEPENDS_ON", from: { key: "pkg:npm/buffer@5.4.3" }, to: { key: "pkg:npm/base64-js@1.3.1" } } });
    expect(nested).toBe(1);
  });

  it("says so and changes nothing when the same input is imported again", async () => {
    const { db } = database.current;
    const before = { nodes: await db.node.count(), edges: await db.edge.count(), state: await db.graphState.findUnique({ where: { id: 1 } }) };
    const again = await importTree(db, root);
    expect(again.ok).toBe(true);
    expect(again.unchanged).toBe(true);
    expect(again.importId).toBeNull();
    expect(again.message).toMatch(/^nothing changed/);
    for (const format of Object.values(again.byFormat)) {
      expect(format.nodes.created + format.nodes.updated + format.nodes.removed).toBe(0);
      expect(format.edges.created + format.edges.updated + format.edges.removed).toBe(0);
    }
    expect({ nodes: await db.node.count(), edges: await db.edge.count(), state: await db.graphState.findUnique({ where: { id: 1 } }) }).toEqual(before);
  });
});
