import semver from "semver";
import { advisoryKey, packageKey, packageVersionKey, parsePackageRef } from "@/lib/graph-keys/refs";
import type { TRefProblem } from "@/lib/schemas/input-problem";
import { FLAG, NODE_KIND_CODE, type EngineGraph } from "./graph";

// From what a user types (`pkg:npm/chalk`, `secret:NPM_TOKEN`, `pr:acme/web`, `--advisory MAL-…`)
// to the source nodes of a radius. Unknown refs come back with the closest keys, ambiguous ones
// with every candidate, so the CLI (exit 2) and the API (400) can say exactly what to type.

export interface ResolvedSource {
  ref: string;
  /** the node the ref names, if it names one (a pr: ref names a set of jobs) */
  node: number | null;
  /** the nodes the walk starts from */
  sources: number[];
  description: string;
  /** USED_IN edges pinned to a commit SHA this source names bad: the walk takes them despite the pin */
  pins?: number[];
}

export type ResolveResult = { ok: true; sources: ResolvedSource[] } | { ok: false; errors: TRefProblem[] };

const K = NODE_KIND_CODE;

export function resolveRefs(graph: EngineGraph, refs: readonly string[], advisories: readonly string[] = []): ResolveResult {
  const sources: ResolvedSource[] = [];
  const errors: TRefProblem[] = [];
  for (const ref of refs) {
    const result = resolveRef(graph, ref);
    if ("reason" in result) errors.push(result);
    else sources.push(result);
  }
  for (const id of advisories) {
    const result = resolveRef(graph, id.startsWith("advisory:") ? id : advisoryKey(id));
    if ("reason" in result) errors.push(result);
    else sources.push(result);
  }
  if (!refs.length && !advisories.length) {
    errors.push({ ref: "", reason: "invalid", message: "give at least one ref or --advisory <id>", candidates: [] });
  }
  return errors.length ? { ok: false, errors } : { ok: true, sources };
}

export function resolveRef(graph: EngineGraph, rawRef: string): ResolvedSource | TRefProblem {
  const ref = rawRef.trim();
  if (!ref) return { ref: rawRef, reason: "invalid", message: "empty ref", candidates: [] };

  if (ref.startsWith("pr:")) return resolvePullRequest(graph, ref);

  if (ref.startsWith("action:") && ref.includes("@")) return resolvePinnedAction(graph, ref);

  let key = ref;
  if (ref.startsWith("pkg:")) {
    const parsed = parsePackageRef(ref);
    if (!parsed) return { ref, reason: "invalid", message: `${ref} is not a valid purl (e.g. pkg:npm/chalk@5.6.1, pkg:npm/%40nx/devkit)`, candidates: [] };
    key = parsed.version ? packageVersionKey(parsed.ecosystem, parsed.name, parsed.version) : packageKey(parsed.ecosystem, parsed.name);
  }
  let v = graph.indexOfKey(key) ?? graph.indexOfKey(ref);
  if (v === undefined && ref.startsWith("secret:") && !ref.slice(7).includes(":")) {
    // secret:<NAME> also finds a repository secret secret:<repo>:<NAME> when only one has that name
    const name = ref.slice(7);
    const matches = graph.nodesOfKind("secret").filter((s) => graph.keys[s].endsWith(`:${name}`));
    if (matches.length === 1) v = matches[0];
    else if (matches.length > 1) return ambiguous(graph, ref, matches);
  }
  if (v === undefined && !ref.includes(":")) {
    // a bare name: accept it when exactly one node has that name
    const matches: number[] = [];
    for (let i = 0; i < graph.nodeCount; i++) if (graph.names[i] === ref) matches.push(i);
    if (matches.length === 1) v = matches[0];
    else if (matches.length > 1) return ambiguous(graph, ref, matches);
  }
  if (v === undefined) return unknown(graph, ref, key);
  return expandSource(graph, ref, v);
}

