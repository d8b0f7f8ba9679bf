import { connectDatabase, type Database } from "@/lib/db";
import { migrate } from "@/lib/database/migrate";

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
