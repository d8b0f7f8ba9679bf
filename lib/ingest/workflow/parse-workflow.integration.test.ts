import { readdirSync } from "node:fs";
import { realFixturesAbsent } from "@/test/fixture-tree";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { parseWorkflow } from "./parse-workflow";
import { readRealWorkflow, REAL_WORKFLOWS } from "./workflow-test-kit";

// The parser's documents must be storable as they are: every real workflow together in one
// import, into the real database (PGlite, and PostgreSQL when DATABASE_URL is set).

function realDocuments(): TGraphDocument[] {
  const fixtures = readdirSync(REAL_WORKFLOWS, { recursive: true, encoding: "utf8" }).filter((file) => /\.ya?ml$/.test(file));
  return fixtures.flatMap((fixture) => {
    const result = parseWorkflow(
      { path: `.github/workflows/${path.basename(fixture)}`, content: readRealWorkflow(fixture) },
      { repo: path.dirname(fixture).replace("__", "/"), npmrcIgnoresScripts: false },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.documents;
  });
}

describe.skipIf(realFixturesAbsent()).each(testDatabaseKinds())("workflow documents stored in %s", (kind) => {
  const test = useTestDatabase(kind);

  it("every real workflow imports in one transaction, and importing it again changes nothing", async () => {
    const documents = realDocuments();
    const first = await applyGraphDocuments(test.current.db, documents, { actor: "test" });
    expect(first.byFormat.workflow.files).toBe(documents.length);
    const distinctNodes = new Set(documents.flatMap((document) => document.nodes.map((node) => node.key))).size;
    expect(await test.current.db.node.count()).toBe(distinctNodes);
    const again = await applyGraphDocuments(test.current.db, realDocuments(), { actor: "test" });
    expect(again.unchangedDocuments).toBe(documents.length);
  });

  it("stores the job's token permissions, runner labels, installs and the exposure on each edge", async () => {
    const { db } = test.current;
    const publish = await db.executionContext.findFirstOrThrow({ where: { node: { key: "context:vercel/next.js/build_and_deploy.yml/publishRelease" } } });
    expect(publish).toMatchObject({ canMintOidc: true, runnerLabels: ["ubuntu-latest"], workflowName: "build-and-deploy", line: 510 });
    expect(publish.tokenPermissions).toMatchObject({ contents: "write", "id-token": "write" });
    const openai = await db.executionContext.findFirstOrThrow({ where: { node: { key: "context:openai/openai-node/publish-npm.yml/publish" } } });
    expect(openai.tokenPermissions).toBeNull();
    const exposure = await db.edge.findFirstOrThrow({
      where: { kind: "EXPOSES", from: { key: "context:nrwl/nx/publish.yml/publish" }, to: { key: "secret:nrwl/nx:NPM_TOKEN" } },
    });
    expect(exposure.exposure).toBe("install");
    expect(exposure.attributes).toMatchObject({ via: ["job-env"], line: 385 });
    const runner = await db.runner.findFirstOrThrow({ where: { node: { key: "runner:vercel/linux,metal,self-hosted,x64" } } });
    expect(runner).toMatchObject({ hosting: "selfHosted", persistent: true, shared: true });
  });
});
