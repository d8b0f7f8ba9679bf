import pg from "pg";
import { describe, expect, it } from "vitest";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { postgresqlOnly, testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { applyGraphDocuments } from "./apply-graph-documents";

// NodeOrigin and EdgeOrigin hold plain ids; statement-level triggers (migration
// 20261130224021_origins_checked_per_statement) give the guarantees their foreign keys gave:
// an origin names a stored node or edge, and removing one removes what named it.

const inventory = (key: string, team: string): TGraphDocument => ({
  key,
  format: "inventory",
  nodes: [
    { kind: "identity", key: `identity:${team}-deployer`, name: `${team} deployer`, attrs: { identityKind: "ciServiceAccount", lifetime: "longLived" } },
    { kind: "system", key: "system:prod-aws", name: "prod AWS", attrs: { systemKind: "cloudAccount", criticality: "critical" } },
  ],
  edges: [{ kind: "CAN_ACCESS", from: `identity:${team}-deployer`, to: "system:prod-aws", privilege: "admin" }],
});

describe.each(testDatabaseKinds())("node and edge origins on %s", (kind) => {
  const test = useTestDatabase(kind);
  const fresh = async () => {
    const { db } = test.current;
    await db.$executeRawUnsafe(`TRUNCATE "Node", "Edge", "SourceDocument" CASCADE`);
    await applyGraphDocuments(db, [inventory("inv:payments", "payments"), inventory("inv:search", "search")], { actor: "test" });
    const ids = async (table: "Node" | "SourceDocument", key: string) =>
      (await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM "${table}" WHERE key = $1`, key))[0].id;
    return {
      deployer: await ids("Node", "identity:payments-deployer"),
      system: await ids("Node", "system:prod-aws"),
      paymentsDocument: await ids("SourceDocument", "inv:payments"),
    };
  };
  const originsOf = (nodeId: number) => test.current.db.nodeOrigin.count({ where: { nodeId } });

  it("refuses an origin naming a node or an edge that is not stored, on insert and on update, as a foreign key did", async () => {
    const { db } = test.current;
    const { deployer, paymentsDocument } = await fresh();
    const before = [await db.nodeOrigin.count(), await db.edgeOrigin.count()];
    const refusal = { message: expect.stringMatching(/violates foreign key: no Node with id -7/) };
    await expect(
      db.$executeRawUnsafe(`INSERT INTO "NodeOrigin" ("nodeId", "documentId") VALUES ($1, $2), (-7, $2)`, deployer, paymentsDocument + 1),
    ).rejects.toThrow(/no Node with id -7/);
    await expect(db.$executeRawUnsafe(`INSERT INTO "NodeOrigin" ("nodeId", "documentId") VALUES (-7, $1)`, paymentsDocument)).rejects.toMatchObject(refusal);
    await expect(db.$executeRawUnsafe(`INSERT INTO "EdgeOrigin" ("edgeId", "documentId") VALUES (-9, $1)`, paymentsDocument)).rejects.toThrow(
      /violates foreign key: no Edge with id -9/,
    );
    await expect(db.$executeRawUnsafe(`UPDATE "NodeOrigin" SET "nodeId" = -7 WHERE "nodeId" = $1`, deployer)).rejects.toThrow(/no Node with id -7/);
    await expect(db.$executeRawUnsafe(`UPDATE "EdgeOrigin" SET "edgeId" = -9`)).rejects.toThrow(/no Edge with id -9/);
    // the SQLSTATE is a foreign key violation's, so callers telling errors apart see what they saw before
    const code = await db.$executeRawUnsafe(`INSERT INTO "NodeOrigin" ("nodeId", "documentId") VALUES (-7, 1)`).then(
      () => null,
      (error: unknown) => JSON.stringify(error),
    );
    expect(code).toContain("23503");
    expect([await db.nodeOrigin.count(), await db.edgeOrigin.count()]).toEqual(before);
    // an origin naming stored rows is accepted
    await db.$executeRawUnsafe(`INSERT INTO "NodeOrigin" ("nodeId", "documentId") VALUES ($1, $2)`, deployer, paymentsDocument + 1);
    expect(await originsOf(deployer)).toBe(2);
  });

  it("a bulk load's one check of every origin finds an origin written while the statement checks were off", async () => {
    const { db } = test.current;
    const { paymentsDocument } = await fresh();
    await expect(db.$executeRawUnsafe(`SELECT "blastmap_check_every_origin"()`)).resolves.toBeDefined();
    await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "EdgeOrigin" DISABLE TRIGGER "EdgeOrigin_names_edges_insert"`);
        await tx.$executeRawUnsafe(`INSERT INTO "EdgeOrigin" ("edgeId", "documentId") VALUES (-9, $1)`, paymentsDocument);
        await expect(tx.$executeRawUnsafe(`SELECT "blastmap_check_every_origin"()`)).rejects.toThrow(/no Edge with id -9/);
      })
      .catch((error: unknown) => expect(String(error)).toMatch(/no Edge with id -9/));
    // the failed check rolled the whole transaction back: the trigger is on, the origin is not stored
    expect(await db.edgeOrigin.count({ where: { edgeId: -9 } })).toBe(0);
    await expect(db.$executeRawUnsafe(`INSERT INTO "EdgeOrigin" ("edgeId", "documentId") VALUES (-9, $1)`, paymentsDocument)).rejects.toThrow(
      /no Edge with id -9/,
    );
  });

  it("deleting a node deletes its origins and those of the edges deleted with it; the rest stay", async () => {
    const { db } = test.current;
    const { deployer, system } = await fresh();
    const edge = await db.edge.findFirstOrThrow({ where: { fromId: deployer } });
    expect(await originsOf(deployer)).toBe(1);
    expect(await db.edgeOrigin.count({ where: { edgeId: edge.id } })).toBe(1);
    expect(await originsOf(system)).toBe(2);

    await db.$executeRawUnsafe(`DELETE FROM "Node" WHERE id = $1`, deployer);
    expect(await originsOf(deployer)).toBe(0);
    expect(await db.edge.count({ where: { id: edge.id } })).toBe(0);
    expect(await db.edgeOrigin.count({ where: { edgeId: edge.id } })).toBe(0);
    expect(await originsOf(system)).toBe(2);
    expect(await db.edgeOrigin.count()).toBe(1);

    // an edge deleted on its own takes its origins too
    await db.$executeRawUnsafe(`DELETE FROM "Edge"`);
    expect(await db.edgeOrigin.count()).toBe(0);
    expect(await db.nodeOrigin.count()).toBe(3);
  });

  it("truncating the graph empties the origins, and a changed id carries its origins along", async () => {
    const { db } = test.current;
    const { deployer } = await fresh();
    const edge = await db.edge.findFirstOrThrow({ where: { fromId: deployer } });
    await db.$executeRawUnsafe(`UPDATE "Node" SET id = id + 100000 WHERE id = $1`, deployer);
    await db.$executeRawUnsafe(`UPDATE "Edge" SET id = id + 100000 WHERE id = $1`, edge.id);
    expect(await originsOf(deployer)).toBe(0);
    expect(await originsOf(deployer + 100000)).toBe(1);
    expect(await db.edgeOrigin.count({ where: { edgeId: edge.id + 100000 } })).toBe(1);

    await db.$executeRawUnsafe(`TRUNCATE "Edge" CASCADE`);
    expect(await db.edgeOrigin.count()).toBe(0);
    expect(await db.nodeOrigin.count()).toBe(4);
    await db.$executeRawUnsafe(`TRUNCATE "Node" CASCADE`);
    expect(await db.nodeOrigin.count()).toBe(0);
  });
});

