import type { Db } from "@/lib/db";
import { parseSources, type ParseSourcesOptions, type ParsedSources } from "@/lib/ingest/parse-sources";
import type { IngestError, SourceFile } from "@/lib/ingest/types";
import { ZGraphDocument, type TApplySummary, type TFormatSummary, type TGraphDocument } from "@/lib/schemas/graph-facts";
import { refusedImport, type TImportIssue, type TImportResult } from "@/lib/schemas/import";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { applyInTransaction, GraphApplyError } from "./apply-graph-documents";
import { checkReferences } from "./check-references";
import { findFreshResolveRisks } from "./find-fresh-resolve-risks";
import { linkAdvisories } from "./link-advisories";
import { linkStoredInstallContexts } from "./link-stored-install-contexts";
import { linkStoredWorkflows } from "./link-stored-workflows";

// One import = parse every file, then link, check and apply in ONE transaction: either all of it
// is written or none of it. The CLI, the API route, the Import page and the demo organisation all
// come through here.

export interface ImportSourcesOptions extends ParseSourcesOptions {
  /** who imports (an email, token:<name>, "cli") — stored on the Import row */
  actor: string;
  /** who to name in the audit log; defaults to a system actor named `actor` */
  auditActor?: AuditActor;
  /** check and count everything, then roll back */
  dryRun?: boolean;
  /** problems found while reading the input (missing paths, refused zip entries): they refuse the import too */
  readErrors?: IngestError[];
}

class ImportRefused extends Error {
  constructor(readonly errors: IngestError[]) {
    super("import refused");
  }
}

const zeroFormat = (): TFormatSummary => ({
  files: 0,
  nodes: { created: 0, updated: 0, unchanged: 0, removed: 0 },
  edges: { created: 0, updated: 0, unchanged: 0, removed: 0 },
});

const issue = (error: IngestError & { code?: string }): TImportIssue => ({
  file: error.file,
  ...(error.line ? { line: error.line } : {}),
  ...(error.path ? { path: error.path } : {}),
  message: error.message,
  ...(error.code ? { code: error.code } : {}),
});

export async function importSources(db: Db, files: SourceFile[], options: ImportSourcesOptions): Promise<TImportResult> {
  const parsed = parseSources(files, options);
  const inputErrors = [...(options.readErrors ?? []), ...parsed.errors];
  if (inputErrors.length > 0) return refused(files, parsed, inputErrors);

  const documents: TGraphDocument[] = [];
  const shapeErrors: IngestError[] = [];
  for (const document of parsed.documents) {
    const checked = ZGraphDocument.safeParse(document);
    if (checked.success) documents.push(checked.data);
    else for (const problem of checked.error.issues.slice(0, 5)) shapeErrors.push({ file: document.key, path: problem.path.join("."), message: problem.message });
  }
  if (shapeErrors.length > 0) return refused(files, parsed, shapeErrors);

  const warnings: TImportIssue[] = parsed.warnings.map(issue);
  const rollback = Symbol("dry-run");
  let summary: TApplySummary | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        warnings.push(...(await linkStoredInstallContexts(tx, documents, parsed.pendingLockfiles)).map(issue));
        await linkStoredWorkflows(tx, documents);
        await linkAdvisories(tx, documents);
        const unknown = await checkReferences(tx, documents, parsed.references);
        if (unknown.length > 0) throw new ImportRefused(unknown);
        summary = await applyInTransaction(tx, documents, { actor: options.actor, dryRun: options.dryRun });
        warnings.push(...(await findFreshResolveRisks(tx, parsed.declaredRanges)).map(issue));
        if (options.dryRun) throw rollback;
        if (summary.importId !== null) {
          await recordAuditEvent(tx, options.auditActor ?? { kind: "system", name: options.actor }, {
            action: "import.apply",
            target: `import:${summary.importId}`,
            after: { files: files.length, byFormat: summary.byFormat, graphVersion: summary.graphVersion },
          });
        }
      },
      { timeout: 30 * 60 * 1000, maxWait: 60 * 1000 },
    );
  } catch (error) {
    if (error instanceof ImportRefused) return refused(files, parsed, error.errors);
    if (error instanceof GraphApplyError) return refused(files, parsed, error.errors);
    if (error !== rollback) throw error;
  }
  return succeeded(files, parsed, summary!, documents.length, warnings, Boolean(options.dryRun));
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

function refused(files: SourceFile[], parsed: ParsedSources, errors: IngestError[]): TImportResult {
  return refusedImport(errors.map(issue), { files: files.length, byFormat: byFormat(parsed, {}), warnings: parsed.warnings.map(issue) });
}

function succeeded(
  files: SourceFile[],
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
  const message = unchanged
    ? `nothing changed: ${files.length} ${files.length === 1 ? "file was" : "files were"} already imported as they are`
    : dryRun
      ? `dry run, nothing written: ${files.length} files valid; would have ${changes}`
      : `imported ${files.length} files: ${changes}`;
  return {
    ok: true,
    dryRun,
    unchanged,
    importId: dryRun ? null : summary.importId,
    graphVersion: dryRun ? null : summary.graphVersion,
    files: files.length,
    documents,
    unchangedDocuments: summary.unchangedDocuments,
    byFormat: formats,
    errors: [],
    warnings,
    message,
  };
}
