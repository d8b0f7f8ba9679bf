import { importSources } from "@/lib/data/import/import-sources";
import { readSourcesFromPaths } from "@/lib/files/read-sources-from-paths";
import type { TImportResult } from "@/lib/schemas/import";
import { CliError } from "../cli-error";
import { cliActor } from "../cli-actor";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage = "blastmap import <path>... [--repo owner/name] [--dry-run] [--json]";

export const importCommand: Command = {
  summary: "import workflows, lockfiles, package.json, OSV advisories, CycloneDX SBOMs and inventory files (files, directories or .zip)",
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { repo: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
      usage,
      true,
    );
    if (positionals.length === 0) throw new CliError(`name at least one file or directory\nusage: ${usage}`, 2);
    if (values.repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(values.repo)) throw new CliError(`--repo must be owner/name, got "${values.repo}"`, 2);

    const read = await readSourcesFromPaths(positionals);
    const result = await withDatabase(({ prisma }) =>
      importSources(prisma, read.files, {
        actor: "cli",
        auditActor: cliActor(),
        dryRun: values["dry-run"],
        repo: values.repo,
        repoNames: read.repoNames,
        readErrors: read.errors,
      }),
    );
    if (values.json) printJson(result);
    else printSummary(result);
    return result.ok ? 0 : 1;
  },
};

const location = (issue: TImportResult["errors"][number]) => `${issue.file}${issue.line ? `:${issue.line}` : ""}${issue.path ? ` ${issue.path}` : ""}`;

function printSummary(result: TImportResult): void {
  // One line per error on stderr, so scripts can count and grep them.
  for (const error of result.errors) console.error(`error: ${location(error)}: ${error.message}`);
  for (const warning of result.warnings) console.error(`warning: ${location(warning)}: ${warning.message}`);
  const rows: (string | number)[][] = [["format", "files", "nodes +", "nodes ~", "nodes =", "nodes -", "edges +", "edges ~", "edges =", "edges -"]];
  for (const [format, s] of Object.entries(result.byFormat)) {
    rows.push([format, s.files, s.nodes.created, s.nodes.updated, s.nodes.unchanged, s.nodes.removed, s.edges.created, s.edges.updated, s.edges.unchanged, s.edges.removed]);
  }
  if (result.ok) console.log(`${formatTable(rows)}\n(+ created, ~ updated, = unchanged, - removed)\n`);
  console.log(result.message);
}
