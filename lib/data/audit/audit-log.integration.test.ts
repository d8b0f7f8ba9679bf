import { describe, expect, it } from "vitest";
import { importSources } from "@/lib/services/import/import-sources";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { formatAuditCsv } from "./format-audit-export";
import { ZAuditPageQuery, ZAuditQuery } from "@/lib/schemas/audit";
import { listAuditEvents, listAuditPage } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";

describe.each(testDatabaseKinds())("audit log (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("records who, what, when, from where and a before/after summary", async () => {
    const { db } = database.current;
    await recordAuditEvent(
      db,
      { kind: "user", id: "u-7", name: "bob@example.test", ip: "198.51.100.4", userAgent: "test-agent" },
      {
        action: "incident.update",
        target: "incident:42",
        before: { status: "open" },
        after: { status: "contained" },
      },
    );
    const [event] = await listAuditEvents(db, { action: "incident.", limit: 10 });
    expect(event).toMatchObject({
      actorKind: "user",
      actorId: "u-7",
      actorName: "bob@example.test",
      action: "incident.update",
      target: "incident:42",
      ip: "198.51.100.4",
      userAgent: "test-agent",
      before: { status: "open" },
      after: { status: "contained" },
    });
    expect(event.at).toBeInstanceOf(Date);
  });

  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const { db } = database.current;
    const before = await db.auditEvent.findMany();
    await expect(db.auditEvent.updateMany({ data: { actorName: "someone else" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findMany()).toEqual(before);
  });

  it("exports CSV with formula-looking cells neutralised", async () => {
    const { db } = database.current;
    await recordAuditEvent(db, { kind: "token", id: "3", name: "token:ci" }, { action: "import.apply", target: '=HYPERLINK("http://evil")' });
    const csv = formatAuditCsv(await listAuditEvents(db, { action: "import.", limit: 10 }));
    expect(csv.split("\r\n")[0]).toBe("id,at,actorKind,actorId,actorName,action,target,ip,userAgent,before,after");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it("records a refused import with who tried, the files and the error codes, but not the refused content", async () => {
    const { db } = database.current;
    const result = await importSources(db, [{ path: "package-lock.json", content: '{"lockfileVersion": 3, "packages": ' }], {
      actor: "ci@example.test",
      auditActor: { kind: "token", id: "9", name: "token:ci-ingest", ip: "203.0.113.5" },
      repo: "acme/web",
    });
    expect(result.ok).toBe(false);
    const [event] = await listAuditEvents(db, { action: "import.refused", limit: 1 });
    expect(event).toMatchObject({ actorKind: "token", actorName: "token:ci-ingest", ip: "203.0.113.5", after: { files: 1, dryRun: false } });
    expect(JSON.stringify(event.after)).toContain("package-lock.json");
    expect(JSON.stringify(event.after)).not.toContain("lockfileVersion");
  });

  it("pages past the first 200 events with cursors, saying where each page sits among them all", async () => {
    const { db } = database.current;
    for (let n = 1; n <= 250; n++) await recordAuditEvent(db, { kind: "system", name: "pager test" }, { action: "paging.test", target: `event-${n}` });
    const filters = { action: "paging." };
    const targets = (page: { events: { target: string | null }[] }) => page.events.map((event) => event.target);

    const newest = await listAuditPage(db, { ...filters, limit: 100 });
    expect(newest).toMatchObject({ total: 250, newer: 0, older: 150 });
    expect(targets(newest).slice(0, 2)).toEqual(["event-250", "event-249"]);

    const second = await listAuditPage(db, { ...filters, limit: 100, before: newest.events.at(-1)!.id });
    expect(second).toMatchObject({ total: 250, newer: 100, older: 50 });
    expect(targets(second)[0]).toBe("event-150");

    const third = await listAuditPage(db, { ...filters, limit: 100, before: second.events.at(-1)!.id });
    expect(third).toMatchObject({ total: 250, newer: 200, older: 0 });
    expect(targets(third)).toHaveLength(50);
    expect(targets(third).at(-1)).toBe("event-1");

    const backToSecond = await listAuditPage(db, { ...filters, limit: 100, after: third.events[0].id });
    expect(targets(backToSecond)).toEqual(targets(second));

    const oldest = await listAuditPage(db, { ...filters, limit: 100, after: 0 });
    expect(oldest).toMatchObject({ newer: 150, older: 0 });
    expect(targets(oldest).at(-1)).toBe("event-1");

    const pastTheEnd = await listAuditPage(db, { ...filters, limit: 100, before: third.events.at(-1)!.id });
    expect(pastTheEnd).toMatchObject({ events: [], total: 250, newer: 250, older: 0 });
  });

  it("refuses a page size the page does not offer and two cursors at once, saying why", () => {
    expect(ZAuditPageQuery.parse({}).limit).toBe(100);
    expect(ZAuditPageQuery.safeParse({ limit: "7" }).error?.issues[0].message).toBe("must be one of 25, 50, 100, 200, 500");
    expect(ZAuditQuery.safeParse({ before: "9", after: "3" }).error?.issues[0]).toMatchObject({ path: ["after"], message: "give before or after, not both" });
    expect(ZAuditQuery.safeParse({ before: "x" }).error?.issues[0].message).toBe("must be an event id");
  });
});
