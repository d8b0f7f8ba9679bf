import { seedDemoOrganisation } from "@/lib/services/demo/seed-demo-organisation";
import { parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage = "blastmap seed [--if-empty] [--json]";

export const seedCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, { "if-empty": { type: "boolean" }, json: { type: "boolean" } }, usage);
    const result = await withDatabase(async ({ prisma }) => {
      if (values["if-empty"] && (await prisma.node.count()) > 0) return null;
      return seedDemoOrganisation(prisma);
    });
    if (values.json) printJson(result);
    else if (!result) console.log("the database already holds a graph; demo not loaded");
    else console.log(result.message);
    return 0;
  },
};
