import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { insertColumns, statementsInFlight } from "@/lib/data/import/bulk-sql";
import { postgresqlOnly, testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { dropParameters, keepParameters, keptParameterCount } from "./parameter-handoff";

const awkwardNames = ['quoted "name"', "back\\slash \\\\ and {braces}, NULL", "ünïcødé ✓ 🔑", "", '\'; DROP TABLE "Node"; --'];

describe.each(testDatabaseKinds())("bulk statements' parameters handed to the adapter (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("lands every value as given, JSON and NULLs included, and keeps nothing once the statements settled", async () => {
    const { db } = database.current;
    const keys = awkwardNames.map((_, i) => `identity:handoff-${i}`);
    const attributes = awkwardNames.map((name, i) => ({ name, line: i, nested: { list: [name, null] } }));
    const depth = await db.$transaction(async (tx) => {
      const nodes = await insertColumns<{ id: number; key: string }>(
        tx,
        "Node",
        { columns: { kind: keys.map(() => "identity"), key: keys, name: awkwardNames } },
        ["id", "key"],
      );
      const ids = keys.map((key) => nodes.find((node) => node.key === key)!.id);
      await insertColumns(tx, "Edge", {
        columns: {
          kind: ids.slice(1).map(() => "TRIGGERS"),
          fromId: ids.slice(0, -1),
          toId: ids.slice(1),
          exposure: ids.slice(1).map((_, i) => (i % 2 === 0 ? null : "install")),
          attributes: attributes.slice(1),
        },
      });
      return statementsInFlight(tx);
    });
    // PostgreSQL's driver pipelines: more statements in flight; PGlite runs each as it comes
    expect(depth).toBe(kind === "postgresql" ? 16 : 2);
    const stored = await db.node.findMany({ where: { key: { in: keys } }, orderBy: { key: "asc" }, include: { outEdges: true } });
    expect(stored.map((node) => node.name)).toEqual(awkwardNames);
    expect(stored.slice(0, -1).map((node) => [node.outEdges[0].exposure, node.outEdges[0].attributes])).toEqual(
      attributes.slice(1).map((value, i) => [i % 2 === 0 ? null : "install", value]),
    );
    expect(keptParameterCount()).toBe(0);
  });

  it("keeps nothing after a statement fails and the transaction rolls back", async () => {
    const { db } = database.current;
    const keys = Array.from({ length: 5000 }, (_, i) => `identity:handoff-failing-${i === 4200 ? 7 : i}`);
    await expect(db.$transaction((tx) => insertColumns(tx, "Node", { columns: { kind: keys.map(() => "identity"), key: keys, name: keys } }))).rejects.toThrow(
      /unique constraint|duplicate key/i,
    );
    expect(keptParameterCount()).toBe(0);
    expect(await db.node.count({ where: { key: { startsWith: "identity:handoff-failing-" } } })).toBe(0);
  });

  it("passes a handle that is no longer kept to the database as the text it is", async () => {
    const { db } = database.current;
    const handle = keepParameters(["kept value"]);
    dropParameters(handle);
    const [row] = await db.$queryRawUnsafe<{ value: string }[]>(`SELECT $1::text AS value`, handle);
    expect(row.value).toBe(handle);
  });
});

describe.each(postgresqlOnly())("bulk statements through an adapter that takes no handed-over parameters (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("go through Prisma's own parameters, two in flight, and land the same", async () => {
    const { connection } = database.current;
    if (connection.config.kind !== "postgresql") throw new Error("a PostgreSQL database was expected");
    const plain = new PrismaClient({ adapter: new PrismaPg({ connectionString: connection.config.url }) });
    try {
      const keys = awkwardNames.map((_, i) => `identity:plain-${i}`);
      const depth = await plain.$transaction(async (tx) => {
        await insertColumns(tx, "Node", { columns: { kind: keys.map(() => "identity"), key: keys, name: awkwardNames } });
        return statementsInFlight(tx);
      });
      expect(depth).toBe(2);
      const stored = await plain.node.findMany({ where: { key: { in: keys } }, orderBy: { key: "asc" } });
      expect(stored.map((node) => node.name)).toEqual(awkwardNames);
      expect(keptParameterCount()).toBe(0);
    } finally {
      await plain.$disconnect();
    }
  });
});
