import { ZGraphDocument, type TGraphDocument } from "@/lib/schemas/graph-facts";
import { parseSources, type ParseSourcesOptions, type ParsedSources } from "./parse-sources";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { SourceFile } from "./types";

// Parse every file and check each document against ZGraphDocument: the whole pure half of an
// import, done once — in the upload worker (off the event loop) or in the CLI's process — before
// the database half (lib/data/import/import-parsed-sources.ts) takes the result.

/** Sources parsed by parseSources whose documents have passed ZGraphDocument. */
export interface CheckedSources {
  /** files read (after zip expansion) */
  fileCount: number;
  parsed: ParsedSources;
  /** documents that failed the shape check: they refuse the import */
  shapeErrors: TFileProblem[];
}

export function parseAndCheckSources(files: SourceFile[], options: ParseSourcesOptions = {}): CheckedSources {
  const parsed = parseSources(files, options);
  const documents: TGraphDocument[] = [];
  const shapeErrors: TFileProblem[] = [];
  for (const document of parsed.documents) {
    const checked = ZGraphDocument.safeParse(document);
    if (checked.success) documents.push(checked.data);
    else
      for (const problem of checked.error.issues.slice(0, 5)) shapeErrors.push({ file: document.key, path: problem.path.join("."), message: problem.message });
  }
  return { fileCount: files.length, parsed: { ...parsed, documents }, shapeErrors };
}
