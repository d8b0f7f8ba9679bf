import { z } from "zod";
import { ZFormatSummary } from "./graph-facts";
import { ZFileProblem } from "./input-problem";

// The result of an import, shared by `blastmap import --json`, POST /api/import and the Import
// page: per format what was read and what changed, and every error and warning with its place.

export const ZImportIssue = ZFileProblem.extend({
  /** a machine-readable kind for warnings, e.g. wouldInstallOnFreshResolve */
  code: z.string().optional(),
});
export type TImportIssue = z.infer<typeof ZImportIssue>;

export const ZImportResult = z.object({
  /** false when anything was refused: then nothing was written */
  ok: z.boolean(),
  dryRun: z.boolean(),
  /** true when the input was applied (or, in a dry run, would be) and changed nothing */
  unchanged: z.boolean(),
  importId: z.number().int().nullable(),
  graphVersion: z.number().int().nullable(),
  files: z.number().int(),
  documents: z.number().int(),
  unchangedDocuments: z.number().int(),
  byFormat: z.record(z.string(), ZFormatSummary),
  errors: z.array(ZImportIssue),
  warnings: z.array(ZImportIssue),
  message: z.string(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** The answer to an import refused before anything was written (a bad request or bad files). */
export function refusedImport(
  errors: TImportIssue[],
  { files = 0, byFormat = {}, warnings = [] }: Partial<Pick<TImportResult, "files" | "byFormat" | "warnings">> = {},
): TImportResult {
  return {
    ok: false,
    dryRun: false,
    unchanged: true,
    importId: null,
    graphVersion: null,
    files,
    documents: 0,
    unchangedDocuments: 0,
    byFormat,
    errors,
    warnings,
    message: `refused: ${errors.length} ${errors.length === 1 ? "error" : "errors"}; nothing was written`,
  };
}

/** POST /api/import with a JSON body. */
export const ZImportJsonRequest = z.object({
  repo: z.string().trim().min(1).max(200).optional(),
  /** a repository name per directory prefix ("svc/" → "acme/svc"), as the CLI reads them from git remotes */
  repoNames: z.record(z.string().max(1000), z.string().trim().min(1).max(200)).optional(),
  dryRun: z.boolean().optional(),
  files: z
    .array(z.object({ path: z.string().min(1).max(1000), content: z.string() }))
    .min(1, "send at least one file")
    .max(20_000),
});
export type TImportJsonRequest = z.infer<typeof ZImportJsonRequest>;
