import { isRecord } from "./parse-json-source";

// Which parser reads a file: decided by its name where the name is conventional (workflows,
// package-lock.json, pnpm-lock.yaml, yarn.lock, package.json, .npmrc), otherwise by sniffing the JSON's top-level shape.

export const SOURCE_FORMATS = [
  "workflow",
  "npm-lockfile",
  "pnpm-lockfile",
  "yarn-lockfile",
  "pnpm-workspace",
  "package-json",
  "osv",
  "cyclonedx",
  "inventory",
  "npmrc",
] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

export const isWorkflowPath = (path: string): boolean => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path);

/** The format a file's name alone decides, or null when the content must be looked at. */
export function formatFromPath(path: string): SourceFormat | null {
  const name = baseName(path);
  if (isWorkflowPath(path)) return "workflow";
  if (name === "package-lock.json" || name === "npm-shrinkwrap.json") return "npm-lockfile";
  if (name === "pnpm-lock.yaml") return "pnpm-lockfile";
  if (name === "yarn.lock") return "yarn-lockfile";
  // read as data (the build allow-list), never as a workflow
  if (name === "pnpm-workspace.yaml") return "pnpm-workspace";
  if (name === "package.json") return "package-json";
  if (name === ".npmrc") return "npmrc";
  return null;
}

/** The format of a parsed JSON document by its top-level fields, or null when unknown. */
export function formatFromJson(value: unknown): SourceFormat | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isRecord(first)) return null;
  if (Array.isArray(value) || isRecord(first)) {
    if ("blastmapInventory" in first) return "inventory";
    if (first.bomFormat === "CycloneDX") return "cyclonedx";
    if ("lockfileVersion" in first) return "npm-lockfile";
    if (typeof first.id === "string" && ("affected" in first || "modified" in first)) return "osv";
  }
  return null;
}

// Cheap pre-check on raw text so a directory walk can skip unrelated JSON (tsconfig.json, …)
// without parsing it; the real decision is formatFromJson on the parsed value.
export function looksLikeImportableJson(text: string): boolean {
  const head = text.slice(0, 4096);
  return /"(blastmapInventory|bomFormat|lockfileVersion|affected|schema_version|modified)"\s*:/.test(head);
}
