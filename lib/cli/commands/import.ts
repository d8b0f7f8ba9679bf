import { importSources } from "@/lib/services/import/import-sources";
import { readSourcesFromPaths, type ReadSources, type SkippedSource } from "@/lib/files/read-sources-from-paths";
import { redactCredentials } from "@/lib/ingest/credentials/redact";
import { refusedImport, ZImportResult, type TImportResult } from "@/lib/schemas/import";
import { describeProblem, ZProblemBody } from "@/lib/schemas/input-problem";
import { CliError } from "../cli-error";
import { cliActor } from "../cli-actor";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { callLocalServer, type LocalServer } from "../local-server";
import { withDatabaseOrServer } from "../with-database";

const usage = "blastmap import <path>... [--repo owner/name] [--dry-run] [--json]";

export const importCommand: Command = {
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
    if (read.files.length === 0 && read.errors.length === 0) {
      // Nothing to import is a failure to say so, not "nothing changed".
      const result = refusedImport([
        {
          file: positionals.join(", "),
          message: "no importable file: nothing here is a workflow, lockfile, package.json, OSV advisory, CycloneDX SBOM or inventory",
        },
      ]);
      if (values.json) printJson({ ...result, skipped: read.skipped });
      else {
        printSkipped(read.skipped, Infinity);
        console.error(`blastmap: ${result.errors[0].message}`);
      }
      return 1;
    }
    const result = await withDatabaseOrServer(
      ({ prisma }) =>
        importSources(prisma, read.files, {
          actor: "cli",
          auditActor: cliActor(),
          dryRun: values["dry-run"],
          repo: values.repo,
          repoNames: read.repoNames,
          readErrors: read.errors,
        }),
      (server) => importThroughServer(server, read, { repo: values.repo, dryRun: values["dry-run"] }),
    );
    // `skipped` rides beside the shared import result: only a directory walk on disk has it.
    if (values.json) printJson({ ...result, skipped: read.skipped });
    else {
      printSkipped(read.skipped, MAX_SKIPPED_SHOWN);
      printSummary(result);
    }
    return result.ok ? 0 : 1;
  },
};

/**
 * The same import sent to the running server that holds the embedded database (POST /api/import
 * with the local CLI key). Files that could not be read refuse it here, as they would locally.
 */
async function importThroughServer(server: LocalServer, read: ReadSources, options: { repo?: string; dryRun?: boolean }): Promise<TImportResult> {
  if (read.errors.length > 0) {
    return refusedImport(read.errors.map((error) => ({ file: redactCredentials(error.file), message: redactCredentials(error.message) })));
  }
  const response = await callLocalServer(server, "/api/import", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ files: read.files, repo: options.repo, repoNames: read.repoNames, dryRun: Boolean(options.dryRun) }),
  });
  const body: unknown = await response.json().catch(() => null);
  const result = ZImportResult.safeParse(body);
  if (result.success) return result.data;
  const refusal = ZProblemBody.safeParse(body);
  throw new CliError(`the server refused the import (${response.status}): ${refusal.success ? refusal.data.error : "no reason given"}`);
}

const MAX_SKIPPED_SHOWN = 30;

/** "skipped: path — reason" on stderr, the first `limit` of them. */
function printSkipped(skipped: SkippedSource[], limit: number): void {
  for (const entry of skipped.slice(0, limit)) console.error(`skipped: ${entry.path} — ${entry.reason}`);
  if (skipped.length > limit) console.error(`skipped: … and ${skipped.length - limit} more (--json lists every one)`);
}

function printSummary(result: TImportResult): void {
  // One line per error on stderr, so scripts can count and grep them.
  for (const error of result.errors) console.error(`error: ${describeProblem(error)}`);
  for (const warning of result.warnings) console.error(`warning: ${describeProblem(warning)}`);
  const rows: (string | number)[][] = [["format", "files", "nodes +", "nodes ~", "nodes =", "nodes -", "edges +", "edges ~", "edges =", "edges -"]];
  for (const [format, s] of Object.entries(result.byFormat)) {
    rows.push([
      format,
      s.files,
      s.nodes.created,
      s.nodes.updated,
      s.nodes.unchanged,
      s.nodes.removed,
      s.edges.created,
      s.edges.updated,
      s.edges.unchanged,
      s.edges.removed,
    ]);
  }
  if (result.ok) console.log(`${formatTable(rows)}\n(+ created, ~ updated, = unchanged, - removed)\n`);
  console.log(result.message);
}
