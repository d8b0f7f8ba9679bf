import { describe, expect, it } from "vitest";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { loadPostureSnapshot } from "./load-posture-snapshot";

const document: TGraphDocument = {
  key: "test:posture",
  format: "inventory",
  nodes: [
    {
      kind: "identity",
      key: "identity:npm-publish",
      name: "npm publish token",
      attrs: { identityKind: "registryPublishToken", lifetime: "longLived", owner: null, lastUsedAt: new Date("2026-01-01T00:00:00Z") },
    },
    {
      kind: "secret",
      key: "secret:acme/web:NPM_TOKEN",
      name: "NPM_TOKEN",
      attrs: { secretName: "NPM_TOKEN", secretType: "npm-token", storedIn: "ciSecret", lastRotatedAt: new Date("2026-01-01T00:00:00Z") },
    },
    {
      kind: "context",
      key: "context:acme/web/release.yml/publish",
      name: "acme/web release / publish",
      attrs: {
        contextKind: "ciJob",
        repo: "acme/web",
        workflow: ".github/workflows/release.yml",
        job: "publish",
        file: ".github/workflows/release.yml",
        line: 12,
        installSteps: [{ line: 20, command: "npm ci", manager: "npm", ignoreScripts: false }],
      },
    },
    {
      kind: "action",
      key: "action:tj-actions/changed-files",
      name: "tj-actions/changed-files",
      attrs: { slug: "tj-actions/changed-files", owner: "tj-actions", repo: "changed-files" },
    },
  ],
  edges: [
    { kind: "AUTHENTICATES_AS", from: "secret:acme/web:NPM_TOKEN", to: "identity:npm-publish" },
    { kind: "EXPOSES", from: "context:acme/web/release.yml/publish", to: "secret:acme/web:NPM_TOKEN", exposure: "install", attributes: { line: 22 } },
    {
      kind: "USED_IN",
      from: "action:tj-actions/changed-files",
      to: "context:acme/web/release.yml/publish",
      attributes: { ref: "v45", pinned: false, line: 15 },
    },
  ],
};

describe.each(testDatabaseKinds())("posture snapshot on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("loads nodes with their details and edges with their attributes", async () => {
    await applyGraphDocuments(database.current.db, [document], { actor: "test" });
    const snapshot = await loadPostureSnapshot(database.current.db);
    expect(snapshot.graphVersion).toBeGreaterThan(0);
    const context = snapshot.nodes.find((node) => node.kind === "context");
    expect(context?.context).toMatchObject({
      file: ".github/workflows/release.yml",
      line: 12,
      installSteps: [{ line: 20, command: "npm ci", ignoreScripts: false }],
    });
    expect(snapshot.edges.find((edge) => edge.kind === "USED_IN")?.attributes).toEqual({ ref: "v45", pinned: false, line: 15 });
  });

  it("evaluates the rules over the stored graph", async () => {
    const report = await getFindingsReport(database.current.db, new Date("2026-11-01T00:00:00Z"));
    const rules = new Set(report.findings.map((finding) => finding.ruleId));
    expect([...rules].sort()).toEqual(["BM-NHI-001", "BM-NHI-002", "BM-NHI-005", "BM-NHI-006", "BM-NHI-007", "BM-NHI-010"]);
    const install = report.findings.find((finding) => finding.ruleId === "BM-NHI-002");
    expect(install?.location).toEqual({ repo: "acme/web", file: ".github/workflows/release.yml", line: 22 });
    expect(report.counts.total).toBe(report.findings.length);
  });

  it("reuses the report until an import changes the graph", async () => {
    const db = database.current.db;
    const first = await getFindingsReport(db);
    expect(await getFindingsReport(db)).toBe(first);
    await applyGraphDocuments(
      db,
      [
        {
          key: "test:orphan",
          format: "inventory",
          nodes: [{ kind: "identity", key: "identity:orphan", name: "orphan", attrs: { identityKind: "bot", lifetime: "longLived" } }],
          edges: [],
        },
      ],
      { actor: "test" },
    );
    const second = await getFindingsReport(db);
    expect(second).not.toBe(first);
    expect(second.graphVersion).toBeGreaterThan(first.graphVersion);
    expect(second.findings.some((finding) => finding.id === "BM-NHI-005:identity:orphan")).toBe(true);
  });
});
