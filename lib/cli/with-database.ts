import { connectDatabase, type Database } from "@/lib/db";
import { databaseConfigFromEnv } from "@/lib/database/config";
import { migrate } from "@/lib/database/migrate";
import { findLocalServer, type LocalServer } from "./local-server";

/** Opens the configured database, applies pending migrations, runs `work`, and always closes. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await connectDatabase();
  try {
    await migrate(database.connection);
    return await work(database);
  } finally {
    await database.prisma.$disconnect();
    await database.connection.close();
  }
}

/**
 * As withDatabase, but when a running `blastmap start` holds the embedded database, `remote` asks
 * that server instead (lib/cli/local-server.ts): serve and import at once.
 */
export async function withDatabaseOrServer<T>(work: (database: Database) => Promise<T>, remote: (server: LocalServer) => Promise<T>): Promise<T> {
  const config = databaseConfigFromEnv();
  const server = config.kind === "pglite" ? findLocalServer(config.dataDir) : null;
  // The server opens the data directory at its first request: opening it here first would keep the
  // server out of its own database for as long as this command runs, so a live server is always asked.
  if (!server) return withDatabase(work);
  console.error(`blastmap: the running server (pid ${server.pid}) holds the embedded database; asking it at ${server.url}`);
  return remote(server);
}
