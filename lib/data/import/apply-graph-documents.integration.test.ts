import { describe, expect, it } from "vitest";
import { applyGraphDocuments, GraphApplyError } from "@/lib/data/import/apply-graph-documents";
import type { TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";

const system = (name: string, criticality: "low" | "critical" = "low", reference = false): TNodeFact => ({
  kind: "system",
  key: `system:${name}`,
  name,
  attrs: { systemKind: "cloudAccount", criticality },
  ...(reference ? { reference } : {}),
});
const identity = (name: string): TNodeFact => ({
  kind: "identity",
  key: `identity:${name}`,
  name,
  attrs: { identityKind: "ciServiceAccount", lifetime: "longLived", owner: "platform" },
});
const access = (who: string, what: string) => ({ kind: "CAN_ACCESS" as const, from: `identity:${who}`, to: `system:${what}`, privilege: "write" as const });
const doc = (key: string, nodes: TNodeFact[], edges: TGraphDocument["edges"] = []): TGraphDocument => ({ key, format: "inventory", nodes, edges });

describe.each(testDatabaseKinds())("applyGraphDocuments on %s", (kind) => {
  const test = useTestDatabase(kind);
  const counts = async () => ({ nodes: await test.current.db.node.count(), edges: await test.current.db.edge.count() });

  it("stores a document once, and importing the same document again changes nothing and says so", async () => {
    const input = [doc("inv:a", [identity("deployer"), system("aws-prod")], [access("deployer", "aws-prod")])];
    const first = await applyGraphDocuments(test.current.db, input, { actor: "test" });
    expect(first.byFormat.inventory.nodes.created).toBe(2);
    expect(first.byFormat.inventory.edges.created).toBe(1);
    const again = await applyGraphDocuments(test.current.db, input, { actor: "test" });
    expect(again.unchangedDocuments).toBe(1);
    expect(again.importId).toBeNull();
    expect(again.byFormat.inventory.nodes).toEqual({ created: 0, updated: 0, unchanged: 2, removed: 0 });
    expect(await counts()).toEqual({ nodes: 2, edges: 1 });
  });

  it("a changed attribute is an update, and the graph version moves on", async () => {
    const before = (await test.current.db.graphState.findUnique({ where: { id: 1 } }))!.version;
    const summary = await applyGraphDocuments(
      test.current.db,
      [doc("inv:a", [identity("deployer"), system("aws-prod", "critical")], [access("deployer", "aws-prod")])],
      { actor: "test" },
    );
    expect(summary.byFormat.inventory.nodes).toMatchObject({ updated: 1, unchanged: 1 });
    expect(summary.graphVersion).toBe(before + 1);
    const stored = await test.current.db.system.findFirstOrThrow({ where: { node: { key: "system:aws-prod" } } });
    expect(stored.criticality).toBe("critical");
  });

  it("re-importing a document removes what it alone contributed, and keeps what another document still names", async () => {
    await applyGraphDocuments(test.current.db, [doc("inv:b", [identity("auditor"), system("aws-prod", "critical")], [access("auditor", "aws-prod")])], {
      actor: "test",
    });
    const summary = await applyGraphDocuments(test.current.db, [doc("inv:a", [system("aws-prod", "critical")])], { actor: "test" });
    expect(summary.byFormat.inventory.nodes.removed).toBe(1);
    expect(summary.byFormat.inventory.edges.removed).toBe(1);
    const keys = (await test.current.db.node.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((n) => n.key);
    expect(keys).toEqual(["identity:auditor", "system:aws-prod"]);
    expect(await test.current.db.edge.count()).toBe(1);
  });

  it("a reference creates a missing node but never overwrites the attributes another document gave it", async () => {
    await applyGraphDocuments(test.current.db, [doc("wf:c", [system("aws-prod", "low", true), system("github", "low", true)])], { actor: "test" });
    const prod = await test.current.db.system.findFirstOrThrow({ where: { node: { key: "system:aws-prod" } } });
    expect(prod.criticality).toBe("critical");
    expect(await test.current.db.node.count({ where: { key: "system:github" } })).toBe(1);
  });

  it("a dry run counts the changes and writes nothing", async () => {
    const before = await counts();
    const summary = await applyGraphDocuments(test.current.db, [doc("inv:d", [identity("new-bot")])], { actor: "test", dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.byFormat.inventory.nodes.created).toBe(1);
    expect(await counts()).toEqual(before);
    expect(await test.current.db.sourceDocument.count({ where: { key: "inv:d" } })).toBe(0);
  });

  it("an edge to an unknown node fails the whole batch and nothing is written", async () => {
    const before = await counts();
    const batch = [doc("inv:e", [identity("ok-bot")]), doc("inv:f", [identity("bad-bot")], [access("bad-bot", "nowhere")])];
    await expect(applyGraphDocuments(test.current.db, batch, { actor: "test" })).rejects.toThrow(GraphApplyError);
    await expect(applyGraphDocuments(test.current.db, batch, { actor: "test" })).rejects.toThrow(
      /inv:f edges\[0\]: CAN_ACCESS refers to unknown node system:nowhere/,
    );
    expect(await counts()).toEqual(before);
  });

  it("a key stored as one kind cannot come back as another", async () => {
    const clash: TNodeFact = { kind: "identity", key: "system:aws-prod", name: "x", attrs: { identityKind: "bot", lifetime: "longLived" } };
    await expect(applyGraphDocuments(test.current.db, [doc("inv:g", [clash])], { actor: "test" })).rejects.toThrow(/already stored as a system/);
  });
});

describe.each(testDatabaseKinds())("merging facts on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("two documents describing one package version merge their attributes instead of replacing each other", async () => {
    const pkg: TNodeFact = { kind: "package", key: "pkg:npm/evil", name: "evil", attrs: { ecosystem: "npm", name: "evil", purl: "pkg:npm/evil" } };
    const fromLockfile: TNodeFact = {
      kind: "packageVersion",
      key: "pkg:npm/evil@1.0.0",
      name: "evil@1.0.0",
      attrs: { packageKey: "pkg:npm/evil", version: "1.0.0", purl: "pkg:npm/evil@1.0.0", hasInstallScript: true },
    };
    const fromAdvisory: TNodeFact = {
      kind: "packageVersion",
      key: "pkg:npm/evil@1.0.0",
      name: "evil@1.0.0",
      attrs: { packageKey: "pkg:npm/evil", version: "1.0.0", purl: "pkg:npm/evil@1.0.0", compromised: true, advisoryIds: ["MAL-1"] },
    };
    await applyGraphDocuments(
      test.current.db,
      [
        { key: "lock", format: "npm-lockfile", nodes: [pkg, fromLockfile], edges: [] },
        { key: "osv", format: "osv", nodes: [pkg, fromAdvisory], edges: [] },
      ],
      { actor: "test" },
    );
    const stored = await test.current.db.packageVersion.findUniqueOrThrow({ where: { purl: "pkg:npm/evil@1.0.0" } });
    expect(stored).toMatchObject({ hasInstallScript: true, compromised: true, advisoryIds: ["MAL-1"] });
  });
});
