import { afterAll, beforeAll } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import type { DatabaseConfig } from "@/lib/database/config";
import { migrate } from "@/lib/database/migrate";
import { openDatabase, type OpenDatabase } from "@/lib/database/open-database";
import { createThrowawayPostgresDatabase } from "@/lib/database/throwaway-postgres";

export type TestDatabaseKind = "pglite" | "postgresql";

/** PGlite always; PostgreSQL too when DATABASE_URL is set (as in CI). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];
}

/** For what only PostgreSQL has (roles): ["postgresql"] when DATABASE_URL is set, else none, so such suites are not registered at all rather than skipped. */
export function postgresqlOnly(): "postgresql"[] {
  return process.env.DATABASE_URL ? ["postgresql"] : [];
}

export interface TestDatabase {
  kind: TestDatabaseKind;
  db: Db;
  connection: OpenDatabase;
  close(): Promise<void>;
}

/** A fresh, migrated database of its own: in-memory PGlite, or a throw-away PostgreSQL database. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  let config: DatabaseConfig;
  let dropDatabase = async () => {};
  if (kind === "pglite") {
    config = { kind: "pglite", dataDir: ":memory:" };
  } else {
    const throwaway = await createThrowawayPostgresDatabase(process.env.DATABASE_URL!, "blastmap_test");
    config = { kind: "postgresql", url: throwaway.url };
    dropDatabase = throwaway.drop;
  }
  const connection = await openDatabase(config);
  await migrate(connection);
  const db = createPrismaClient(connection);
  return {
    kind,
    db,
    connection,
    async close() {
      await db.$disconnect();
      await connection.close();
      await dropDatabase();
    },
  };
}

/** For use inside describe.each(testDatabaseKinds()): a database for the whole describe block. */
export function useTestDatabase(kind: TestDatabaseKind): { current: TestDatabase } {
  const holder = {} as { current: TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
