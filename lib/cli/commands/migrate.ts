import { connectDatabase } from "@/lib/db";
import { migrate } from "@/lib/database/migrate";
import type { Command } from "../command";
import { parseCommandArgs } from "../command";

const usage = "blastmap migrate";

export const migrateCommand: Command = {
  summary: "apply pending database migrations (embedded PGlite, or PostgreSQL with DATABASE_URL)",
  usage,
  async run(argv) {
    parseCommandArgs(argv, {}, usage);
    const database = await connectDatabase();
    try {
      const { applied } = await migrate(database.connection);
      console.log(
        applied.length === 0
          ? `${database.connection.description}: up to date`
          : `${database.connection.description}: applied ${applied.join(", ")}`,
      );
      return 0;
    } finally {
      await database.prisma.$disconnect();
      await database.connection.close();
    }
  },
};
