import { describe, expect, it } from "vitest";
import { importSources } from "@/lib/data/import/import-sources";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { formatAuditCsv } from "./format-audit-export";
import { listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";

describe.each(testDatabaseKinds())("audit log (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("records who, what, when, from where and a before/after summary", async () => {
    const { db } = database.current;
    await recordAuditEvent(db, { kind: "user", id: "u-7", name: "bob@example.test", ip: "198.51.100.4", userAgent: "test-agent" }, {
      action: "incident.update",
      target: "incident:42",
      before: { status: "open" },
      after: { status: "contained" },
    });
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
    await recordAuditEvent(db, { kind: "token", id: "3", name: "token:ci" }, { action: "import.apply", target: "=HYPERLINK(\"http://evil\")" });
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
});
