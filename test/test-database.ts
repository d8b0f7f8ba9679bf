import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import type { DatabaseConfig } from "@/lib/database/config";
import { migrate } from "@/lib/database/migrate";
import { openDatabase, type OpenDatabase } from "@/lib/database/open-database";

export type TestDatabaseKind = "pglite" | "postgresql";

/** PGlite always; PostgreSQL too when DATABASE_URL is set (as in CI). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];
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
    const adminUrl = new URL(process.env.DATABASE_URL!);
    const name = `blastmap_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    config = { kind: "postgresql", url: url.toString() };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
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
