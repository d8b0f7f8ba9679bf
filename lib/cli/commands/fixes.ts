import { computeFixes } from "@/lib/services/radius/compute-fixes";
import { ZFixesInput, ZFixesResult } from "@/lib/schemas/radius";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { CliError } from "../cli-error";
import { askServer, fixesQuery } from "../remote-engine";
import { withDatabaseOrServer } from "../with-database";
import { optionProblemsError } from "./ref-problems";

const usage = "blastmap fixes [--top N] [--exposure install,job,runner,runtime] [--json]";

export const fixesCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, { json: { type: "boolean" }, top: { type: "string" }, exposure: { type: "string", multiple: true } }, usage);
    const input = ZFixesInput.safeParse({ top: values.top, exposures: values.exposure });
    if (!input.success) throw optionProblemsError(input.error, usage);
    const result = await withDatabaseOrServer(
      (database) => computeFixes(database, input.data),
      async (server) => {
        const asked = await askServer(server, "/api/fixes", fixesQuery(input.data));
        if (!asked.ok) throw new CliError(asked.errors.map((error) => error.message).join("\n"), 2);
        return ZFixesResult.parse(await asked.response.json());
      },
    );
    if (values.json) {
      printJson(result);
      return 0;
    }
    console.log(`Score: ${result.metric} (exposure ${result.exposures.join(",")}).`);
    console.log(
      `Baseline ${result.baseline} over ${result.sources} source(s); ${result.candidates} candidate change(s), ${result.evaluated} evaluated exactly in ${result.seconds}s${result.exhaustive ? "" : " (time budget reached: ranking not proven complete)"}.\n`,
    );
    if (!result.fixes.length) {
      console.log("No single change reduces the score.");
      return 0;
    }
    console.log(
      formatTable([
        ["rank", "reduction", "%", "sources", "change", "what-if control"],
        ...result.fixes.map((fix) => [fix.rank, fix.reduction, fix.reductionPercent, fix.sourcesAffected, fix.description, fix.control]),
      ]),
    );
    return 0;
  },
};
