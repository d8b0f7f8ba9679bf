import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { SourceFile } from "../types";
import { parseJsonSource, type JsonParse } from "../source/parse-json-source";
import { memoByText, type TextMemo } from "../source/memo-by-text";
import type { YamlParser } from "../source/parse-yaml";
import { findAwsSecretAccessKeys, findCredentials, type CredentialMatch } from "./credential-patterns";
import { decodedVariants, mayDecode } from "./decoded-variants";
import { redactCredentials, redactedPrefix, shownFieldName } from "./redact";
import { findAssignedSecrets, isSecretFieldName, looksLikeSecretValue } from "./secret-fields";
import { parsedStringsOfJson, parsedStringsOfYaml, type ParsedString } from "./parsed-strings";

export { redactedPrefix } from "./redact";
export { shannonEntropy } from "./shannon-entropy";

// Blastmap stores metadata and fingerprints, never a credential's value. Every input file is scanned
// before it is parsed; a file that holds something shaped like a live credential is refused, and the
// error shows only a short prefix and where it is, so the value never reaches the database or a log.
//
// The raw text is not enough: what is stored is what a parser makes of it. So the scan reads the file
// as its parser will — JSON and YAML are parsed and every key and string value is scanned after
// escapes are decoded — and the raw text line by line as well (comments, formats read as text),
// together with its decodings (decoded-variants.ts). File paths and repository names are scanned too:
// they become node keys and document names.

/** The same depth guard as the import's own JSON parsing (limits.ts), so a nesting bomb is not walked. */
const MAX_JSON_DEPTH = 64;
const JSON_PATH = /\.json$/i;
const YAML_PATH = /\.ya?ml$/i;
/**
 * YAML up to this size (every workflow, action and workspace file, small lockfiles) is walked node by
 * node; the yaml parser reads about 0.3 MB/s, so a larger one (a lockfile, parsed again by its own
 * parser) is read as text, plus the one construct its parser joins across lines (see scanContent).
 */
