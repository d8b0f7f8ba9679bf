import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getFindingsSarif } from "@/lib/services/findings/get-findings-sarif";
import { SEVERITIES } from "@/lib/schemas/findings";
import { CliError } from "../cli-error";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage = "blastmap findings [--json | --sarif] [--severity critical,high,…] [--rule BM-NHI-001,…] [--repo owner/name]";

export const findingsCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      { json: { type: "boolean" }, sarif: { type: "boolean" }, severity: { type: "string" }, rule: { type: "string" }, repo: { type: "string" } },
      usage,
    );
    if (values.json && values.sarif) throw new CliError(`--json and --sarif cannot be combined\nusage: ${usage}`, 2);
    const severities = parseList(values.severity, "--severity", SEVERITIES);
    const { report, filtered, sarif } = await withDatabase(async ({ prisma }) => {
      const report = await getFindingsReport(prisma);
      const ruleIds = parseList(
        values.rule,
        "--rule",
        report.rules.map((rule) => rule.id),
      );
      const findings = report.findings.filter(
        (finding) =>
          (!severities || severities.includes(finding.severity)) &&
          (!ruleIds || ruleIds.includes(finding.ruleId)) &&
          (!values.repo || finding.location?.repo === values.repo),
      );
      const filtered = { ...report, findings };
      return { report, filtered, sarif: values.sarif ? await getFindingsSarif(prisma, filtered, { repo: values.repo ?? null }) : null };
    });
    const { findings } = filtered;
    if (sarif) {
      printJson(sarif);
      return 0;
    }
    if (values.json) {
      printJson(filtered);
      return 0;
    }
    if (findings.length === 0) {
      console.log(`no findings (graph version ${report.graphVersion})`);
      return 0;
    }
    const counts = SEVERITIES.map((severity) => `${findings.filter((finding) => finding.severity === severity).length} ${severity}`).join(", ");
    console.log(`${findings.length} findings (${counts}) · graph version ${report.graphVersion}\n`);
    console.log(
      formatTable([
        ["severity", "rule", "where", "finding"],
        ...findings.map((finding) => [
          finding.severity,
          finding.ruleId,
          finding.location ? `${finding.location.file}${finding.location.line ? `:${finding.location.line}` : ""}` : finding.worstEntityRef,
          truncate(finding.reason, 110),
        ]),
      ]),
    );
    return 0;
  },
};

function parseList<T extends string>(raw: string | undefined, flag: string, allowed: readonly T[]): T[] | null {
  if (raw === undefined) return null;
  const items = raw
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length > 0 || items.length === 0) {
    throw new CliError(`${flag}: unknown value ${unknown.map((item) => `"${item}"`).join(", ") || "(empty)"}; expected one of ${allowed.join(", ")}`, 2);
  }
  return items as T[];
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
