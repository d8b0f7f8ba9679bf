import { isAlias, isMap, isPair, isScalar, LineCounter, parseAllDocuments, visit, type Document, type Node } from "yaml";
import { jsonPath } from "../source/parse-json-source";
import type { ParsedYaml, YamlParser } from "../source/parse-yaml";
import { shownFieldName } from "./redact";

// Every string a JSON or YAML parser hands on — keys as well as values — with the name of the field
// it is the value of, and where it is. A `{ name, value }` object (CycloneDX properties, Kubernetes
// env entries, the inventory's secrets) names its value by its `name`, not by the word "value".

export interface ParsedString {
  text: string;
  /** the field this string is the value of (its key, or the `name` of a `{ name, value }` object) */
  field?: string;
  /**
   * The parser decoded it from something else than its raw text (a YAML double-quoted scalar, which may
   * fold lines). JSON strings never span lines, so scanning each raw line's decodings covers them.
   */
  decoded?: boolean;
  /** 1-based line, when the parser tells it (YAML) */
  line?: number;
  /** where it is, as a JSON path whose keys are shown redacted; built only when needed */
  path: () => string;
}

interface Container {
  parent: Container | null;
  segment: string | number | null;
}

const pathOf = (container: Container | null, last: string | number | null): string => {
  const segments: (string | number)[] = last === null ? [] : [last];
  for (let at = container; at !== null && at.segment !== null; at = at.parent) segments.unshift(at.segment);
  return jsonPath(segments.map((segment) => (typeof segment === "string" ? shownFieldName(segment) : segment)));
};

const PAIR_NAME_KEYS = ["name", "Name", "key", "Key"];
const PAIR_VALUE_KEYS = new Set(["value", "Value"]);

function pairName(object: Record<string, unknown>): string | undefined {
  for (const key of PAIR_NAME_KEYS) if (typeof object[key] === "string") return object[key] as string;
  return undefined;
}

/**
 * The strings of a parsed JSON value that `keep` wants (given the text and the field it is the value
 * of), walked without recursion (the parser checked the depth). Keys are not listed: a JSON string
 * never spans lines, so the scan of each raw line and its decodings already sees every key as parsed.
 */
export function parsedStringsOfJson(value: unknown, keep: (text: string, field: string | undefined) => boolean): ParsedString[] {
  const strings: ParsedString[] = [];
  if (typeof value === "string") return keep(value, undefined) ? [{ text: value, path: () => "$" }] : [];
  const stack: { value: unknown; container: Container }[] = [{ value, container: { parent: null, segment: null } }];
  while (stack.length > 0) {
    const { value: current, container } = stack.pop()!;
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index += 1) {
        const item: unknown = current[index];
        if (typeof item === "string") {
          if (keep(item, undefined)) strings.push({ text: item, path: () => pathOf(container, index) });
        } else if (typeof item === "object" && item !== null) stack.push({ value: item, container: { parent: container, segment: index } });
      }
    } else if (typeof current === "object" && current !== null) {
      const object = current as Record<string, unknown>;
      let named: string | undefined | null = null;
      for (const key in object) {
        const item = object[key];
        if (typeof item === "string") {
          if (PAIR_VALUE_KEYS.has(key) && named === null) named = pairName(object);
          const field = named && PAIR_VALUE_KEYS.has(key) ? named : key;
          if (keep(item, field)) strings.push({ text: item, field, path: () => pathOf(container, key) });
        } else if (typeof item === "object" && item !== null) stack.push({ value: item, container: { parent: container, segment: key } });
      }
    }
  }
  return strings;
}

const scalarText = (node: unknown, document?: Document.Parsed): string | undefined => {
  // `token: *ref` holds the value of the `&ref` anchor
  if (isAlias(node) && document) node = node.resolve(document);
  if (!isScalar(node)) return undefined;
  return typeof node.value === "string" ? node.value : node.value === null || node.value === undefined ? undefined : String(node.value);
};

/**
 * Strings of every YAML document in the text (aliases are not followed, so an alias bomb costs nothing); null if it cannot be read.
 * `parse` may hand over the tree the workflow reader gets: when it read the text as one document without
 * errors, it is the tree this scan's own lenient, multi-document parse would build.
 */
export function parsedStringsOfYaml(text: string, parse?: YamlParser): ParsedString[] | null {
  const shared = parse ? errorFreeTree(text, parse) : null;
  const lineCounter = shared?.lines ?? new LineCounter();
  let documents;
  try {
    documents = shared ? [shared.doc] : parseAllDocuments(text, { lineCounter, uniqueKeys: false, strict: false, prettyErrors: false });
  } catch {
    return null;
  }
  const strings: ParsedString[] = [];
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    visit(document, {
      Scalar(key, node, ancestors) {
        const text = scalarText(node);
        if (text === undefined) return;
        const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
        const parent = ancestors[ancestors.length - 1];
        let field: string | undefined;
        if (key === "value" && isPair(parent)) {
          field = scalarText(parent.key);
          const map = ancestors[ancestors.length - 2];
          if (field !== undefined && PAIR_VALUE_KEYS.has(field) && isMap(map)) {
            const name = map.items.find((pair) => PAIR_NAME_KEYS.includes(scalarText(pair.key) ?? ""));
            field = scalarText(name?.value as Node | undefined, document) ?? field;
          }
        }
        strings.push({ text, field, decoded: node.type === "QUOTE_DOUBLE", line, path: () => `line ${line ?? "?"}` });
      },
      Alias(key, node, ancestors) {
        const parent = ancestors[ancestors.length - 1];
        if (key !== "value" || !isPair(parent)) return;
        const text = scalarText(node, document);
        const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
        if (text !== undefined) strings.push({ text, field: scalarText(parent.key), line, path: () => `line ${line ?? "?"}` });
      },
    });
  }
  return strings;
}

function errorFreeTree(text: string, parse: YamlParser): ParsedYaml | null {
  try {
    const parsed = parse(text);
    return parsed.doc.errors.length === 0 ? parsed : null;
  } catch {
    return null;
  }
}
