import { createHash } from "node:crypto";
import { LineCounter, parseDocument, type Document } from "yaml";

// One YAML text parsed once per import. The credential scan and the workflow reader both need the
// syntax tree of every workflow, and an organisation repeats the same workflow text in thousands of
// repositories: parsing it for each file and each reader was most of the time of a large import.

/** A YAML text read as one document (YAML 1.2 core schema); its errors, if any, are in `doc.errors`. */
export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
}

export type YamlParser = (text: string) => ParsedYaml;

export const parseYaml: YamlParser = (text) => {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: true, version: "1.2" });
  return { doc, lines };
};

/**
 * A parser that keeps each tree for the rest of one import and hands it to every reader of the same
 * text. A tree is about ten times its text, so only the first `budgetChars` characters of distinct
 * text are kept (the shared workflows come first: every repository has them); the rest is parsed per
 * call as before. Readers must not change a tree: the yaml library's readers (toJS, visit without
 * edits, alias resolution) do not.
 */
export function sharedYamlParser(budgetChars = 2_000_000): YamlParser {
  const byDigest = new Map<string, { text: string; parsed: ParsedYaml }>();
  let keptChars = 0;
  return (text) => {
    // by digest, not by text: V8 hashes a string over 16,383 characters by its length alone, so
    // long texts of one length would share a bucket and every lookup would compare them all
    const digest = createHash("sha256").update(text).digest("base64");
    const kept = byDigest.get(digest);
    // the text is compared too: UTF-8 gives a lone surrogate and U+FFFD the same bytes
    if (kept?.text === text) return kept.parsed;
    const parsed = parseYaml(text);
    if (!kept && text.length <= budgetChars - keptChars) {
      byDigest.set(digest, { text, parsed });
      keptChars += text.length;
    }
    return parsed;
  };
}
