import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { deleteWhereIn, insertRows, selectWhereIn, selectWhereMatches, updateRows } from "./bulk-sql";

describe.each(testDatabaseKinds())("set-based import writes (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("inserts typed rows in one statement, returns their ids, and leaves omitted columns to their defaults", async () => {
    const { db } = database.current;
    const nodes = await db.$transaction((tx) =>
      insertRows<{ id: number; key: string }>(
        tx,
        "Node",
        [
          { kind: "identity", key: "identity:bulk-a", name: "bulk a" },
          { kind: "identity", key: "identity:bulk-b", name: 'bulk "b" \' ; DROP TABLE "Node" \\ {NULL, x}' },
        ],
        ["id", "key"],
      ),
    );
    expect(nodes.map((n) => n.key).sort()).toEqual(["identity:bulk-a", "identity:bulk-b"]);
    const [a, b] = ["identity:bulk-a", "identity:bulk-b"].map((key) => nodes.find((n) => n.key === key)!.id);
    await db.$transaction((tx) =>
      insertRows(tx, "Identity", [
        {
          nodeId: a,
          identityKind: "registryPublishToken",
          lifetime: "longLived",
          scopes: ["publish", "read", 'a "quoted", {braced} \\ NULL', ""],
          expiresAt: new Date("2027-01-02T03:04:05.678Z"),
        },
        { nodeId: b, identityKind: "ciServiceAccount", lifetime: "shortLived" },
      ]),
    );
    const stored = await db.identity.findMany({ where: { nodeId: { in: [a, b] } }, orderBy: { nodeId: "asc" } });
    expect(stored[0]).toMatchObject({
      identityKind: "registryPublishToken",
      scopes: ["publish", "read", 'a "quoted", {braced} \\ NULL', ""],
      humanAccount: false,
    });
    expect(stored[0].expiresAt?.toISOString()).toBe("2027-01-02T03:04:05.678Z");
    expect(stored[1]).toMatchObject({ identityKind: "ciServiceAccount", lifetime: "shortLived", scopes: [], expiresAt: null });
    expect((await db.node.findUnique({ where: { id: b } }))?.name).toBe('bulk "b" \' ; DROP TABLE "Node" \\ {NULL, x}');
  });

  it("updates only the columns each row carries, sets nulls, and finds and deletes by a list of keys", async () => {
    const { db } = database.current;
    const [from, to] = await db.$transaction((tx) =>
      insertRows<{ id: number }>(
        tx,
        "Node",
        [
          { kind: "context", key: "context:bulk/x", name: "x" },
          { kind: "secret", key: "secret:bulk/x:T", name: "T" },
        ],
        ["id"],
      ),
    );
    const [edge] = await db.$transaction((tx) =>
      insertRows<{ id: number }>(tx, "Edge", [{ kind: "EXPOSES", fromId: from.id, toId: to.id, exposure: "install", attributes: { line: 3 } }], ["id"]),
    );
    await db.$transaction((tx) => updateRows(tx, "Edge", ["id"], [{ id: edge.id, exposure: null, attributes: { line: 4, step: "npm ci" } }]));
    expect(await db.edge.findUnique({ where: { id: edge.id } })).toMatchObject({ exposure: null, privilege: null, attributes: { line: 4, step: "npm ci" } });

    const found = await db.$transaction((tx) =>
      selectWhereIn<{ id: number; key: string }>(tx, "Node", "key", ["context:bulk/x", "context:bulk/x", "nothing"], ["id", "key"]),
    );
    expect(found).toEqual([{ id: from.id, key: "context:bulk/x" }]);
    const matched = await db.$transaction((tx) =>
      selectWhereMatches<{ id: number }>(
        tx,
        "Edge",
        [
          { kind: "EXPOSES", fromId: from.id, toId: to.id },
          { kind: "EXPOSES", fromId: from.id, toId: to.id },
          { kind: "EXPOSES", fromId: to.id, toId: from.id },
          { kind: "USED_IN", fromId: from.id, toId: to.id },
        ],
        ["id"],
      ),
    );
    expect(matched).toEqual([{ id: edge.id }]);
    await db.$transaction((tx) => deleteWhereIn(tx, "Node", "id", [from.id, to.id]));
    expect(await db.edge.count({ where: { id: edge.id } })).toBe(0);
  });

  it("refuses a column the table does not have instead of writing it", async () => {
    const { db } = database.current;
    await expect(
      db.$transaction((tx) => insertRows(tx, "Node", [{ kind: "identity", key: "identity:bulk-c", name: "c", 'name" = 1; --': 1 }])),
    ).rejects.toThrow(/Node has no column/);
    expect(await db.node.count({ where: { key: "identity:bulk-c" } })).toBe(0);
  });
});
