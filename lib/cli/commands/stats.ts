import { getGraphStats } from "@/lib/data/graph/get-graph-stats";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage = "blastmap stats [--json]";

export const statsCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, { json: { type: "boolean" } }, usage);
    const stats = await withDatabase(getGraphStats);
    if (values.json) {
      printJson(stats);
      return 0;
    }
    console.log(`database: ${stats.database.description}`);
    console.log(`schema:   ${stats.schemaVersion ?? "not migrated"}   graph version: ${stats.graphVersion}\n`);
    console.log(formatTable([["node kind", "count"], ...Object.entries(stats.nodes), ["total", stats.totals.nodes]]));
    console.log();
    console.log(formatTable([["edge kind", "count"], ...Object.entries(stats.edges), ["total", stats.totals.edges]]));
    return 0;
  },
};