describe.each(postgresqlOnly())("node origins beside a concurrent transaction on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("an origin being written holds its node as a foreign key did: deleting the node waits for the writer, renaming it does not", async () => {
    const { db, connection } = test.current;
    await applyGraphDocuments(db, [inventory("inv:payments", "payments")], { actor: "test" });
    const node = await db.node.findUniqueOrThrow({ where: { key: "identity:payments-deployer" } });
    const document = await db.sourceDocument.findUniqueOrThrow({ where: { key: "inv:payments" } });
    if (connection.config.kind !== "postgresql") throw new Error("PostgreSQL only");
    const writer = new pg.Client({ connectionString: connection.config.url });
    const other = new pg.Client({ connectionString: connection.config.url });
    await writer.connect();
    await other.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`INSERT INTO "NodeOrigin" ("nodeId", "documentId") VALUES ($1, $2)`, [node.id, document.id + 1]);
      await other.query(`SET lock_timeout = '300ms'`);
      await expect(other.query(`DELETE FROM "Node" WHERE id = $1`, [node.id])).rejects.toThrow(/lock timeout/);
      await other.query(`UPDATE "Node" SET name = 'payments deployer (renamed)' WHERE id = $1`, [node.id]);
      await writer.query("COMMIT");
      // once the writer has committed, the delete goes through and takes both origins with it
      await other.query(`DELETE FROM "Node" WHERE id = $1`, [node.id]);
      expect(await db.nodeOrigin.count({ where: { nodeId: node.id } })).toBe(0);
    } finally {
      await writer.query("ROLLBACK").catch(() => {});
      await writer.end();
      await other.end();
    }
  });
});
