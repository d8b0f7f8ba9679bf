import { computePath } from "@/lib/services/radius/compute-path";
import { ZPathInput, ZPathResult } from "@/lib/schemas/radius";
import { parseCommandArgs, printJson, type Command } from "../command";
import { CliError } from "../cli-error";
import { askServer, pathQuery } from "../remote-engine";
import { withDatabaseOrServer } from "../with-database";
import { optionProblemsError, refProblemsError } from "./ref-problems";

const usage = "blastmap path <from-ref> <to-ref> [--json] [--k N]";

export const pathCommand: Command = {
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean" }, k: { type: "string" } }, usage, true);
    if (positionals.length !== 2) throw new CliError(`expected two refs, got ${positionals.length}\nusage: ${usage}`, 2);
    const input = ZPathInput.safeParse({ from: positionals[0], to: positionals[1], k: values.k });
    if (!input.success) throw optionProblemsError(input.error, usage);
    const answer = await withDatabaseOrServer(
      (database) => computePath(database, input.data),
      async (server) => {
        const asked = await askServer(server, "/api/path", pathQuery(input.data));
        return asked.ok ? { ok: true as const, result: ZPathResult.parse(await asked.response.json()) } : asked;
      },
    );
    if (!answer.ok) throw refProblemsError(answer.errors);
    const result = answer.result;
    if (values.json) {
      printJson(result);
      return 0;
    }
    console.log(result.message);
    result.chains.forEach((chain, index) => {
      console.log(`\n${index + 1}. ${chain.hops} hop(s)`);
      console.log(`   ${chain.nodes[0].key}`);
      chain.steps.forEach((step, i) => {
        const facts = [
          step.exposure ? `exposure ${step.exposure}` : "",
          step.privilege ? `privilege ${step.privilege}` : "",
          step.attributes?.timing === "next-resolve" ? "on the next resolve" : "",
          step.attributes?.assumed === true ? "write assumed" : "",
        ]
          .filter(Boolean)
          .join(", ");
        console.log(`   --${step.kind}${facts ? ` (${facts})` : ""}--> ${chain.nodes[i + 1].key}`);
      });
    });
    return 0;
  },
};
