import type { Db } from "@/lib/db";
import type { CheckedSources } from "@/lib/ingest/check-sources";
import { redactCredentials } from "@/lib/ingest/credentials/redact";
import type { ParsedSources, ParseSourcesOptions } from "@/lib/ingest/parse-sources";
import { findReservedKeyUses } from "@/lib/ingest/reserved-keys";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { TApplySummary, TFormatSummary } from "@/lib/schemas/graph-facts";
import { refusedImport, type TImportIssue, type TImportResult } from "@/lib/schemas/import";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { analyzeAfterLoad } from "./analyze-after-load";
import { applyInTransaction, GraphApplyError } from "./apply-graph-documents";
import { yieldToEventLoop } from "./bulk-sql";
import { checkReferences } from "./check-references";
import { findFreshResolveRisks } from "./find-fresh-resolve-risks";
import { linkAdvisories } from "./link-advisories";
import { linkStoredInstallContexts } from "./link-stored-install-contexts";
import { linkStoredWorkflows } from "./link-stored-workflows";
import { phaseLaps, type PhaseRecorder } from "./phase-laps";

// The database half of an import: link, check and apply the parsed, shape-checked documents in ONE
// transaction — all of it or none of it. The upload route parses in a worker thread
// (lib/files/import-worker) so a 200 MB upload never holds the event loop; importSources (the
// CLI, the seed) parses in-process; both end here. Read errors and reserved keys refuse the
// import; there is one audit entry, applied or refused.

export type { CheckedSources };

export interface ImportSourcesOptions extends ParseSourcesOptions {
  /** who imports (an email, token:<name>, "cli") — stored on the Import row */
  actor: string;
  /** who to name in the audit log; defaults to a system actor named `actor` */
  auditActor?: AuditActor;
  /** check and count everything, then roll back */
  dryRun?: boolean;
  /** problems found while reading the input (missing paths, refused zip entries): they refuse the import too */
  readErrors?: TFileProblem[];
  /** told how long each phase of the database half took (the import benchmark) */
  recordPhase?: PhaseRecorder;
}

export type ImportParsedSourcesOptions = Omit<ImportSourcesOptions, "repo" | "repoNames" | "limits">;

class ImportRefused extends Error {
  constructor(readonly errors: TFileProblem[]) {
    super("import refused");
  }
}

const zeroFormat = (): TFormatSummary => ({
  files: 0,
  nodes: { created: 0, updated: 0, unchanged: 0, removed: 0 },
  edges: { created: 0, updated: 0, unchanged: 0, removed: 0 },
});

const issue = (error: TFileProblem & { code?: string }): TImportIssue => ({
  file: error.file,
  ...(error.line ? { line: error.line } : {}),
  ...(error.path ? { path: error.path } : {}),
  message: error.message,
  ...(error.code ? { code: error.code } : {}),
});

export async function importParsedSources(db: Db, sources: CheckedSources, options: ImportParsedSourcesOptions): Promise<TImportResult> {
  const result = await importParsedSourcesUnaudited(db, sources, options);
  // As importSources: a refused import is audited too (who tried what): file names and error
  // codes, never the messages, which may quote the refused content.
  if (!result.ok) {
    await recordAuditEvent(db, options.auditActor ?? { kind: "system", name: options.actor }, {
      action: "import.refused",
      after: {
        files: sources.fileCount,
        dryRun: Boolean(options.dryRun),
        errors: result.errors.length,
        refused: result.errors.slice(0, 20).map((error) => ({ file: error.file, code: error.code ?? null })),
      },
    });
  }
  return result;
}

