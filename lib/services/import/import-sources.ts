import type { Db } from "@/lib/db";
import { parseAndCheckSources } from "@/lib/ingest/check-sources";
import type { SourceFile } from "@/lib/ingest/types";
import type { TImportResult } from "@/lib/schemas/import";
import { importParsedSources, type ImportSourcesOptions } from "@/lib/data/import/import-parsed-sources";

// One import = parse every file (lib/ingest/check-sources.ts), then link, check and apply in ONE
// transaction (lib/data/import/import-parsed-sources.ts): either all of it is written or none of it.

/** Parse, shape-check and import in one call (the CLI, the demo seed, tests). */
export async function importSources(db: Db, files: SourceFile[], options: ImportSourcesOptions): Promise<TImportResult> {
  return importParsedSources(db, parseAndCheckSources(files, options), options);
}
