import { describe, expect, it } from "vitest";
import { migrate, migrationStatus, schemaDrift, SchemaTooNewError } from "@/lib/database/migrate";
import { createTestDatabase, testDatabaseKinds } from "@/test/test-database";

// Drift is a property of schema.prisma and the migration files, not of the server, so it is
// checked on PGlite: the pg adapter cannot read the catalog's "char" columns the diff introspects.
describe("schema drift", () => {
  it("schema.prisma and the migrations agree, so a schema change without a migration fails", async () => {
    const test = await createTestDatabase("pglite");
    try {
      expect(await schemaDrift(test.connection)).toBe("");
    } finally {
      await test.close();
    }
  });
});

describe.each(testDatabaseKinds())("migrations on %s", (kind) => {
  it("applying twice applies nothing the second time", async () => {
    const test = await createTestDatabase(kind);
    try {
      expect(await migrate(test.connection)).toEqual({ applied: [] });
      const status = await migrationStatus(test.connection);
      expect(status.pending).toEqual([]);
      expect(status.applied).toEqual(status.known);
    } finally {
      await test.close();
    }
  });

  it("a database migrated by a newer Blastmap is refused and left as it was", async () => {
    const test = await createTestDatabase(kind);
    try {
      await test.connection.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ('future', 'x', '29991231000000_from_the_future', now(), now(), 1)`,
      );
      await test.db.graphState.create({ data: { id: 1, version: 7 } });
      await expect(migrate(test.connection)).rejects.toThrow(SchemaTooNewError);
      await expect(migrate(test.connection)).rejects.toThrow(/newer Blastmap .*29991231000000_from_the_future/);
      expect((await test.db.graphState.findUnique({ where: { id: 1 } }))?.version).toBe(7);
    } finally {
      await test.close();
    }
  });
});
