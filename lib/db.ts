import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfigFromEnv, type DatabaseConfig } from "@/lib/database/config";
import { openDatabase, type OpenDatabase } from "@/lib/database/open-database";

export type Db = PrismaClient;

export interface Database {
  prisma: Db;
  connection: OpenDatabase;
}

/** Builds a Prisma client over an open connection (tests build one per isolated database). */
export function createPrismaClient(connection: OpenDatabase): Db {
  return new PrismaClient({ adapter: connection.adapterFactory });
}

export async function connectDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Promise<Database> {
  const connection = await openDatabase(config);
  return { prisma: createPrismaClient(connection), connection };
}

// One database per process. Kept on globalThis because Next.js may evaluate this module in
// several bundles, and a second PGlite over the same data directory would corrupt it.
const globalForDb = globalThis as unknown as { blastmapDatabase?: Promise<Database> };

/** The process's database: its Prisma client (`prisma`) and connection, for whichever database is configured. */
export function getDatabase(): Promise<Database> {
  globalForDb.blastmapDatabase ??= connectDatabase().catch((error: unknown) => {
    globalForDb.blastmapDatabase = undefined;
    throw error;
  });
  return globalForDb.blastmapDatabase;
}

export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.blastmapDatabase;
  globalForDb.blastmapDatabase = undefined;
  if (!pending) return;
  const { prisma, connection } = await pending;
  await prisma.$disconnect();
  await connection.close();
}
