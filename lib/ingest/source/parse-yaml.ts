import { LineCounter, parseDocument, type Document } from "yaml";
import { memoByText } from "./memo-by-text";

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
  const trees = memoByText<ParsedYaml>(budgetChars);
  return (text) => trees.get(text, () => parseYaml(text));
}
