import { beforeAll, describe, expect, it } from "vitest";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import { chalk, chalkAndTokenGraph, npmToken } from "@/test/chalk-and-token-graph";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { listAssumedCompromised } from "./list-assumed-compromised";
import { markAssumedCompromised } from "./mark-assumed-compromised";
import { unmarkAssumedCompromised } from "./unmark-assumed-compromised";

const alice = { kind: "user" as const, id: "u1", name: "alice@example.com" };
const bob = { kind: "user" as const, id: "u2", name: "bob@example.com" };

describe.each(testDatabaseKinds())("the assumed-compromised set (%s)", (kind) => {
  const database = useTestDatabase(kind);

  beforeAll(async () => {
    await applyGraphDocuments(database.current.db, [chalkAndTokenGraph], { actor: "test" });
  });

  it("starts empty, then lists a marked node with who marked it and the note", async () => {
    const db = database.current.db;
    expect(await listAssumedCompromised(db)).toEqual([]);
    const result = await markAssumedCompromised(db, { ref: chalk, note: "MAL-2025-46969" }, alice);
    expect(result).toMatchObject({
      ok: true,
      created: true,
      item: { key: chalk, kind: "packageVersion", name: "chalk@5.6.1", markedBy: "alice@example.com", note: "MAL-2025-46969" },
    });
    const list = await listAssumedCompromised(db);
    expect(list.map((item) => item.key)).toEqual([chalk]);
    expect(Number.isNaN(Date.parse(list[0].markedAt))).toBe(false);
  });

  it("keeps the first marker when a node is marked again, updating only the note", async () => {
    const db = database.current.db;
    const again = await markAssumedCompromised(db, { ref: chalk, note: "confirmed by the vendor" }, bob);
    expect(again).toMatchObject({ ok: true, created: false, item: { markedBy: "alice@example.com", note: "confirmed by the vendor" } });
    expect(await db.assumedCompromise.count()).toBe(1);
  });

  it("rejects a key that names no node with a specific message, changing nothing", async () => {
    const db = database.current.db;
    const result = await markAssumedCompromised(db, { ref: "pkg:npm/chalk@9.9.9" }, alice);
    expect(result).toEqual({
      ok: false,
      errors: [{ ref: "pkg:npm/chalk@9.9.9", reason: "unknown", message: 'no node has the key "pkg:npm/chalk@9.9.9"', candidates: [] }],
    });
    expect(await unmarkAssumedCompromised(db, "secret:NPM_TOKEN", alice)).toMatchObject({
      ok: false,
      errors: [{ ref: "secret:NPM_TOKEN", reason: "unknown" }],
    });
    expect(await db.assumedCompromise.count()).toBe(1);
  });

  it("audits marking and unmarking with the actor and the node key", async () => {
    const db = database.current.db;
    await markAssumedCompromised(db, { ref: npmToken }, bob);
    expect(await unmarkAssumedCompromised(db, npmToken, bob)).toEqual({ ok: true, removed: true });
    expect(await unmarkAssumedCompromised(db, npmToken, bob)).toEqual({ ok: true, removed: false });
    const events = await db.auditEvent.findMany({ where: { target: npmToken }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.actorName])).toEqual([
      ["compromise.mark", "bob@example.com"],
      ["compromise.unmark", "bob@example.com"],
    ]);
    expect((await listAssumedCompromised(db)).map((item) => item.key)).toEqual([chalk]);
  });

  it("drops a node from the set when the node is deleted from the graph", async () => {
    const db = database.current.db;
    await db.node.delete({ where: { key: chalk } });
    expect(await listAssumedCompromised(db)).toEqual([]);
  });
});