function expandSource(graph: EngineGraph, ref: string, v: number): ResolvedSource {
  const kind = graph.kind[v];
  if (kind === K.package) {
    const versions: number[] = [];
    graph.forEachIn(v, "VERSION_OF", (_, version) => versions.push(version));
    return { ref, node: v, sources: [v, ...versions], description: `${graph.keys[v]} (every version: ${versions.length})` };
  }
  if (kind === K.advisory) {
    const versions = advisoryVersions(graph, v);
    const { actions, pins } = advisoryActions(graph, v);
    const actionText = actions.length ? `, ${actions.length} action(s), ${pins.length} use(s) pinned to a bad commit` : "";
    return {
      ref,
      node: v,
      sources: [v, ...versions, ...actions],
      pins,
      description: `${graph.keys[v]} (${versions.length} affected version(s) in the graph${actionText})`,
    };
  }
  return { ref, node: v, sources: [v], description: graph.keys[v] };
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** USED_IN edges of an action whose uses name one of the refs (a pinned SHA, or the ref as written). */
function usesPinnedTo(graph: EngineGraph, action: number, refs: Set<string>): number[] {
  const edges: number[] = [];
  graph.forEachOut(action, "USED_IN", (e) => {
    const attributes = graph.attributesOf(e) ?? {};
    const named = [attributes.ref, ...(Array.isArray(attributes.shas) ? attributes.shas : []), ...(Array.isArray(attributes.refs) ? attributes.refs : [])];
    if (named.some((value) => typeof value === "string" && refs.has(value.toLowerCase()))) edges.push(e);
  });
  return edges;
}

/**
 * `action:owner/repo@<sha>`: the action is compromised, and so is that commit — uses pinned to it
 * are reached too (a tag can be moved onto an imposter commit; a pin cannot, unless it names it).
 */
function resolvePinnedAction(graph: EngineGraph, ref: string): ResolvedSource | TRefProblem {
  const at = ref.lastIndexOf("@");
  const key = ref.slice(0, at);
  const pinned = ref.slice(at + 1).trim();
  if (!pinned) return { ref, reason: "invalid", message: `${ref}: expected action:<owner>/<repo>@<commit sha or ref>`, candidates: [] };
  const v = graph.indexOfKey(key);
  if (v === undefined || graph.kind[v] !== K.action) return unknown(graph, ref, key);
  const pins = usesPinnedTo(graph, v, new Set([pinned.toLowerCase()]));
  const what = FULL_SHA.test(pinned) ? "commit" : "ref";
  return { ref, node: v, sources: [v], pins, description: `${key} with ${what} ${pinned} named bad (${pins.length} use(s) pinned to it)` };
}

/** The actions an OSV advisory for the GitHub Actions ecosystem names, and the uses pinned to a commit it lists. */
function advisoryActions(graph: EngineGraph, advisory: number): { actions: number[]; pins: number[] } {
  const affected = graph.affected.get(advisory);
  const actions: number[] = [];
  const pins: number[] = [];
  if (!Array.isArray(affected)) return { actions, pins };
  for (const entry of affected as OsvAffected[]) {
    if (entry?.package?.ecosystem?.toLowerCase() !== "github actions" || !entry.package.name) continue;
    const action = graph.indexOfKey(`action:${entry.package.name.split("/").slice(0, 2).join("/")}`);
    if (action === undefined) continue;
    actions.push(action);
    const commits = new Set<string>();
    for (const version of entry.versions ?? []) if (FULL_SHA.test(version)) commits.add(version.toLowerCase());
    for (const range of entry.ranges ?? []) {
      for (const event of range.events ?? []) {
        for (const value of [event.introduced, event.last_affected]) if (value && FULL_SHA.test(value)) commits.add(value.toLowerCase());
      }
    }
    if (commits.size) pins.push(...usesPinnedTo(graph, action, commits));
  }
  return { actions, pins };
}

function resolvePullRequest(graph: EngineGraph, ref: string): ResolvedSource | TRefProblem {
  const repo = ref.slice(3);
  if (!/^[^/\s]+\/[^/\s]+$/.test(repo)) return { ref, reason: "invalid", message: `${ref}: expected pr:<owner>/<repo>`, candidates: [] };
  const contexts = graph.nodesOfKind("context").filter((c) => graph.repo[c] === repo);
  if (!contexts.length) {
    const repos = [
      ...new Set(
        graph
          .nodesOfKind("context")
          .map((c) => graph.repo[c])
          .filter((r): r is string => !!r),
      ),
    ];
    return { ref, reason: "unknown", message: `no job of repository ${repo} is in the graph`, candidates: closest(repo, repos).map((r) => `pr:${r}`) };
  }
  const untrusted = contexts.filter((c) => graph.has(c, FLAG.untrustedCode));
  return {
    ref,
    node: null,
    sources: untrusted,
    description: `an untrusted pull request to ${repo}: ${untrusted.length} of ${contexts.length} job(s) run pull-request code with secrets or a write token`,
  };
}

/**
 * The versions an OSV advisory marks: its AFFECTS edges plus, for each `affected` entry, the
 * explicit `versions` and the SEMVER `ranges` (introduced / fixed / last_affected events).
 */
export function advisoryVersions(graph: EngineGraph, advisory: number): number[] {
  const found = new Set<number>();
  graph.forEachOut(advisory, "AFFECTS", (_, version) => found.add(version));
  const affected = graph.affected.get(advisory);
  if (!Array.isArray(affected)) return [...found];
  for (const entry of affected as OsvAffected[]) {
    const ecosystem = entry?.package?.ecosystem?.toLowerCase();
    const name = entry?.package?.name;
    if (!ecosystem || !name || !/^[a-z0-9.+-]+$/.test(ecosystem)) continue;
    const pkg = graph.indexOfKey(packageKey(ecosystem, name));
    if (pkg === undefined) continue;
    const explicit = new Set(entry.versions ?? []);
    const ranges = (entry.ranges ?? []).filter((range) => range.type === "SEMVER");
    graph.forEachIn(pkg, "VERSION_OF", (_, version) => {
      const parsed = parsePackageRef(graph.keys[version])?.version;
      if (!parsed) return;
      if (explicit.has(parsed) || ranges.some((range) => inSemverRange(parsed, range.events ?? []))) found.add(version);
    });
  }
  return [...found];
}

interface OsvAffected {
  package?: { ecosystem?: string; name?: string };
  versions?: string[];
  ranges?: { type?: string; events?: OsvEvent[] }[];
}
type OsvEvent = { introduced?: string; fixed?: string; last_affected?: string; limit?: string };

// OSV's evaluation: walk events in version order; affected from `introduced` until `fixed`
// (exclusive) or `last_affected` (inclusive). "0" means from the first version.
function inSemverRange(version: string, events: OsvEvent[]): boolean {
  if (!semver.valid(version)) return false;
  const ordered = events
    .map((event) => ({ event, at: Object.values(event)[0] ?? "" }))
    .sort((a, b) => (a.at === "0" ? -1 : b.at === "0" ? 1 : semver.valid(a.at) && semver.valid(b.at) ? semver.compare(a.at, b.at) : 0));
  let affected = false;
  for (const { event } of ordered) {
    if (event.introduced !== undefined) {
      if (event.introduced === "0" || (semver.valid(event.introduced) && semver.gte(version, event.introduced))) affected = true;
    } else if (event.fixed !== undefined) {
      if (semver.valid(event.fixed) && semver.gte(version, event.fixed)) affected = false;
    } else if (event.last_affected !== undefined) {
      if (semver.valid(event.last_affected) && semver.gt(version, event.last_affected)) affected = false;
    }
  }
  return affected;
}

function ambiguous(graph: EngineGraph, ref: string, matches: number[]): TRefProblem {
  const candidates = matches.map((v) => graph.keys[v]).sort();
  return { ref, reason: "ambiguous", message: `${ref} is ambiguous: ${candidates.length} nodes match; use one of the full refs`, candidates };
}

function unknown(graph: EngineGraph, ref: string, key: string): TRefProblem {
  const prefix = key.startsWith("pkg:") ? "pkg:" : key.includes(":") ? key.slice(0, key.indexOf(":") + 1) : "";
  const pool = prefix ? graph.keys.filter((k) => k.startsWith(prefix)) : graph.keys;
  const candidates = closest(key, pool.length ? pool : graph.keys);
  return {
    ref,
    reason: "unknown",
    message: `no node ${key} in the graph${candidates.length ? `; closest: ${candidates.join(", ")}` : ""}`,
    candidates,
  };
}

/** Up to five keys: those containing the query (or contained in it) first, then by edit distance. */
export function closest(query: string, pool: readonly string[], limit = 5): string[] {
  const q = query.toLowerCase();
  const scored: { key: string; score: number }[] = [];
  const bareQuery = q.includes(":") ? q.slice(q.indexOf(":") + 1) : q;
  for (const key of pool) {
    const k = key.toLowerCase();
    const contains = bareQuery.length >= 2 && (k.includes(bareQuery) || (k.length > 4 && q.includes(k.slice(k.indexOf(":") + 1))));
    const distance = editDistance(q, k, 12);
    if (!contains && distance > Math.max(3, q.length / 3)) continue;
    scored.push({ key, score: (contains ? 0 : 100) + distance });
  }
  scored.sort((a, b) => a.score - b.score || a.key.length - b.key.length || (a.key < b.key ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.key);
}

/** Levenshtein distance, giving up (returning > bound) once every cell of a row exceeds bound. */
function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > bound) return bound + 1;
    previous = current;
  }
  return previous[b.length];
}
