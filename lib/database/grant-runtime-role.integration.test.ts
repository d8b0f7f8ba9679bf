import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authConfigFromEnv } from "@/lib/auth/auth-config";
import { createAuth } from "@/lib/auth/get-auth";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/data/audit/record-audit-event";
import { importSources } from "@/lib/services/import/import-sources";
import { createUser } from "@/lib/data/users/create-user";
import { createPrismaClient, type Db } from "@/lib/db";
import { releaseRole, urlAsRole } from "@/test/runtime-role";
import { createTestDatabase, postgresqlOnly, type TestDatabase } from "@/test/test-database";
import { grantRuntimeRole, RuntimeRoleError } from "./grant-runtime-role";
import { openDatabase, type OpenDatabase } from "./open-database";

// The production setup SECURITY.md documents: migrations as the owning role, the server as a
// runtime role that `blastmap migrate --grant-runtime-role` gave only INSERT and SELECT on the
// audit log. Whatever the server's credentials are used for, the log cannot be rewritten.

describe("the runtime role on PGlite", () => {
  it("says the grant does not apply to the embedded database", async () => {
    const test = await createTestDatabase("pglite");
    try {
      await expect(grantRuntimeRole(test.connection, "blastmap_runtime")).rejects.toThrow(/PostgreSQL only/);
    } finally {
      await test.close();
    }
  });
});

describe.each(postgresqlOnly())("the runtime role on %s", () => {
  const role = `blastmap_rt_${randomBytes(4).toString("hex")}`;
  let owner: TestDatabase;
  let runtime: { connection: OpenDatabase; db: Db };
  let runtimeUrl: URL;

  const runAsOwner = (sql: string) => owner.connection.query(sql);
  async function runAsRuntime(sql: string) {
    const client = new pg.Client({ connectionString: runtimeUrl.toString() });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    owner = await createTestDatabase("postgresql");
    await runAsOwner(`CREATE ROLE ${role} LOGIN`);
    runtimeUrl = urlAsRole(owner, role);
  });

  afterAll(() => releaseRole(role, owner, runtime));

  it("refuses a role that does not exist, or one that could switch the trigger off", async () => {
    await expect(grantRuntimeRole(owner.connection, "no_such_role_here")).rejects.toThrow(/does not exist/);
    await expect(grantRuntimeRole(owner.connection, "postgres")).rejects.toBeInstanceOf(RuntimeRoleError);
  });

  it("grants idempotently, then the runtime role can do the app's work", async () => {
    await grantRuntimeRole(owner.connection, role);
    await grantRuntimeRole(owner.connection, role);
    const connection = await openDatabase({ kind: "postgresql", url: runtimeUrl.toString() });
    runtime = { connection, db: createPrismaClient(connection) };

    const result = await importSources(
      runtime.db,
      [
        {
          path: "package-lock.json",
          content: JSON.stringify({ name: "web", lockfileVersion: 3, packages: { "": { name: "web" }, "node_modules/chalk": { version: "5.6.1" } } }),
        },
      ],
      { actor: "runtime-test", repo: "acme/web" },
    );
    expect(result.ok, JSON.stringify(result.errors)).toBe(true);
    expect(await runtime.db.auditEvent.count({ where: { action: "import.apply" } })).toBe(1);

    const password = ["runtime", "role", "sign", "in"].join("-");
    await createUser(runtime.db, { email: "rt@example.test", role: "admin", password }, SYSTEM_ACTOR);
    const auth = createAuth(runtime.db, "test-secret-".padEnd(40, "x"), authConfigFromEnv({ PORT: "3997" }));
    await auth.api.signInEmail({ body: { email: "rt@example.test", password } });
    expect(await runtime.db.auditEvent.count({ where: { action: "auth.sign_in", target: "rt@example.test" } })).toBe(1);
    await recordAuditEvent(runtime.db, SYSTEM_ACTOR, { action: "test.append" });
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET "actorName" = 'someone else'`],
    ["DELETE", `DELETE FROM "AuditEvent"`],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`],
    ["disabling the trigger", `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`],
    ["dropping the trigger", `DROP TRIGGER "AuditEvent_append_only_row" ON "AuditEvent"`],
    [
      "replacing the trigger function",
      `CREATE OR REPLACE FUNCTION "blastmap_audit_event_append_only"() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`,
    ],
    ["rewriting the migration history", `DELETE FROM "_prisma_migrations"`],
  ])("refuses the runtime role %s on the audit log", async (_label, sql) => {
    const before = await owner.db.auditEvent.count();
    await expect(runAsRuntime(sql)).rejects.toThrow(/permission denied|must be owner/);
    expect(await owner.db.auditEvent.count()).toBe(before);
  });
});
