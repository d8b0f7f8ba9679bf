import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { SourceFile } from "@/lib/ingest/types";
import { parseYaml, type YamlParser } from "@/lib/ingest/source/parse-yaml";

// Workflow files come from users and from zip uploads, so parsing is defensive: an alias bomb
// ("billion laughs") must fail fast instead of expanding, duplicate keys are an error (GitHub
// rejects them too), and every node keeps its position so facts and errors carry 1-based lines.
// Duplicate keys are checked here with a set per mapping rather than by the library's
// `uniqueKeys` option, which compares every key with every other (quadratic on a hostile file).

/** Expanding more aliases than this is treated as a resource-exhaustion attempt. */
export const MAX_ALIAS_COUNT = 100;
const MAX_ERRORS = 20;

export interface LoadedYaml {
  file: SourceFile;
  doc: Document.Parsed;
  lines: LineCounter;
  /** the document as plain data (YAML 1.2 core schema: a bare `on` key stays the string "on") */
  value: unknown;
}

export type LoadResult = { ok: true; yaml: LoadedYaml } | { ok: false; errors: TFileProblem[] };

/** The file's YAML checked and read as plain data; `parse` may hand over a tree another reader of the same text made. */
export function loadYaml(file: SourceFile, parse: YamlParser = parseYaml): LoadResult {
  const { doc, lines } = parse(file.content);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.slice(0, MAX_ERRORS).map((error) => ({
        file: file.path,
        line: error.linePos?.[0]?.line,
        message: `invalid YAML: ${firstLine(error.message)}`,
      })),
    };
  }
  const duplicates = duplicateKeyErrors(doc, lines, file.path);
  if (duplicates.length > 0) return { ok: false, errors: duplicates };
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, yaml: { file, doc, lines, value } };
  } catch (error) {
    const aliasLine = firstAliasLine(doc, lines);
    const reason =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}); refusing to expand a possible alias bomb`
        : `could not read YAML: ${error instanceof Error ? firstLine(error.message) : String(error)}`;
    return { ok: false, errors: [{ file: file.path, line: aliasLine ?? undefined, message: reason }] };
  }
}

/** 1-based line where a node starts, or null when it has no position. */
export function lineOfNode(yaml: LoadedYaml, node: unknown): number | null {
  if (!node || typeof node !== "object" || !("range" in node)) return null;
  const range = (node as Node).range;
  return range ? yaml.lines.linePos(range[0]).line : null;
}

/** The AST node at a path of map keys and sequence indexes (aliases are not followed). */
export function nodeAt(yaml: LoadedYaml, path: readonly (string | number)[]): Node | undefined {
  let current: unknown = yaml.doc.contents;
  for (const step of path) {
    if (isMap(current)) {
      current = pairsOf(current).get(String(step))?.value;
    } else if (isSeq(current) && typeof step === "number") {
      current = current.items[step];
    } else {
      return undefined;
    }
  }
  return (current ?? undefined) as Node | undefined;
}

/** Line of a mapping key (e.g. a job id), which is where a reader looks for that entry. */
export function keyLine(yaml: LoadedYaml, mapPath: readonly (string | number)[], key: string): number | null {
  const map = nodeAt(yaml, mapPath);
  if (!isMap(map)) return null;
  const pair = pairsOf(map).get(key);
  return pair ? lineOfNode(yaml, pair.key) : null;
}

// Mapping pairs by key, built once per mapping: looking up every job and step by scanning would
// be quadratic in the number of jobs.
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    pairIndex.set(map, index);
  }
  return index;
}

function duplicateKeyErrors(doc: Document.Parsed, lines: LineCounter, file: string): TFileProblem[] {
  const errors: TFileProblem[] = [];
  const stack: unknown[] = [doc.contents];
  const seen = new Set<unknown>();
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const current = stack.pop();
    if (!current || seen.has(current) || isAlias(current)) continue;
    seen.add(current);
    if (isMap(current)) {
      const keys = new Set<string>();
      for (const pair of current.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (keys.has(key)) {
            const line = pair.key.range ? lines.linePos(pair.key.range[0]).line : undefined;
            errors.push({ file, line, message: `invalid YAML: duplicate key "${key.slice(0, 100)}" (keys in a mapping must be unique)` });
          }
          keys.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(current)) {
      for (const item of current.items) stack.push(item);
    }
  }
  return errors;
}

/** Line of the value at a path, falling back to null. */
export function lineAt(yaml: LoadedYaml, path: readonly (string | number)[]): number | null {
  return lineOfNode(yaml, nodeAt(yaml, path));
}

/** Source text of a scalar as written (quotes and block headers included), with its start offset. */
export function rawScalar(yaml: LoadedYaml, node: unknown): { text: string; offset: number } | null {
  if (!isScalar(node) || !node.range) return null;
  return { text: yaml.file.content.slice(node.range[0], node.range[1]), offset: node.range[0] };
}

export function lineAtOffset(yaml: LoadedYaml, offset: number): number {
  return yaml.lines.linePos(offset).line;
}

/**
 * Every scalar under a node, each once: aliases are followed but a node already visited is not
 * walked again, so a crafted document cannot make this exponential.
 */
export function scalarsUnder(yaml: LoadedYaml, node: unknown): Node[] {
  const found: Node[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    let current = stack.pop();
    if (isAlias(current)) current = current.resolve(yaml.doc);
    if (!current || seen.has(current)) continue;
    seen.add(current);
    if (isScalar(current)) found.push(current);
    else if (isMap(current)) for (const pair of current.items) stack.push(pair.value);
    else if (isSeq(current)) for (const item of current.items) stack.push(item);
  }
  return found;
}

function firstAliasLine(doc: Document.Parsed, lines: LineCounter): number | null {
  const stack: unknown[] = [doc.contents];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || seen.has(current)) continue;
    seen.add(current);
    if (isAlias(current)) return current.range ? lines.linePos(current.range[0]).line : null;
    if (isMap(current)) for (const pair of current.items) stack.push(pair.value, pair.key);
    else if (isSeq(current)) for (const item of current.items) stack.push(item);
  }
  return null;
}

function firstLine(message: string): string {
  return message.split("\n")[0].trim();
}
