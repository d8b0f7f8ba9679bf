import type { OpenDatabase } from "./open-database";
import { readMigrationList } from "./migrations";

export interface MigrationStatus {
  known: string[];
  applied: string[];
  pending: string[];
  /** applied to the database but unknown to this build: written by a newer Blastmap */
  unknown: string[];
}

export async function migrationStatus(database: OpenDatabase): Promise<MigrationStatus> {
  const known = readMigrationList().migrationDirectories.map((dir) => dir.path);
  const [{ exists }] = await database.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
  const applied = exists
    ? (
        await database.query<{ migration_name: string }>(
          "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
        )
      ).map((row) => row.migration_name)
    : [];
  return {
    known,
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}
