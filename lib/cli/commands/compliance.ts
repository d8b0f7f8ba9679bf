import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { summariseCompliance } from "@/lib/findings/summarise-compliance";
import { FRAMEWORK_IDS, ZFrameworkId } from "@/lib/schemas/findings";
import { CliError } from "../cli-error";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage = `blastmap compliance --framework ${FRAMEWORK_IDS.join("|")} [--json]`;

const STATUS_LABEL = { gap: "GAP", covered: "covered", "not-assessed": "not assessed" } as const;

export const complianceCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(argv, { framework: { type: "string" }, json: { type: "boolean" } }, usage);
    const framework = ZFrameworkId.safeParse(values.framework);
    if (!framework.success) {
      throw new CliError(`--framework must be one of ${FRAMEWORK_IDS.join(", ")}${values.framework ? `, got "${values.framework}"` : ""}\nusage: ${usage}`, 2);
    }
    const report = await withDatabase(({ prisma }) => getFindingsReport(prisma));
    const compliance = summariseCompliance(framework.data, report);
    if (values.json) {
      printJson(compliance);
      return 0;
    }
    const { name, version, source } = compliance.framework;
    console.log(`${name} ${version} — ${source.publication}\n${source.url}`);
    console.log(
      `${compliance.counts.gap} gaps, ${compliance.counts.covered} covered, ${compliance.counts["not-assessed"]} not assessed · graph version ${compliance.graphVersion}\n`,
    );
    console.log(
      formatTable([
        ["control", "status", "findings", "affected", "rules", "title"],
        ...compliance.controls.map((control) => [
          control.id,
          STATUS_LABEL[control.status],
          control.openFindings,
          control.affectedEntities,
          control.mappedRules.join(" ") || "—",
          control.title.length > 70 ? `${control.title.slice(0, 69)}…` : control.title,
        ]),
      ]),
    );
    return 0;
  },
};