const MAX_WALKED_YAML_BYTES = 256 * 1024;
const MULTILINE_DOUBLE_QUOTED = /"(?:[^"\\\n]|\\.)*\\\r?\n(?:[^"\\]|\\[^])*"/g;

const refusal = (what: string, value: string) =>
  `looks like a live ${what} (${redactedPrefix(value)}); refused — Blastmap stores only metadata and fingerprints, never a credential's value`;

interface Finding {
  what: string;
  value: string;
  line?: number;
  path?: string;
}

/**
 * Parses of the file the caller already has or shares with its parsers, so the scan does not parse it
 * again: the file read with parseJsonSource at `maxDepth`, and a YAML parser that hands over trees.
 */
export interface SharedParses {
  json?: { maxDepth: number; parse: JsonParse };
  parseYaml?: YamlParser;
}

/** Every place in the file (its path included) that looks like a live credential; an empty list when there is none. */
export function scanCredentials(file: SourceFile, shared: SharedParses = {}): TFileProblem[] {
  return credentialProblems(file, () => scanContent(file, shared));
}

/**
 * scanCredentials for the files of one import: a text met again (the same workflow in another
 * repository) is not scanned again. Only its findings are kept, usually none.
 */
export function credentialScanner(): (file: SourceFile, shared?: SharedParses) => TFileProblem[] {
  const memos = new Map<string, TextMemo<Finding[]>>();
  return (file, shared = {}) =>
    credentialProblems(file, () => {
      // all the scan reads of a path: whether it is named as JSON or as YAML
      const kind = `${JSON_PATH.test(file.path)} ${YAML_PATH.test(file.path)}`;
      const memo = memos.get(kind) ?? memos.set(kind, memoByText<Finding[]>()).get(kind)!;
      return memo.get(file.content, () => scanContent(file, shared));
    });
}

function credentialProblems(file: SourceFile, contentFindings: () => Finding[]): TFileProblem[] {
  const inPath = scanFilePath(file.path);
  if (inPath.length > 0) return inPath;
  const errors: TFileProblem[] = [];
  const seen = new Set<string>();
  // a line is the better place to show than a JSON path: findings with a line go first
  const findings = [...contentFindings()].sort((a, b) => Number(a.line === undefined) - Number(b.line === undefined));
  for (const finding of findings) {
    // one error per place; a value already shown at its line is not shown again at its JSON path
    const where = finding.line !== undefined ? `line ${finding.line}` : `path ${finding.path}`;
    if (seen.has(where) || (finding.line === undefined && seen.has(`value ${finding.value}`))) continue;
    seen.add(where);
    seen.add(`value ${finding.value}`);
    errors.push({
      file: file.path,
      ...(finding.line !== undefined ? { line: finding.line } : { path: finding.path }),
      message: refusal(finding.what, finding.value),
    });
  }
  return errors.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}

/** A credential in a file's path (a folder named after a token, `%67hp_…`): the path itself is refused, shown redacted. */
export function scanFilePath(path: string): TFileProblem[] {
  const found = credentialsInName(path);
  if (found.length === 0) return [];
  return [{ file: redactedName(path, found), message: `the file's path holds what ${refusal(found[0].label, found[0].value)}` }];
}

/**
 * The repository names an import is given (the `repo` option: CLI --repo, the upload form; names from
 * git remotes or zip names): they become node keys, so one that holds a credential refuses the import.
 */
export function scanRepositoryNames(options: { repo?: string; repoNames?: Record<string, string> }): TFileProblem[] {
  const errors: TFileProblem[] = [];
  if (options.repo !== undefined) {
    const found = credentialsInName(options.repo);
    if (found.length > 0) errors.push({ file: "--repo", message: `the repository name ${refusal(found[0].label, found[0].value)}` });
  }
  for (const [root, name] of Object.entries(options.repoNames ?? {})) {
    const inRoot = credentialsInName(root);
    const found = [...inRoot, ...credentialsInName(name)];
    if (found.length > 0) errors.push({ file: redactedName(root, inRoot) || ".", message: `the repository name ${refusal(found[0].label, found[0].value)}` });
  }
  return errors;
}

/** The name with what was found in it cut to prefixes; only a prefix of the whole when it was found in a decoding. */
function redactedName(name: string, found: CredentialMatch[]): string {
  let redacted = redactCredentials(name);
  for (const { value } of found) {
    if (!name.includes(value)) return redactedPrefix(name);
    redacted = redacted.split(value).join(redactedPrefix(value));
  }
  return redacted;
}

/** Credentials in a short name (a path, a repository): its raw text and every decoding of it. */
function credentialsInName(name: string): CredentialMatch[] {
  for (const text of [name, ...decodedVariants(name)]) {
    const found = findCredentials(text);
    if (found.length > 0) return found;
    const assigned = findAssignedSecrets(text);
    if (assigned.length > 0) return assigned.map(({ field, index, value }) => ({ label: `secret in "${shownFieldName(field)}"`, index, value }));
  }
  return [];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(lineStarts: number[], index: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function scanContent(file: SourceFile, shared: SharedParses): Finding[] {
  const text = file.content;
  const lineStarts = lineStartsOf(text);
  const findings: Finding[] = [];
  let awsKeyId = false;
  const add = (matches: CredentialMatch[], at: (match: CredentialMatch) => Pick<Finding, "line" | "path">) => {
    for (const match of matches) {
      if (match.label === "AWS access key id") awsKeyId = true;
      findings.push({ what: match.label, value: match.value, ...at(match) });
    }
  };

  // 1. The raw text: known formats anywhere (comments included).
  add(findCredentials(text), (match) => ({ line: lineAt(lineStarts, match.index) }));

  // 2. What the parser will read: credential-named fields by their parsed value (a `{ name, value }`
  //    object by its name), assignments inside values, and YAML double-quoted scalars (keys too) decoded.
  const parsed = parsedStringsOf(file, shared);
  if (parsed === null) {
    // read as text by its parser (.npmrc, yarn.lock), or not parseable (its parser will refuse it)
    add(
      findAssignedSecrets(text).map(({ field, index, value }) => ({ label: `secret in "${shownFieldName(field)}"`, index, value })),
      (match) => ({ line: lineAt(lineStarts, match.index) }),
    );
  } else {
    const locate = (string: ParsedString) => (string.line !== undefined ? { line: string.line } : locateInText(text, lineStarts, string));
    for (const string of parsed) {
      if (string.decoded) {
        add(findCredentials(string.text), () => locate(string));
        for (const variant of decodedVariants(string.text)) add(findCredentials(variant), () => locate(string));
      }
      if (string.field !== undefined && isSecretFieldName(string.field) && looksLikeSecretValue(string.text)) {
        findings.push({ what: `secret in "${shownFieldName(string.field)}"`, value: string.text, ...locate(string) });
      }
      // a shell line or a connection string inside a value: `NPM_TOKEN=…`, `password: …`
      if (mayAssign(string.text)) {
        add(
          findAssignedSecrets(string.text).map(({ field, index, value }) => ({ label: `secret in "${shownFieldName(field)}"`, index, value })),
          () => locate(string),
        );
      }
    }
  }
  if (parsed === null && YAML_PATH.test(file.path)) {
    // YAML too large to walk twice (a lockfile): a double-quoted scalar continued over lines with `\`
    // is the one place where its parser joins what no single line shows
    for (const match of text.matchAll(MULTILINE_DOUBLE_QUOTED)) {
      const line = lineAt(lineStarts, match.index);
      for (const variant of decodedVariants(match[0])) add(findCredentials(variant.replace(/\s*\n\s*/g, " ")), () => ({ line }));
    }
  }

  // 3. Each line's decodings: a token behind `\u0041`, `%41`, fullwidth letters or a zero-width space.
  //    Most files (lockfiles) have nothing to decode on any line, which one look at the whole text tells.
  const decodedLines = mayDecode(text) ? lineStarts.length : 0;
  for (let line = 0; line < decodedLines; line += 1) {
    const content = text.slice(lineStarts[line], (lineStarts[line + 1] ?? text.length + 1) - 1);
    for (const variant of decodedVariants(content)) {
      add(findCredentials(variant), () => ({ line: line + 1 }));
      if (awsKeyId) add(findAwsSecretAccessKeys(variant), () => ({ line: line + 1 }));
      if (parsed === null) {
        add(
          findAssignedSecrets(variant).map(({ field, index, value }) => ({ label: `secret in "${shownFieldName(field)}"`, index, value })),
          () => ({ line: line + 1 }),
        );
      }
    }
  }

  // 4. An AWS secret access key has no prefix: looked for only where an access key id was found.
  if (awsKeyId) {
    add(findAwsSecretAccessKeys(text), (match) => ({ line: lineAt(lineStarts, match.index) }));
    for (const string of parsed ?? [])
      add(findAwsSecretAccessKeys(string.text), () => (string.line !== undefined ? { line: string.line } : locateInText(text, lineStarts, string)));
  }
  return findings;
}

/** A value that may assign inside it: a shell line (`NPM_TOKEN=…`) or a config line (`password: …`), not a URL. */
const mayAssign = (text: string) => text.includes("=") || text.includes(": ");

/** JSON and YAML read as their parsers read them; null for a format read as text or one that does not parse. */
function parsedStringsOf(file: SourceFile, shared: SharedParses): ParsedString[] | null {
  const head = file.content
    .slice(0, 64)
    .replace(/^\ufeff/, "")
    .trimStart();
  if (JSON_PATH.test(file.path) || head.startsWith("{") || head.startsWith("[")) {
    const parsed = shared.json?.maxDepth === MAX_JSON_DEPTH ? shared.json.parse : parseJsonSource(file.path, file.content, MAX_JSON_DEPTH);
    if (parsed.ok) return parsedStringsOfJson(parsed.value, (text, field) => (field !== undefined && isSecretFieldName(field)) || mayAssign(text));
    if (JSON_PATH.test(file.path)) return null;
  }
  if (YAML_PATH.test(file.path) && file.content.length <= MAX_WALKED_YAML_BYTES) return parsedStringsOfYaml(file.content, shared.parseYaml);
  return null;
}

/** The line of a JSON string when it is written without escapes; else its JSON path (keys redacted). */
function locateInText(text: string, lineStarts: number[], string: ParsedString): Pick<Finding, "line" | "path"> {
  const index = text.indexOf(JSON.stringify(string.text));
  if (index !== -1) return { line: lineAt(lineStarts, index) };
  return { path: string.path() };
}
