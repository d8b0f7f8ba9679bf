import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import type { TFileProblem } from "@/lib/schemas/input-problem";

// The contract every parser in lib/ingest/ keeps: text in, graph documents or precise errors out.
// Parsers are pure: no database, no filesystem, no network.

/** One input file, its path relative to the import root (as a user would recognise it). */
export interface SourceFile {
  path: string;
  content: string;
}

export type ParseResult = { ok: true; documents: TGraphDocument[] } | { ok: false; errors: TFileProblem[] };

/** What a parser knows about the repository a file belongs to (built by lib/ingest/parse-sources.ts from lib/ingest/source/repository-roots.ts). */
export interface RepositoryContext {
  /** owner/name, or null when the file is not inside a repository */
  repo: string | null;
  /** a checked-in .npmrc sets ignore-scripts=true */
  npmrcIgnoresScripts: boolean;
  /**
   * The repository's own actions (`uses: ./.github/actions/x`): each action.yml/action.yaml by its
   * directory relative to the repository root, without `./` ("" for an action at the root).
   */
  localActions?: Map<string, SourceFile>;
}
