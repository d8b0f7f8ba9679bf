import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/database/migrate";
import { openDatabase, type OpenDatabase } from "@/lib/database/open-database";
import { createThrowawayPostgresDatabase } from "@/lib/database/throwaway-postgres";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { postgresqlOnly, testDatabaseKinds, useTestDatabase, type TestDatabaseKind } from "@/test/test-database";
import { applyGraphDocuments } from "./apply-graph-documents";

// A document's row names the nodes and edges it describes (SourceDocument."nodeIds" and "edgeIds",
// plain ids); statement-level triggers (migration 20261201083213_origins_on_documents) give the
// guarantees foreign keys would: every id names a stored node or edge, and removing one takes its
// id out of the documents that named it.

const inventory = (key: string, team: string): TGraphDocument => ({
  key,
  format: "inventory",
  nodes: [
    { kind: "identity", key: `identity:${team}-deployer`, name: `${team} deployer`, attrs: { identityKind: "ciServiceAccount", lifetime: "longLived" } },
    { kind: "system", key: "system:prod-aws", name: "prod AWS", attrs: { systemKind: "cloudAccount", criticality: "critical" } },
  ],
  edges: [{ kind: "CAN_ACCESS", from: `identity:${team}-deployer`, to: "system:prod-aws", privilege: "admin" }],
});

type Origins = { key: string; nodeIds: number[]; edgeIds: number[] }[];

