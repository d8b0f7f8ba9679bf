import type { IngestError, SourceFile } from "../types";

// Blastmap stores metadata and fingerprints, never a credential's value. Every input file is scanned
// before it is parsed; a file that holds something shaped like a live credential is refused, and the
// error shows only a short prefix and where it is, so the value never reaches the database or a log.

interface CredentialPattern {
  label: string;
  pattern: RegExp;
}

// Shapes published by the issuers (GitHub token prefixes, npm granular tokens, AWS key ids, Slack).
const PATTERNS: CredentialPattern[] = [
  { label: "npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { label: "GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { label: "GitHub fine-grained token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { label: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { label: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { label: "private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
];

// A field whose name says it carries a credential: `"token": "…"`, `password=…`, `NPM_TOKEN: …`.
const VALUE_FIELD =
  /(?:^|[\s{,"'`])([A-Za-z0-9_.-]*(?:token|secret|passw(?:or)?d|pwd|credential|api[_-]?key|access[_-]?key|auth|private[_-]?key|value)[A-Za-z0-9_.-]*)["'`]?\s*[:=]\s*["'`]?([^\s"'`,;}]+)/gim;

const MIN_SECRET_LENGTH = 32;
const MIN_ENTROPY = 4;

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

// Values that are long and random-looking yet public: integrity hashes, commit SHAs, purls,
// expressions that name a secret rather than hold it, URLs and file paths.
function isKnownPublicValue(value: string): boolean {
  return (
    /^(?:sha1|sha256|sha384|sha512|md5)[-:]/i.test(value) ||
    /^[0-9a-f]+$/i.test(value) ||
    value.startsWith("pkg:") ||
    /^[a-z][a-z0-9+.-]*:/i.test(value) ||
    value.includes("${") ||
    value.startsWith("$") ||
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
    /^(?:\/|\.\.?\/|~\/)/.test(value) ||
    /^[\w.@-]+(?:\/[\w.@-]+){2,}$/.test(value)
  );
}

/** Shows at most six characters: enough to recognise which credential, never enough to use it. */
export function redactedPrefix(value: string): string {
  const shown = Math.min(6, Math.max(2, Math.floor(value.length / 6)));
  return `${value.slice(0, shown)}…`;
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

const refusal = (label: string, value: string) =>
  `looks like a live ${label} (${redactedPrefix(value)}); refused — Blastmap stores only metadata and fingerprints, never a credential's value`;

/** Every place in the file that looks like a live credential; an empty list when there is none. */
export function scanCredentials(file: SourceFile): IngestError[] {
  const text = file.content;
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const errors: IngestError[] = [];
  const seenLines = new Set<number>();
  const report = (index: number, message: string) => {
    const line = lineAt(lineStarts, index);
    if (seenLines.has(line)) return;
    seenLines.add(line);
    errors.push({ file: file.path, line, message });
  };
  for (const { label, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) report(match.index, refusal(label, match[0]));
  }
  for (const match of text.matchAll(VALUE_FIELD)) {
    const value = match[2];
    if (value.length < MIN_SECRET_LENGTH || isKnownPublicValue(value)) continue;
    if (shannonEntropy(value) <= MIN_ENTROPY) continue;
    report(match.index + match[0].lastIndexOf(value), refusal(`secret in "${match[1]}"`, value));
  }
  return errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
