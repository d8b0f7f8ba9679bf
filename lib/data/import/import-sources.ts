import type { Db } from "@/lib/db";
import { parseAndCheckSources } from "@/lib/ingest/check-sources";
import type { ParseSourcesOptions } from "@/lib/ingest/parse-sources";
import type { IngestError, SourceFile } from "@/lib/ingest/types";
import type { TImportResult } from "@/lib/schemas/import";
import type { AuditActor } from "../audit/record-audit-event";
import { importParsedSources } from "./import-parsed-sources";

// One import = parse every file (lib/ingest/check-sources.ts), then link, check and apply in ONE
// transaction (import-parsed-sources.ts): either all of it is written or none of it.

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

/** Parse, shape-check and import in one call (the CLI, the demo seed, tests). */
export async function importSources(db: Db, files: SourceFile[], options: ImportSourcesOptions): Promise<TImportResult> {
  return importParsedSources(db, parseAndCheckSources(files, options), options);
}
