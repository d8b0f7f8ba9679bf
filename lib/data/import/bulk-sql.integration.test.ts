import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { allocateIds, deleteWhereIn, insertColumns, insertRows, reserveIdRange, selectWhereIn, selectWhereMatches, updateRows } from "./bulk-sql";

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

  it("updates arrays, JSON, dates and nulls to exactly the values given", async () => {
    const { db } = database.current;
    const [job] = await db.$transaction((tx) => insertRows<{ id: number }>(tx, "Node", [{ kind: "context", key: "context:bulk/update", name: "job" }], ["id"]));
    await db.$transaction((tx) =>
      insertRows(tx, "ExecutionContext", [{ nodeId: job.id, contextKind: "ciJob", triggers: ["push"], tokenPermissions: { contents: "read" } }]),
    );
    const installSteps = [{ line: 7, command: 'npm ci --foo="a \\ b" {x,y}', note: "é ✓ ☃", list: [1, null, "x"] }];
    const triggers = ["pull_request_target", 'a "quoted", {braced} trigger', "NULL"];
    await db.$transaction((tx) => updateRows(tx, "ExecutionContext", ["nodeId"], [{ nodeId: job.id, triggers, installSteps, tokenPermissions: null }]));
    expect(await db.executionContext.findUnique({ where: { nodeId: job.id } })).toMatchObject({ triggers, installSteps, tokenPermissions: null });

    const version = await db.$transaction(async (tx) => {
      const [pkg, version] = await insertRows<{ id: number; kind: string }>(
        tx,
        "Node",
        [
          { kind: "package", key: "pkg:npm/bulk-update", name: "bulk-update" },
          { kind: "packageVersion", key: "pkg:npm/bulk-update@1.0.0", name: "bulk-update@1.0.0" },
        ],
        ["id", "kind"],
      ).then((rows) => [rows.find((row) => row.kind === "package")!, rows.find((row) => row.kind === "packageVersion")!]);
      await insertRows(tx, "Package", [{ nodeId: pkg.id, ecosystem: "npm", name: "bulk-update", purl: "pkg:npm/bulk-update" }]);
      await insertRows(tx, "PackageVersion", [{ nodeId: version.id, packageNodeId: pkg.id, version: "1.0.0", purl: "pkg:npm/bulk-update@1.0.0" }]);
      return version;
    });
    const publishedAt = new Date("2025-09-08T13:16:24.123Z");
    await db.$transaction((tx) =>
      updateRows(tx, "PackageVersion", ["nodeId"], [{ nodeId: version.id, publishedAt, advisoryIds: ["GHSA-1111-2222-3333"], compromised: true }]),
    );
    expect(await db.packageVersion.findUnique({ where: { nodeId: version.id } })).toMatchObject({
      publishedAt,
      advisoryIds: ["GHSA-1111-2222-3333"],
      compromised: true,
    });
  });

  it("inserts column by column with ids drawn beforehand: JSON of any content, nulls, constants, and more rows than one statement holds", async () => {
    const { db } = database.current;
    const count = 4500;
    const nodeIds = await db.$transaction(async (tx) => {
      const ids = await allocateIds(tx, "Node", count);
      await insertColumns(tx, "Node", {
        columns: {
          id: ids,
          kind: ids.map((_, i) => (i % 2 === 0 ? "secret" : "context")),
          key: ids.map((_, i) => `node:columns/${i}`),
          name: ids.map((_, i) => (i === 0 ? 'a "quoted" {braced}, \\ NULL' : `n${i}`)),
        },
        constants: { firstImportId: null },
      });
      return ids;
    });
    expect(new Set(nodeIds).size).toBe(count);
    const stored = await db.node.findMany({ where: { key: { startsWith: "node:columns/" } }, select: { id: true, key: true, name: true } });
    expect(stored).toHaveLength(count);
    expect(stored.find((node) => node.key === "node:columns/0")).toEqual({ id: nodeIds[0], key: "node:columns/0", name: 'a "quoted" {braced}, \\ NULL' });
    expect(stored.find((node) => node.key === "node:columns/4499")?.id).toBe(nodeIds[4499]);
    // the sequence moved past the drawn ids: a row inserted the ordinary way gets a new one
    const [later] = await db.$transaction((tx) =>
      insertRows<{ id: number }>(tx, "Node", [{ kind: "identity", key: "identity:columns-later", name: "later" }], ["id"]),
    );
    expect(nodeIds).not.toContain(later.id);

    const attributes = [{ step: 'run: echo "${{ secrets.X }}" \\ {a,b}', line: 3, nested: { list: [1, null, "x"] } }, {}, { unicode: "é ✓ ☃" }];
    await db.$transaction(async (tx) => {
      const ids = await allocateIds(tx, "Edge", attributes.length);
      await insertColumns(tx, "Edge", {
        columns: {
          id: ids,
          kind: ["EXPOSES", "EXPOSES", "EXPOSES"],
          fromId: [nodeIds[1], nodeIds[3], nodeIds[5]],
          toId: [nodeIds[0], nodeIds[2], nodeIds[4]],
          exposure: ["install", null, undefined],
          attributes,
        },
        constants: { firstImportId: 7, lastImportId: 7 },
      });
    });
    const edges = await db.edge.findMany({ where: { fromId: { in: [nodeIds[1], nodeIds[3], nodeIds[5]] } }, orderBy: { fromId: "asc" } });
    expect(edges.map((edge) => [edge.attributes, edge.exposure, edge.firstImportId])).toEqual([
      [attributes[0], "install", 7],
      [attributes[1], null, 7],
      [attributes[2], null, 7],
    ]);
  });

  it("a JSON column of repeated values (each distinct value sent once) reads back every row's own value, across statements; reserved ids are one range", async () => {
    const { db } = database.current;
    const count = 4100;
    const values = [{ phase: "install", dev: false }, {}, { step: 'run: "quoted" \\ {braced} NULL', nested: { list: [1, null, "é ✓"] } }, { dev: true }];
    const nodeIds = await db.$transaction(async (tx) => {
      const ids = await reserveIdRange(tx, "Node", count + 1);
      await insertColumns(tx, "Node", {
        columns: { id: ids, kind: ids.map(() => "system"), key: ids.map((_, i) => `system:repeated-${i}`), name: ids.map((_, i) => `s${i}`) },
      });
      return ids;
    });
    expect(nodeIds.at(-1)! - nodeIds[0]).toBe(count);
    const [hub, ...targets] = nodeIds;
    const edgeIds = await db.$transaction(async (tx) => {
      const ids = await reserveIdRange(tx, "Edge", count);
      await insertColumns(tx, "Edge", {
        columns: {
          id: ids,
          kind: ids.map(() => "CAN_ACCESS"),
          fromId: ids.map(() => hub),
          toId: targets,
          attributes: ids.map((_, i) => values[i % values.length]),
        },
      });
      return ids;
    });
    const stored = await db.edge.findMany({ where: { fromId: hub }, select: { id: true, toId: true, attributes: true }, orderBy: { toId: "asc" } });
    expect(stored).toHaveLength(count);
    expect(stored.map((edge) => edge.attributes)).toEqual(targets.map((_, i) => values[i % values.length]));
    expect(stored.map((edge) => edge.id)).toEqual(edgeIds);
    // the sequence moved past the range: an ordinary insert gets a new id
    const [later] = await db.$transaction((tx) =>
      insertRows<{ id: number }>(tx, "Node", [{ kind: "system", key: "system:after-range", name: "after" }], ["id"]),
    );
    expect(later.id).toBeGreaterThan(nodeIds.at(-1)!);
  });

  it("reports the statement that failed, not the aborted ones queued behind it, when a statement of a long insert fails", async () => {
    const { db } = database.current;
    // 7,000 rows: four statements; the 4,500th key repeats the 1st, so the third fails while the
    // fourth is already handed to the driver, and the fourth then fails too (the transaction is aborted)
    const keys = Array.from({ length: 7000 }, (_, i) => `identity:in-flight-${i === 4500 ? 0 : i}`);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const failure = await db
        .$transaction((tx) => insertColumns(tx, "Node", { columns: { kind: keys.map(() => "identity"), key: keys, name: keys } }))
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(String(failure)).toMatch(/unique constraint|duplicate key/i);
      expect(String(failure)).not.toMatch(/current transaction is aborted/i);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(await db.node.count({ where: { key: { startsWith: "identity:in-flight-" } } })).toBe(0);
  });

  it("refuses columns of different lengths and writes nothing", async () => {
    const { db } = database.current;
    await expect(
      db.$transaction((tx) => insertColumns(tx, "Node", { columns: { kind: ["identity", "identity"], key: ["identity:uneven-a"], name: ["a", "b"] } })),
    ).rejects.toThrow(/Node.key has 1 values for 2 rows/);
    expect(await db.node.count({ where: { key: "identity:uneven-a" } })).toBe(0);
  });

  it("refuses a column the table does not have instead of writing it", async () => {
    const { db } = database.current;
    await expect(
      db.$transaction((tx) => insertRows(tx, "Node", [{ kind: "identity", key: "identity:bulk-c", name: "c", 'name" = 1; --': 1 }])),
    ).rejects.toThrow(/Node has no column/);
    expect(await db.node.count({ where: { key: "identity:bulk-c" } })).toBe(0);
  });
});
