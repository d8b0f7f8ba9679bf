import { describe, expect, it } from "vitest";
import type { TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { applyGraphDocuments, GraphApplyError } from "./apply-graph-documents";
import { BULK_LOAD_MIN_ROWS } from "./bulk-load-window";

// One identity, one system and one CAN_ACCESS edge per index: `count` triples are 3×count rows.
function accessDocument(key: string, prefix: string, count: number): TGraphDocument {
  const nodes: TNodeFact[] = [];
  const edges: TGraphDocument["edges"] = [];
  for (let i = 0; i < count; i += 1) {
    nodes.push({
      kind: "identity",
      key: `identity:${prefix}-${i}`,
      name: `${prefix} ${i}`,
      attrs: { identityKind: "ciServiceAccount", lifetime: "longLived" },
    });
    nodes.push({ kind: "system", key: `system:${prefix}-${i}`, name: `${prefix} system ${i}`, attrs: { systemKind: "cloudAccount", criticality: "low" } });
    edges.push({ kind: "CAN_ACCESS", from: `identity:${prefix}-${i}`, to: `system:${prefix}-${i}`, privilege: "write" });
  }
  return { key, format: "inventory", nodes, edges };
}

const enoughTriples = Math.ceil(BULK_LOAD_MIN_ROWS / 3);

describe.each(testDatabaseKinds())("the bulk-load window on %s", (kind) => {
  const test = useTestDatabase(kind);
  // every foreign key, index and trigger of the application's tables, with its definition (a trigger's with whether it is on)
  const checks = () =>
    test.current.db.$queryRawUnsafe<{ owner: string; name: string; definition: string }[]>(
      `SELECT conrelid::regclass::text AS owner, conname::text AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
       UNION ALL
       SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = current_schema()::regnamespace
       UNION ALL
       SELECT t.tgrelid::regclass::text, t.tgname::text, t.tgenabled::text || ' ' || pg_get_triggerdef(t.oid)
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
       ORDER BY 1, 2`,
    );
  // how many nodes (edges) the stored documents name, all documents together
  const origins = async (column: "nodeIds" | "edgeIds") =>
    (await test.current.db.$queryRawUnsafe<{ count: number }[]>(`SELECT coalesce(sum(cardinality("${column}")), 0)::int AS count FROM "SourceDocument"`))[0]
      .count;
  const importWithPhases = async (documents: TGraphDocument[]) => {
    const phases: string[] = [];
    const summary = await applyGraphDocuments(test.current.db, documents, { actor: "test", lap: (phase) => phases.push(phase) });
    return { summary, phases };
  };

  it("a refused bulk load leaves nothing behind, its dropped foreign keys and indexes included", async () => {
    const before = await checks();
    const broken = accessDocument("inv:broken", "broken", enoughTriples);
    broken.edges.push({ kind: "CAN_ACCESS", from: "identity:broken-0", to: "system:nowhere", privilege: "read" });
    await expect(importWithPhases([broken])).rejects.toThrow(GraphApplyError);
    expect(await checks()).toEqual(before);
    expect(await test.current.db.node.count()).toBe(0);
  });

  it("an import that at least doubles the graph loads without row-by-row checks and puts every foreign key and index back before it commits", async () => {
    const before = await checks();
    expect(before.some((check) => check.definition.includes("gin_trgm_ops"))).toBe(true);
    expect(before.filter((check) => /^O .*blastmap_documents_name_stored_rows/.test(check.definition))).toHaveLength(4);
    const { summary, phases } = await importWithPhases([accessDocument("inv:first", "first", enoughTriples)]);
    expect(phases).toContain("bulkLoad.close");
    expect(summary.byFormat.inventory.nodes.created).toBe(2 * enoughTriples);
    expect(summary.byFormat.inventory.edges.created).toBe(enoughTriples);
    expect(await checks()).toEqual(before);
    expect(await origins("edgeIds")).toBe(enoughTriples);
    // the foreign keys and the origins' checks bite again
    await expect(
      test.current.db.$executeRawUnsafe(`INSERT INTO "SourceDocument" (key, format, digest, "edgeIds") VALUES ('inv:other', 'inventory', 'd', ARRAY[-1])`),
    ).rejects.toThrow(/no Edge with id -1/);
    await expect(
      test.current.db.$executeRawUnsafe(`INSERT INTO "Edge" (kind, "fromId", "toId", "updatedAt") VALUES ('CAN_ACCESS', -1, -2, now())`),
    ).rejects.toThrow(/foreign key/i);
    // so do the keys it built again: the unique keys of the tables that were empty
    await expect(
      test.current.db.$executeRawUnsafe(`INSERT INTO "SourceDocument" (key, format, digest) VALUES ('inv:first', 'inventory', 'd')`),
    ).rejects.toThrow(/SourceDocument_key_key/);
    const [edge] = await test.current.db.$queryRawUnsafe<{ fromId: number; toId: number }[]>(`SELECT "fromId", "toId" FROM "Edge" LIMIT 1`);
    await expect(
      test.current.db.$executeRawUnsafe(
        `INSERT INTO "Edge" (kind, "fromId", "toId", "updatedAt") VALUES ('CAN_ACCESS', $1, $2, now())`,
        edge.fromId,
        edge.toId,
      ),
    ).rejects.toThrow(/Edge_fromId_kind_toId_key/);
    await expect(
      test.current.db.$executeRawUnsafe(`INSERT INTO "Node" (kind, key, name, "updatedAt") VALUES ('system', 'system:first-0', 'again', now())`),
    ).rejects.toThrow(/Node_key_key/);
  });

  it("an import much smaller than the graph takes the row-by-row path, and re-importing a document still removes what it no longer names", async () => {
    const { summary, phases } = await importWithPhases([accessDocument("inv:first", "first", enoughTriples - 1)]);
    expect(phases).not.toContain("bulkLoad.close");
    expect(summary.byFormat.inventory.nodes.removed).toBe(2);
    expect(summary.byFormat.inventory.edges.removed).toBe(1);
    expect(await test.current.db.edge.count()).toBe(enoughTriples - 1);
  });

  it("a window import that also changes a stored document removes what that document no longer names", async () => {
    const { db } = test.current;
    // a graph of its own: the window opens only for an import at least the size of what is stored
    await db.$executeRawUnsafe(`TRUNCATE "Node", "Edge", "SourceDocument" CASCADE`);
    const small = accessDocument("inv:small", "small", 3);
    expect((await importWithPhases([small])).phases).not.toContain("bulkLoad.close");
    const { summary, phases } = await importWithPhases([
      { ...small, nodes: small.nodes.slice(0, 4), edges: small.edges.slice(0, 2) },
      accessDocument("inv:large", "large", enoughTriples),
    ]);
    expect(phases).toContain("bulkLoad.close");
    expect(summary.byFormat.inventory.nodes.removed).toBe(2);
    expect(summary.byFormat.inventory.edges.removed).toBe(1);
    expect(await db.node.count({ where: { key: { startsWith: "identity:small-" } } })).toBe(2);
    expect(await db.edge.count()).toBe(enoughTriples + 2);
    expect(await origins("nodeIds")).toBe(2 * enoughTriples + 4);
    expect(await origins("edgeIds")).toBe(enoughTriples + 2);
  });
});
