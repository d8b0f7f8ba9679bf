import { connectDatabase } from "@/lib/db";
import { migrate } from "@/lib/database/migrate";
import { grantRuntimeRole, RuntimeRoleError } from "@/lib/database/grant-runtime-role";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { parseCommandArgs } from "../command";

const usage = "blastmap migrate [--grant-runtime-role ROLE]";

export const migrateCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, { "grant-runtime-role": { type: "string" } }, usage);
    const database = await connectDatabase();
    try {
      const { applied } = await migrate(database.connection);
      console.log(
        applied.length === 0 ? `${database.connection.description}: up to date` : `${database.connection.description}: applied ${applied.join(", ")}`,
      );
      const role = values["grant-runtime-role"];
      if (role !== undefined) {
        try {
          const { schema, tables } = await grantRuntimeRole(database.connection, role);
          console.log(
            `${database.connection.description}: role "${role}" may read and write the ${tables} tables in schema "${schema}", but only read and append to the audit log`,
          );
        } catch (error) {
          if (error instanceof RuntimeRoleError) throw new CliError(error.message);
          throw error;
        }
      }
      return 0;
    } finally {
      await database.prisma.$disconnect();
      await database.connection.close();
    }
  },
};