describe.each(testDatabaseKinds())("the documents' origins on %s", (kind) => {
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
  // what each document names, ids sorted
  const origins = async (): Promise<Origins> =>
    (
      await test.current.db.$queryRawUnsafe<Origins>(
        `SELECT key, ARRAY(SELECT unnest("nodeIds") ORDER BY 1) AS "nodeIds", ARRAY(SELECT unnest("edgeIds") ORDER BY 1) AS "edgeIds" FROM "SourceDocument" ORDER BY key`,
      )
    ).map((row) => ({ key: row.key, nodeIds: row.nodeIds, edgeIds: row.edgeIds }));
  const namingNode = async (nodeId: number) => (await origins()).filter((document) => document.nodeIds.includes(nodeId)).map((document) => document.key);

  it("refuses a document naming a node or an edge that is not stored, on insert and on update, as a foreign key would", async () => {
    const { db } = test.current;
    const { deployer, paymentsDocument } = await fresh();
    const before = await origins();
    const insert = (nodeIds: number[], edgeIds: number[] = []) =>
      db.$executeRawUnsafe(
        `INSERT INTO "SourceDocument" (key, format, digest, "nodeIds", "edgeIds") VALUES ('inv:other', 'inventory', 'd', $1::integer[], $2::integer[])`,
        `{${nodeIds.join(",")}}`,
        `{${edgeIds.join(",")}}`,
      );
    await expect(insert([deployer, -7])).rejects.toThrow(/violates foreign key: no Node with id -7/);
    await expect(insert([], [-9])).rejects.toThrow(/violates foreign key: no Edge with id -9/);
    await expect(db.$executeRawUnsafe(`UPDATE "SourceDocument" SET "nodeIds" = "nodeIds" || -7 WHERE id = $1`, paymentsDocument)).rejects.toThrow(
      /no Node with id -7/,
    );
    await expect(db.$executeRawUnsafe(`UPDATE "SourceDocument" SET "edgeIds" = ARRAY[-9]`)).rejects.toThrow(/no Edge with id -9/);
    // the SQLSTATE is a foreign key violation's, so callers telling errors apart see what they would see
    const code = await insert([-7]).then(
      () => null,
      (error: unknown) => JSON.stringify(error),
    );
    expect(code).toContain("23503");
    expect(await origins()).toEqual(before);
    // a document naming stored rows is accepted
    await insert([deployer]);
    expect(await namingNode(deployer)).toEqual(["inv:other", "inv:payments"]);
  });

  it("a bulk load's one check of every origin finds an id written while the statement checks were off", async () => {
    const { db } = test.current;
    const { paymentsDocument } = await fresh();
    await expect(db.$executeRawUnsafe(`SELECT "blastmap_check_every_origin"()`)).resolves.toBeDefined();
    await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "SourceDocument" DISABLE TRIGGER "SourceDocument_names_edges_update"`);
        await tx.$executeRawUnsafe(`UPDATE "SourceDocument" SET "edgeIds" = "edgeIds" || -9 WHERE id = $1`, paymentsDocument);
        await expect(tx.$executeRawUnsafe(`SELECT "blastmap_check_every_origin"()`)).rejects.toThrow(/no Edge with id -9/);
      })
      .catch((error: unknown) => expect(String(error)).toMatch(/no Edge with id -9/));
    // the failed check rolled the whole transaction back: the trigger is on, the id is not stored
    expect((await origins()).some((document) => document.edgeIds.includes(-9))).toBe(false);
    await expect(db.$executeRawUnsafe(`UPDATE "SourceDocument" SET "edgeIds" = "edgeIds" || -9 WHERE id = $1`, paymentsDocument)).rejects.toThrow(
      /no Edge with id -9/,
    );
  });

  it("deleting a node takes it out of the documents naming it, with the edges deleted with it; the rest stay", async () => {
    const { db } = test.current;
    const { deployer, system } = await fresh();
    const edge = await db.edge.findFirstOrThrow({ where: { fromId: deployer } });
    const other = await db.edge.findFirstOrThrow({ where: { NOT: { fromId: deployer } } });
    expect(await namingNode(deployer)).toEqual(["inv:payments"]);
    expect(await namingNode(system)).toEqual(["inv:payments", "inv:search"]);

    await db.$executeRawUnsafe(`DELETE FROM "Node" WHERE id = $1`, deployer);
    expect(await db.edge.count({ where: { id: edge.id } })).toBe(0);
    expect(await origins()).toEqual([
      { key: "inv:payments", nodeIds: [system], edgeIds: [] },
      { key: "inv:search", nodeIds: [Math.min(system, other.fromId), Math.max(system, other.fromId)], edgeIds: [other.id] },
    ]);

    // an edge deleted on its own leaves its documents too
    await db.$executeRawUnsafe(`DELETE FROM "Edge"`);
    expect((await origins()).map((document) => document.edgeIds)).toEqual([[], []]);
    expect(await namingNode(system)).toEqual(["inv:payments", "inv:search"]);
  });

  it("truncating the graph empties what the documents name, and a changed id is carried along", async () => {
    const { db } = test.current;
    const { deployer } = await fresh();
    const edge = await db.edge.findFirstOrThrow({ where: { fromId: deployer } });
    await db.$executeRawUnsafe(`UPDATE "Node" SET id = id + 100000 WHERE id = $1`, deployer);
    await db.$executeRawUnsafe(`UPDATE "Edge" SET id = id + 100000 WHERE id = $1`, edge.id);
    expect(await namingNode(deployer)).toEqual([]);
    expect(await namingNode(deployer + 100000)).toEqual(["inv:payments"]);
    expect((await origins()).find((document) => document.key === "inv:payments")!.edgeIds).toEqual([edge.id + 100000]);

    await db.$executeRawUnsafe(`TRUNCATE "Edge" CASCADE`);
    expect((await origins()).map((document) => [document.nodeIds.length, document.edgeIds.length])).toEqual([
      [2, 0],
      [2, 0],
    ]);
    await db.$executeRawUnsafe(`TRUNCATE "Node" CASCADE`);
    expect((await origins()).map((document) => [document.nodeIds.length, document.edgeIds.length])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe.each(postgresqlOnly())("a document's origins beside a concurrent transaction on %s", (kind) => {
  const test = useTestDatabase(kind);

  const writes = {
    "a new document": `INSERT INTO "SourceDocument" (key, format, digest, "nodeIds") VALUES ('inv:other', 'inventory', 'd', ARRAY[$1::integer])`,
    "a stored document naming one more node": `UPDATE "SourceDocument" SET "nodeIds" = "nodeIds" || $1::integer WHERE key = 'inv:search'`,
  };
  it.each(Object.entries(writes))(
    "%s holds the nodes it names as a foreign key would: deleting one waits for the writer, renaming it does not",
    async (_, write) => {
      const { db, connection } = test.current;
      await db.$executeRawUnsafe(`TRUNCATE "Node", "Edge", "SourceDocument" CASCADE`);
      await applyGraphDocuments(db, [inventory("inv:payments", "payments"), inventory("inv:search", "search")], { actor: "test" });
      const node = await db.node.findUniqueOrThrow({ where: { key: "identity:payments-deployer" } });
      if (connection.config.kind !== "postgresql") throw new Error("PostgreSQL only");
      const writer = new pg.Client({ connectionString: connection.config.url });
      const other = new pg.Client({ connectionString: connection.config.url });
      await writer.connect();
      await other.connect();
      try {
        await writer.query("BEGIN");
        await writer.query(write, [node.id]);
        await other.query(`SET lock_timeout = '300ms'`);
        await expect(other.query(`DELETE FROM "Node" WHERE id = $1`, [node.id])).rejects.toThrow(/lock timeout/);
        await other.query(`UPDATE "Node" SET name = 'payments deployer (renamed)' WHERE id = $1`, [node.id]);
        await writer.query("COMMIT");
        expect(await db.sourceDocument.count({ where: { nodeIds: { has: node.id } } })).toBe(2);
        // once the writer has committed, the delete goes through and takes the node out of both documents
        await other.query(`DELETE FROM "Node" WHERE id = $1`, [node.id]);
        expect(await db.sourceDocument.count({ where: { nodeIds: { has: node.id } } })).toBe(0);
      } finally {
        await writer.query("ROLLBACK").catch(() => {});
        await writer.end();
        await other.end();
      }
    },
  );
});

/** An empty database of its own, not migrated. */
async function emptyDatabase(kind: TestDatabaseKind): Promise<{ connection: OpenDatabase; close(): Promise<void> }> {
  if (kind === "pglite") {
    const connection = await openDatabase({ kind: "pglite", dataDir: ":memory:" });
    return { connection, close: () => connection.close() };
  }
  const throwaway = await createThrowawayPostgresDatabase(process.env.DATABASE_URL!, "blastmap_test");
  const connection = await openDatabase({ kind: "postgresql", url: throwaway.url });
  return {
    connection,
    close: async () => {
      await connection.close();
      await throwaway.drop();
    },
  };
}

describe.each(testDatabaseKinds())("upgrading a database that stored origins as rows, on %s", (kind) => {
  it("migration 20261201083213 moves every origin onto its document, and the documents' checks hold afterwards", async () => {
    const database = await emptyDatabase(kind);
    try {
      const { connection } = database;
      await migrate(connection, { through: "20261130224021_origins_checked_per_statement" });
      const ids = async (sql: string) => (await connection.query<{ id: number }>(sql)).map((row) => row.id);
      const nodes = await ids(
        `INSERT INTO "Node" (kind, key, name, "updatedAt") VALUES ('identity', 'identity:a', 'a', now()), ('system', 'system:b', 'b', now()), ('system', 'system:c', 'c', now()) RETURNING id`,
      );
      const edges = await ids(
        `INSERT INTO "Edge" (kind, "fromId", "toId", "updatedAt") VALUES ('CAN_ACCESS', ${nodes[0]}, ${nodes[1]}, now()), ('CAN_ACCESS', ${nodes[0]}, ${nodes[2]}, now()) RETURNING id`,
      );
      const documents = await ids(
        `INSERT INTO "SourceDocument" (key, format, digest) VALUES ('inv:one', 'inventory', 'x'), ('inv:two', 'inventory', 'y'), ('inv:none', 'inventory', 'z') RETURNING id`,
      );
      await connection.query(`INSERT INTO "NodeOrigin" ("nodeId", "documentId") VALUES ($1, $4), ($2, $4), ($2, $5), ($3, $5)`, [
        ...nodes,
        documents[0],
        documents[1],
      ]);
      await connection.query(`INSERT INTO "EdgeOrigin" ("edgeId", "documentId") VALUES ($1, $3), ($2, $3), ($2, $4)`, [...edges, documents[0], documents[1]]);

      expect((await migrate(connection)).applied).toContain("20261201083213_origins_on_documents");
      const moved = await connection.query<{ key: string; nodeIds: number[]; edgeIds: number[] }>(
        `SELECT key, "nodeIds", "edgeIds" FROM "SourceDocument" ORDER BY key`,
      );
      expect(moved).toEqual([
        { key: "inv:none", nodeIds: [], edgeIds: [] },
        { key: "inv:one", nodeIds: [nodes[0], nodes[1]], edgeIds: [edges[0], edges[1]] },
        { key: "inv:two", nodeIds: [nodes[1], nodes[2]], edgeIds: [edges[1]] },
      ]);
      expect(await connection.query(`SELECT to_regclass('"NodeOrigin"') AS node, to_regclass('"EdgeOrigin"') AS edge`)).toEqual([{ node: null, edge: null }]);
      // the new triggers are in place: a deleted node leaves its documents, an unknown id is refused
      await connection.query(`DELETE FROM "Node" WHERE id = $1`, [nodes[2]]);
      expect(
        (await connection.query<{ nodeIds: number[]; edgeIds: number[] }>(`SELECT "nodeIds", "edgeIds" FROM "SourceDocument" WHERE key = 'inv:two'`))[0],
      ).toEqual({
        nodeIds: [nodes[1]],
        edgeIds: [],
      });
      await expect(connection.query(`UPDATE "SourceDocument" SET "nodeIds" = ARRAY[-1] WHERE key = 'inv:none'`)).rejects.toThrow(/no Node with id -1/);
    } finally {
      await database.close();
    }
  });
});