async function importParsedSourcesUnaudited(db: Db, sources: CheckedSources, options: ImportParsedSourcesOptions): Promise<TImportResult> {
  const { parsed, fileCount } = sources;
  // read errors name zip entries and paths as given: never echo a credential in them
  const readErrors = (options.readErrors ?? []).map((error) => ({ ...error, file: redactCredentials(error.file), message: redactCredentials(error.message) }));
  const inputErrors = [...readErrors, ...parsed.errors, ...findReservedKeyUses(parsed.documents)];
  if (inputErrors.length > 0) return refused(fileCount, parsed, inputErrors);
  if (sources.shapeErrors.length > 0) return refused(fileCount, parsed, sources.shapeErrors);
  const documents = parsed.documents;

  const warnings: TImportIssue[] = parsed.warnings.map(issue);
  const rollback = Symbol("dry-run");
  let summary: TApplySummary | undefined;
  const lap = phaseLaps(options.recordPhase);
  try {
    await db.$transaction(
      async (tx) => {
        lap("begin");
        warnings.push(...(await linkStoredInstallContexts(tx, documents, parsed.pendingLockfiles)).map(issue));
        await linkStoredWorkflows(tx, documents);
        await yieldToEventLoop();
        await linkAdvisories(tx, documents);
        await yieldToEventLoop();
        const unknown = await checkReferences(tx, documents, parsed.references);
        await yieldToEventLoop();
        if (unknown.length > 0) throw new ImportRefused(unknown);
        lap("link");
        summary = await applyInTransaction(tx, documents, { actor: options.actor, dryRun: options.dryRun, lap });
        await yieldToEventLoop();
        warnings.push(...(await findFreshResolveRisks(tx, parsed.declaredRanges)).map(issue));
        lap("freshResolveRisks");
        if (options.dryRun) throw rollback;
        if (summary.importId !== null) {
          await recordAuditEvent(tx, options.auditActor ?? { kind: "system", name: options.actor }, {
            action: "import.apply",
            target: `import:${summary.importId}`,
            after: { files: fileCount, byFormat: summary.byFormat, graphVersion: summary.graphVersion },
          });
        }
        lap("audit");
      },
      { timeout: 30 * 60 * 1000, maxWait: 60 * 1000 },
    );
    lap("commit");
  } catch (error) {
    if (error instanceof ImportRefused) return refused(fileCount, parsed, error.errors);
    if (error instanceof GraphApplyError) return refused(fileCount, parsed, error.errors);
    if (error !== rollback) throw error;
  }
  await analyzeAfterLoad(db, summary!);
  lap("analyze");
  return succeeded(fileCount, parsed, summary!, documents.length, warnings, Boolean(options.dryRun));
}

function byFormat(parsed: ParsedSources, applied: TApplySummary["byFormat"]): Record<string, TFormatSummary> {
  const result: Record<string, TFormatSummary> = {};
  for (const [format, count] of Object.entries(parsed.filesByFormat)) result[format] = { ...zeroFormat(), files: count };
  for (const [format, counts] of Object.entries(applied)) {
    // Files are counted as read (an OSV file may hold many advisories, a package.json joins its lockfile).
    result[format] = { ...counts, files: parsed.filesByFormat[format] ?? 0 };
  }
  return result;
}

function refused(fileCount: number, parsed: ParsedSources, errors: TFileProblem[]): TImportResult {
  return refusedImport(errors.map(issue), { files: fileCount, byFormat: byFormat(parsed, {}), warnings: parsed.warnings.map(issue) });
}

function succeeded(
  fileCount: number,
  parsed: ParsedSources,
  summary: TApplySummary,
  documents: number,
  warnings: TImportIssue[],
  dryRun: boolean,
): TImportResult {
  const formats = byFormat(parsed, summary.byFormat);
  const unchanged = summary.unchangedDocuments === documents;
  const total = (pick: (format: TFormatSummary) => number) => Object.values(formats).reduce((sum, format) => sum + pick(format), 0);
  const changes = `${total((f) => f.nodes.created)} nodes created, ${total((f) => f.nodes.updated)} updated, ${total((f) => f.nodes.removed)} removed; ${total((f) => f.edges.created)} edges created, ${total((f) => f.edges.updated)} updated, ${total((f) => f.edges.removed)} removed`;
  const files = `${fileCount} ${fileCount === 1 ? "file was" : "files were"}`;
  const message = unchanged
    ? `nothing changed: ${files} already imported as they are`
    : dryRun
      ? `dry run, nothing written: ${fileCount} files valid; would have ${changes}`
      : `imported ${fileCount} files: ${changes}`;
  return {
    ok: true,
    dryRun,
    unchanged,
    importId: dryRun ? null : summary.importId,
    graphVersion: dryRun ? null : summary.graphVersion,
    files: fileCount,
    documents,
    unchangedDocuments: summary.unchangedDocuments,
    byFormat: formats,
    errors: [],
    warnings,
    message,
  };
}
