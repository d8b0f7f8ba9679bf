import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { OpenDatabase } from "./open-database";
import { migrationStatus } from "./migration-status";
import { readMigrationList, readSchema } from "./migrations";
import { createSchemaEngine, NO_FILTERS } from "./schema-engine";

export class SchemaTooNewError extends Error {}

export { migrationStatus };

/**
 * Applies pending migrations with Prisma's own migration engine (WASM build), so the history
 * table is the one `prisma migrate` keeps. Refuses, changing nothing, a database that a newer
 * Blastmap has migrated. `through` stops after the named migration (a test of what a migration
 * does to data an older schema stored).
 */
export async function migrate(database: OpenDatabase, { through }: { through?: string } = {}): Promise<{ applied: string[] }> {
  const status = await migrationStatus(database);
  if (status.unknown.length > 0) {
    throw new SchemaTooNewError(
      `${database.description} was migrated by a newer Blastmap (unknown migration ${status.unknown.join(", ")}); upgrade Blastmap, nothing was changed.`,
    );
  }
  if (status.pending.length === 0) return { applied: [] };
  const engine = await createSchemaEngine(readSchema(), bindMigrationAwareSqlAdapterFactory(database.adapterFactory));
  try {
    const migrationsList = readMigrationList();
    if (through) migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((migration) => migration.path <= through);
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return { applied: result.appliedMigrationNames };
  } finally {
    engine.free();
  }
}

/**
 * The SQL that would bring the migrations up to schema.prisma; empty when they agree.
 * Uses a shadow database (an in-memory PGlite, or a temporary PostgreSQL database).
 */
export async function schemaDrift(database: OpenDatabase): Promise<string> {
  const schema = readSchema();
  const engine = await createSchemaEngine(schema, bindMigrationAwareSqlAdapterFactory(database.adapterFactory));
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrationList() },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 0 ? "" : (result.stdout ?? "");
  } finally {
    engine.free();
  }
}
