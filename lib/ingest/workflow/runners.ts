import { isRecord, matrixPath, matrixValues } from "./matrix";

// Where a job runs decides whether code planted by an install script outlives the job.
// GitHub-hosted runners are a fresh VM per job (ephemeral: no shared node). Self-hosted runners and
// runner groups are persistent unless proven otherwise (GitHub's own hardening guide warns they
// "can be persistently compromised by untrusted code"), so they become one runner node that every
// job using them points to. Third-party hosted runners (Blacksmith, BuildJet, …) are treated as
// ephemeral like GitHub's and only their label is recorded. An expression we cannot resolve stays
// unknown: we do not guess whether it is persistent.

export type RunnerHosting = "githubHosted" | "selfHosted" | "other" | "unknown";

export interface RunnerPlacement {
  hosting: RunnerHosting;
  labels: string[];
  group: string | null;
  /** why a label set was read as self-hosted without a `self-hosted` label (null when it has one, or is hosted) */
  labelUnknown?: string | null;
}

// Third-party runner providers whose labels look like custom self-hosted labels.
const THIRD_PARTY_PREFIXES = ["blacksmith-", "buildjet-", "namespace-profile-", "nscloud-", "warp-", "depot-", "ubicloud-", "runs-on=", "runs-on/", "cirun-"];
// Labels every self-hosted runner gets automatically; GitHub-hosted images do not answer to them.
const GENERIC_SELF_HOSTED_LABELS = new Set(["self-hosted", "linux", "windows", "macos", "x64", "arm64", "arm", "x86"]);
// GitHub-hosted image labels (docs.github.com "GitHub-hosted runners": standard and larger macOS
// images). Any other label is a self-hosted runner or an organisation's "larger runner", whose
// label its admins chose: neither can be told from the workflow, so it is read as self-hosted.
const GITHUB_HOSTED_LABEL = /^(ubuntu-(latest|slim|\d+\.\d+(-arm)?)|windows-(latest|\d{4}|\d+-arm)|macos-(latest|\d+)(-large|-xlarge|-intel|-arm64)?)$/;
const MAX_PLACEMENTS = 64;

export function resolveRunsOn(runsOn: unknown, matrix: unknown): RunnerPlacement[] {
  if (runsOn === undefined || runsOn === null) return [];
  if (isRecord(runsOn)) return [groupPlacement(runsOn)];
  const elements = Array.isArray(runsOn) ? runsOn : [runsOn];
  let labelSets: string[][] = [[]];
  for (const element of elements) {
    const options = labelOptions(element, matrix);
    if (options === null) return [{ hosting: "unknown", labels: elements.map(String), group: null }];
    labelSets = labelSets.flatMap((set) => options.map((option) => [...set, ...option])).slice(0, MAX_PLACEMENTS);
  }
  return dedupe(labelSets.filter((set) => set.length > 0).map((labels) => ({ ...classifyLabels(labels), labels, group: null })));
}

/** Label sets one `runs-on` element can stand for; null when it cannot be resolved. */
function labelOptions(element: unknown, matrix: unknown): string[][] | null {
  if (typeof element === "number" || typeof element === "boolean") return [[String(element)]];
  if (typeof element !== "string") return null;
  const path = matrixPath(element);
  if (path) {
    const values = matrixValues(matrix, path);
    if (!values) return null;
    const options: string[][] = [];
    for (const value of values) {
      if (typeof value === "string" && !value.includes("${{")) options.push([value]);
      else if (Array.isArray(value) && value.every((label) => typeof label === "string" && !label.includes("${{"))) options.push(value as string[]);
      else return null;
    }
    return options;
  }
  if (element.includes("${{")) return null;
  return element.trim() ? [[element.trim()]] : [[]];
}

function groupPlacement(runsOn: Record<string, unknown>): RunnerPlacement {
  const rawLabels = runsOn.labels === undefined ? [] : Array.isArray(runsOn.labels) ? runsOn.labels : [runsOn.labels];
  const labels = rawLabels.map(String);
  const group = typeof runsOn.group === "string" ? runsOn.group : null;
  if ((group && group.includes("${{")) || labels.some((label) => label.includes("${{"))) {
    return { hosting: "unknown", labels: [group ? `group:${group}` : "", ...labels].filter(Boolean), group };
  }
  // A runner group can only be chosen for runners the organisation registered or provisioned for
  // itself; treat it like a self-hosted pool (the issue's rule), labels narrow it down.
  if (group) return { hosting: "selfHosted", labels, group };
  return labels.length > 0
    ? { ...classifyLabels(labels), labels, group: null }
    : { hosting: "unknown", labels: [JSON.stringify(runsOn).slice(0, 200)], group: null };
}

export function classify(labels: readonly string[]): RunnerHosting {
  return classifyLabels(labels).hosting;
}

/** Hosting of a label set, and why it is taken as self-hosted when no label says so. */
export function classifyLabels(labels: readonly string[]): { hosting: RunnerHosting; labelUnknown: string | null } {
  const lower = labels.map((label) => label.toLowerCase());
  if (lower.includes("self-hosted")) return { hosting: "selfHosted", labelUnknown: null };
  if (lower.some((label) => THIRD_PARTY_PREFIXES.some((prefix) => label.startsWith(prefix)))) return { hosting: "other", labelUnknown: null };
  if (lower.every((label) => GENERIC_SELF_HOSTED_LABELS.has(label))) return { hosting: "selfHosted", labelUnknown: null };
  const unknown = lower.filter((label) => !GITHUB_HOSTED_LABEL.test(label));
  if (unknown.length === 0) return { hosting: "githubHosted", labelUnknown: null };
  return {
    hosting: "selfHosted",
    labelUnknown: `${unknown.map((label) => `"${label}"`).join(", ")} is not a GitHub-hosted image label: a self-hosted runner or a larger runner, assumed persistent`,
  };
}

/** The runner node's name: `<owner>/<sorted labels>` or `<owner>/group:<name>` (labels are case-insensitive). */
export function runnerName(owner: string, placement: RunnerPlacement): string {
  if (placement.group) return `${owner}/group:${placement.group}`;
  const labels = [...new Set(placement.labels.map((label) => label.toLowerCase()))].sort();
  return `${owner}/${labels.join(",")}`;
}

function dedupe(placements: RunnerPlacement[]): RunnerPlacement[] {
  const seen = new Map<string, RunnerPlacement>();
  for (const placement of placements) {
    const id = `${placement.hosting}|${[...placement.labels]
      .map((l) => l.toLowerCase())
      .sort()
      .join(",")}`;
    if (!seen.has(id)) seen.set(id, placement);
  }
  return [...seen.values()];
}
