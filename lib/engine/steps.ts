import semver from "semver";
import { EDGE_FLAG, EDGE_KIND_CODE, EXPOSURE_NONE, EXPOSURE_RANK, FLAG, NODE_KIND_CODE, PRIVILEGE_RANK, type EngineGraph } from "./graph";

// The propagation rules of docs/MODEL.md, one place: from a node the attacker holds, which nodes
// does the next step give, through which edge, at which exposure level and privilege, and when
// (now, or only on the next resolve). The rules are compiled once per graph into a step table
// (CSR, like the graph), so the radius walk reads contiguous arrays instead of switching on kinds
// edge by edge; the path search enumerates the same table through forEachStep, so the two cannot
// disagree.

/** Step codes 0..13 are the edge kinds (EDGE_KINDS order); derived steps follow. */
export const STEP = {
  ...EDGE_KIND_CODE,
  /** context -> its persistent self-hosted runner (RUNS_ON edge) */
  RUNNER_PERSISTENCE: 14,
  /** persistent runner -> another job that runs on it (RUNS_ON edge, walked backwards) */
  RUNNER_SHARED: 15,
  /** publishable package -> a context that would install the attacker's new version (INSTALLED_IN edge of that install) */
  WORM_REPUBLISH: 16,
  /** compromised version -> a context installing another version under a range that admits it (that INSTALLED_IN edge) */
  RANGE_ADMITS: 17,
  /** compromised version or package -> a context that resolves the package afresh at every run (package-level INSTALLED_IN) */
  FRESH_RESOLVE: 18,
  /** advisory -> a context whose range admits a version the advisory lists, though no stored version is affected */
  ADVISORY_RANGE: 19,
} as const;

export const STEP_NAMES: string[] = [];
for (const [name, code] of Object.entries(STEP)) STEP_NAMES[code] = name;

/** Controls applied on top of the cached graph without mutating it (what-if, fixes). */
export interface Overlay {
  /** 1 = the edge does not exist */
  disabledEdges: Uint8Array;
  /** 1 = the context ignores install scripts */
  ignoresScripts: Uint8Array;
}

/** What a step needs beyond its edge existing, or what it says about the node it reaches. */
export const STEP_CONDITION = {
  /** only with write or admin on the system it leaves (a vault yields its secrets) */
  needsWrite: 1,
  /** an install-time step: runtime instead when an overlay makes the context ignore scripts */
  installScripts: 2,
  /** the target is reached only on the next resolve (a range admits a version the lockfile does not pin) */
  nextResolve: 4,
  /** a use pinned to a full commit SHA: taken only when the walk is told that SHA is bad */
  pinned: 8,
  /** taken only from a package that is a stolen publish right (not from the compromised package itself) */
  wormOnly: 16,
  /** a new foothold (the attacker's republished version): exposure starts over at this step's level */
  newFoothold: 32,
  /** rests on an assumption (a workflow token assumed write) */
  assumed: 64,
  /** taken only from a package that is itself the source (every version compromised) */
  sourceOnly: 128,
} as const;

/**
 * The steps out of every node, packed STEP_STRIDE integers per step (target, edge, gate edge,
 * meta = code | level << 8 | privilege << 16 | condition << 24): steps of node u are the
 * indices offsets[u] .. offsets[u+1]. The gate is a second edge the step also depends on (the
 * VERSION_OF edge of a republication), else -1.
 */
export interface StepTable {
  offsets: Int32Array;
  steps: Int32Array;
}
export const STEP_STRIDE = 4;
export const STEP_TO = 0;
export const STEP_EDGE = 1;
export const STEP_GATE = 2;
export const STEP_META = 3;

export type EmitStep = (to: number, edge: number, step: number, exposure: number, privilege: number, condition: number) => void;
type AddStep = (to: number, edge: number, code: number, level: number, privilege: number, condition: number, gate?: number) => void;

const K = NODE_KIND_CODE;
const E = EDGE_KIND_CODE;
const WRITE = PRIVILEGE_RANK.write;
const READ = PRIVILEGE_RANK.read;
const { install: INSTALL, job: JOB, runner: RUNNER, runtime: RUNTIME } = EXPOSURE_RANK;
const C = STEP_CONDITION;

function ignoresScripts(graph: EngineGraph, context: number, edge: number): boolean {
  return (graph.flags[context] & FLAG.ignoresScripts) !== 0 || (graph.edgeFlags[edge] & EDGE_FLAG.ignoreScripts) !== 0;
}

const has = (graph: EngineGraph, edge: number, flag: number) => (graph.edgeFlags[edge] & flag) !== 0;

/**
 * Code arriving in a context through an install edge: at install time when it has an install
 * script (or the step runs the package itself, as npx does) and scripts are not ignored there;
 * otherwise only at runtime, where the package is imported.
 */
function addInstall(graph: EngineGraph, add: AddStep, context: number, edge: number, code: number, scripts: boolean, condition: number, gate?: number): void {
  if (has(graph, edge, EDGE_FLAG.runs)) add(context, edge, code, INSTALL, 0, condition, gate);
  else if (scripts && !ignoresScripts(graph, context, edge)) add(context, edge, code, INSTALL, 0, condition | C.installScripts, gate);
  else add(context, edge, code, RUNTIME, 0, condition, gate);
}

/** The version a packageVersion node stands for (the purl's version: after the last "@"). */
export function versionOf(graph: EngineGraph, v: number): string | null {
  const key = graph.keys[v];
  const at = key.lastIndexOf("@");
  return at > key.indexOf("/") ? decodeURIComponent(key.slice(at + 1)) : null;
}

/** The range an install edge was resolved under: the declared range, or a fresh resolve's spec. */
function rangeOf(graph: EngineGraph, edge: number): string | null {
  const attributes = graph.attributesOf(edge);
  const range = attributes?.range ?? attributes?.spec;
  return typeof range === "string" && range.trim() ? range.trim() : null;
}

const admitsCache = new Map<string, boolean>();
/** Does an npm range admit the version? "latest" and "*" admit any; unparsable ranges admit nothing. */
export function rangeAdmits(range: string, version: string): boolean {
  if (range === "latest" || range === "*" || range === "") return true;
  const key = `${range}\u0000${version}`;
  let admits = admitsCache.get(key);
  if (admits === undefined) {
    try {
      admits = semver.satisfies(version, range, { includePrerelease: false, loose: true });
    } catch {
      admits = false;
    }
    if (admitsCache.size > 100_000) admitsCache.clear();
    admitsCache.set(key, admits);
  }
  return admits;
}

/** The package of a version (its VERSION_OF target), or -1, with that edge. */
function packageOf(graph: EngineGraph, version: number): [number, number] {
  for (let i = graph.outOffsets[version]; i < graph.outOffsets[version + 1]; i++) {
    const e = graph.outEdges[i];
    if (graph.edgeKind[e] === E.VERSION_OF) return [graph.edgeTo[e], e];
  }
  return [-1, -1];
}

/**
 * `npx <bin>` runs the project's own copy when the job's lockfile installs the package, fetching
 * nothing; only where no version of it is installed in that job is it a fresh resolve.
 */
function resolvedLocally(graph: EngineGraph, pkg: number, e: number): boolean {
  if (!has(graph, e, EDGE_FLAG.mayResolveLocally)) return false;
  const context = graph.edgeTo[e];
  for (let i = graph.inOffsets[context]; i < graph.inOffsets[context + 1]; i++) {
    const install = graph.inEdges[i];
    if (graph.edgeKind[install] !== E.INSTALLED_IN) continue;
    const version = graph.edgeFrom[install];
    if (graph.kind[version] === K.packageVersion && packageOf(graph, version)[0] === pkg) return true;
  }
  return false;
}

/** Calls visit(edge, installedVersion or -1 for a package-level fresh resolve) for every install of a package. */
function forEachInstallOf(graph: EngineGraph, pkg: number, visit: (edge: number, version: number) => void): void {
  for (let i = graph.outOffsets[pkg]; i < graph.outOffsets[pkg + 1]; i++) {
    const e = graph.outEdges[i];
    if (graph.edgeKind[e] === E.INSTALLED_IN && !resolvedLocally(graph, pkg, e)) visit(e, -1);
  }
  for (let i = graph.inOffsets[pkg]; i < graph.inOffsets[pkg + 1]; i++) {
    const versionEdge = graph.inEdges[i];
    if (graph.edgeKind[versionEdge] !== E.VERSION_OF) continue;
    const version = graph.edgeFrom[versionEdge];
    for (let j = graph.outOffsets[version]; j < graph.outOffsets[version + 1]; j++) {
      const e = graph.outEdges[j];
      if (graph.edgeKind[e] === E.INSTALLED_IN) visit(e, version);
    }
  }
}

/**
 * A package the attacker can publish gets a malicious new version which, like the 2025 npm worm's,
 * carries an install script. Who installs it: a context that resolves the package afresh at every
 * run (npx, dlx, no lockfile) does now; a lockfile or a recorded install under a range that admits
 * a newer version does on its next resolve; an exact pin never does.
 */
function republicationSteps(graph: EngineGraph, pkg: number, add: AddStep): void {
  forEachInstallOf(graph, pkg, (e, version) => {
    if (has(graph, e, EDGE_FLAG.exactPin)) return;
    const timing = has(graph, e, EDGE_FLAG.fresh) ? 0 : C.nextResolve;
    const gate = version >= 0 ? packageOf(graph, version)[1] : undefined;
    addInstall(graph, add, graph.edgeTo[e], e, STEP.WORM_REPUBLISH, true, C.wormOnly | C.newFoothold | timing, gate);
  });
}

/**
 * A compromised version also reaches where it is not (yet) installed: a context resolving the
 * package afresh under a spec that admits it gets it now (during the window it is what `latest`
 * resolves to); a lockfile pinning another version under a declared range that admits it gets it
 * on the next resolve. A version recorded as installed elsewhere is left to its own INSTALLED_IN.
 */
function admittedVersionSteps(graph: EngineGraph, version: number, add: AddStep): void {
  const [pkg] = packageOf(graph, version);
  const wanted = versionOf(graph, version);
  if (pkg < 0 || wanted === null) return;
  const scripts = (graph.flags[version] & FLAG.hasInstallScript) !== 0;
  forEachInstallOf(graph, pkg, (e, installed) => {
    if (installed === version) return;
    const range = rangeOf(graph, e);
    if (range === null || !rangeAdmits(range, wanted)) return;
    const fresh = has(graph, e, EDGE_FLAG.fresh);
    addInstall(graph, add, graph.edgeTo[e], e, installed < 0 ? STEP.FRESH_RESOLVE : STEP.RANGE_ADMITS, scripts, fresh ? 0 : C.nextResolve);
  });
}

interface OsvAffectedEntry {
  package?: { ecosystem?: string; name?: string };
  versions?: string[];
  ranges?: { type?: string; events?: Record<string, string>[] }[];
}

/** The npm versions and SEMVER intervals an OSV entry names, as one predicate over ranges. */
function advisoryAdmits(entry: OsvAffectedEntry): (range: string) => boolean {
  const versions = (entry.versions ?? []).filter((v) => typeof v === "string");
  const intervals: string[] = [];
  for (const range of entry.ranges ?? []) {
    if (range.type !== "SEMVER") continue;
    let start: string | null = null;
    for (const event of range.events ?? []) {
      if (event.introduced !== undefined) start = event.introduced === "0" ? "0.0.0-0" : event.introduced;
      else if (start !== null && event.fixed !== undefined) {
        intervals.push(`>=${start} <${event.fixed}`);
        start = null;
      } else if (start !== null && event.last_affected !== undefined) {
        intervals.push(`>=${start} <=${event.last_affected}`);
        start = null;
      }
    }
    if (start !== null) intervals.push(`>=${start}`);
  }
  return (range) => {
    if (range === "latest" || range === "*") return versions.length > 0 || intervals.length > 0;
    if (versions.some((v) => rangeAdmits(range, v))) return true;
    return intervals.some((interval) => {
      try {
        return semver.intersects(range, interval, { loose: true });
      } catch {
        return false;
      }
    });
  };
}

/**
 * An advisory reaches, on the next resolve, the installs of a package it names whose range admits
 * a version it lists, when that version is in no lockfile at all (chalk 5.6.1 while every
 * lockfile pins 5.6.0 under "^5.0.0"). Versions recorded as installed are reached through AFFECTS.
 */
function advisoryRangeSteps(graph: EngineGraph, advisory: number, add: AddStep): void {
  const affected = graph.affected.get(advisory);
  if (!Array.isArray(affected)) return;
  const marked = new Set<number>();
  graph.forEachOut(advisory, "AFFECTS", (_, version) => marked.add(version));
  for (const entry of affected as OsvAffectedEntry[]) {
    const ecosystem = entry?.package?.ecosystem?.toLowerCase();
    const name = entry?.package?.name;
    if (ecosystem !== "npm" || !name) continue;
    const pkg = graph.indexOfKey(npmPackageKey(name));
    if (pkg === undefined) continue;
    const admits = advisoryAdmits(entry);
    forEachInstallOf(graph, pkg, (e, installed) => {
      if (installed >= 0 && marked.has(installed)) return;
      const range = rangeOf(graph, e);
      if (range === null || !admits(range)) return;
      const fresh = has(graph, e, EDGE_FLAG.fresh);
      addInstall(graph, add, graph.edgeTo[e], e, STEP.ADVISORY_RANGE, false, fresh ? 0 : C.nextResolve);
    });
  }
}

// pkg:npm/<name> with the scope's "@" percent-encoded, as lib/graph-keys/refs.ts builds package keys.
const npmPackageKey = (name: string) => `pkg:npm/${name.startsWith("@") ? `%40${name.slice(1)}` : name}`;

/** The rules: every step out of node u, in a fixed order (it decides ties between equal paths). */
function rulesFor(graph: EngineGraph, u: number, add: AddStep): void {
  const { outOffsets, outEdges, edgeKind, edgeTo, edgeExposure, edgePrivilege, flags } = graph;
  const kind = graph.kind[u];
  if (kind === K.package) {
    // Every version compromised (the package is the source) reaches its fresh resolvers now.
    for (let i = outOffsets[u]; i < outOffsets[u + 1]; i++) {
      const e = outEdges[i];
      if (edgeKind[e] === E.INSTALLED_IN && !resolvedLocally(graph, u, e)) addInstall(graph, add, edgeTo[e], e, STEP.FRESH_RESOLVE, true, C.sourceOnly);
    }
    republicationSteps(graph, u, add);
    return;
  }
  if (kind === K.runner) {
    // Every later job on a runner the attacker holds runs on a poisoned machine.
    for (let i = graph.inOffsets[u]; i < graph.inOffsets[u + 1]; i++) {
      const e = graph.inEdges[i];
      if (edgeKind[e] === E.RUNS_ON) add(graph.edgeFrom[e], e, STEP.RUNNER_SHARED, RUNNER, 0, 0);
    }
  }
  for (let i = outOffsets[u]; i < outOffsets[u + 1]; i++) {
    const e = outEdges[i];
    const to = edgeTo[e];
    const edge = edgeKind[e];
    const assumed = has(graph, e, EDGE_FLAG.assumed) ? C.assumed : 0;
    switch (kind) {
      case K.packageVersion:
        if (edge === E.INSTALLED_IN) addInstall(graph, add, to, e, E.INSTALLED_IN, (flags[u] & FLAG.hasInstallScript) !== 0, 0);
        break;
      case K.context:
        if (edge === E.EXPOSES) add(to, e, E.EXPOSES, edgeExposure[e] || JOB, 0, 0);
        else if (edge === E.TRIGGERS && graph.kind[to] === K.context && !has(graph, e, EDGE_FLAG.readOnlyDefault))
          add(to, e, E.TRIGGERS, edgeExposure[e], 0, assumed);
        else if (edge === E.RUNS_ON && (flags[to] & FLAG.persistentRunner) !== 0) add(to, e, STEP.RUNNER_PERSISTENCE, RUNNER, 0, 0);
        // trusted publishing: code running in the job can mint the OIDC token the registry accepts
        else if (edge === E.CAN_PUBLISH && graph.kind[to] === K.package) add(to, e, E.CAN_PUBLISH, edgeExposure[e] || JOB, 0, 0);
        break;
      case K.runner:
        if (edge === E.EXPOSES) add(to, e, E.EXPOSES, edgeExposure[e] || RUNNER, 0, 0);
        else if (edge === E.STORES) add(to, e, E.STORES, RUNNER, 0, 0);
        break;
      case K.secret:
        if (edge === E.AUTHENTICATES_AS) add(to, e, E.AUTHENTICATES_AS, EXPOSURE_NONE, 0, 0);
        // a publish step's token: the workflow is the evidence that it can publish
        else if (edge === E.CAN_PUBLISH && graph.kind[to] === K.package) add(to, e, E.CAN_PUBLISH, EXPOSURE_NONE, 0, 0);
        break;
      case K.identity:
        if (edge === E.CAN_ACCESS) add(to, e, E.CAN_ACCESS, EXPOSURE_NONE, edgePrivilege[e] || READ, assumed);
        else if (edge === E.TRIGGERS && graph.kind[to] === K.context) {
          if (!has(graph, e, EDGE_FLAG.readOnlyDefault)) add(to, e, E.TRIGGERS, EXPOSURE_NONE, 0, assumed);
        } else if (edge === E.CAN_PUBLISH || edge === E.ACTS_AS) add(to, e, edge, EXPOSURE_NONE, 0, 0);
        break;
      case K.publisher:
        if (edge === E.MAINTAINS || edge === E.CAN_PUBLISH) add(to, e, edge, EXPOSURE_NONE, 0, 0);
        break;
      case K.system:
        if (edge === E.STORES) add(to, e, E.STORES, EXPOSURE_NONE, 0, C.needsWrite);
        break;
      case K.action:
        // the action runs as a step of the job, not as an install script: what it reads is job-level
        if (edge === E.USED_IN) add(to, e, E.USED_IN, JOB, 0, has(graph, e, EDGE_FLAG.pinned) ? C.pinned : 0);
        break;
      case K.advisory:
        if (edge === E.AFFECTS) add(to, e, E.AFFECTS, EXPOSURE_NONE, 0, 0);
        break;
    }
  }
  if (kind === K.packageVersion) admittedVersionSteps(graph, u, add);
  else if (kind === K.advisory) advisoryRangeSteps(graph, u, add);
}

function compileSteps(graph: EngineGraph): StepTable {
  const n = graph.nodeCount;
  // two passes, count then fill, so the table is allocated once at its size (the semver decisions
  // of the second pass come from rangeAdmits' cache)
  const offsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) {
    let count = 0;
    rulesFor(graph, u, () => count++);
    offsets[u + 1] = offsets[u] + count;
  }
  const steps = new Int32Array(offsets[n] * STEP_STRIDE);
  let i = 0;
  const add: AddStep = (to, edge, code, level, privilege, condition, gate = -1) => {
    steps[i + STEP_TO] = to;
    steps[i + STEP_EDGE] = edge;
    steps[i + STEP_GATE] = gate;
    steps[i + STEP_META] = code | (level << 8) | (privilege << 16) | (condition << 24);
    i += STEP_STRIDE;
  };
  for (let u = 0; u < n; u++) rulesFor(graph, u, add);
  return { offsets, steps };
}

const tables = new WeakMap<EngineGraph, StepTable>();

/** The graph's step table, compiled on first use (the graph is immutable, so once per version). */
export function stepTable(graph: EngineGraph): StepTable {
  let table = tables.get(graph);
  if (!table) tables.set(graph, (table = compileSteps(graph)));
  return table;
}

/**
 * Enumerates the steps out of node u. `privilege` is what the attacker holds on u when u is a
 * system; `worm` says whether a package yields its republications (false for a package that is
 * itself the source: a compromised package is not a stolen publish right). Uses pinned to a
 * commit SHA are taken only where `allowedPins` marks their edge.
 */
export function forEachStep(
  graph: EngineGraph,
  u: number,
  privilege: number,
  worm: boolean,
  overlay: Overlay | null,
  emit: EmitStep,
  allowedPins: Uint8Array | null = null,
): void {
  const { offsets, steps } = stepTable(graph);
  const disabled = overlay?.disabledEdges ?? null;
  for (let i = offsets[u] * STEP_STRIDE; i < offsets[u + 1] * STEP_STRIDE; i += STEP_STRIDE) {
    const e = steps[i + STEP_EDGE];
    const gate = steps[i + STEP_GATE];
    if (disabled !== null && (disabled[e] === 1 || (gate >= 0 && disabled[gate] === 1))) continue;
    const meta = steps[i + STEP_META];
    const condition = meta >>> 24;
    if ((condition & C.needsWrite) !== 0 && privilege < WRITE) continue;
    if ((condition & (worm ? C.sourceOnly : C.wormOnly)) !== 0) continue;
    if ((condition & C.pinned) !== 0 && (allowedPins === null || allowedPins[e] !== 1)) continue;
    const to = steps[i + STEP_TO];
    const level = (condition & C.installScripts) !== 0 && overlay !== null && overlay.ignoresScripts[to] === 1 ? RUNTIME : (meta >> 8) & 0xff;
    emit(to, e, meta & 0xff, level, (meta >> 16) & 0xff, condition);
  }
}

/**
 * The steps whose existence the semver rules decide (RANGE_ADMITS, a version's FRESH_RESOLVE,
 * ADVISORY_RANGE), as pairs of node ids: the recursive-CTE yardstick takes them as input, since
 * SQL has no npm semver; everything else it derives from the stored edges itself.
 */
export function semverStepPairs(graph: EngineGraph): { from: number[]; to: number[] } {
  const { offsets, steps } = stepTable(graph);
  const from: number[] = [];
  const to: number[] = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    if (graph.kind[u] !== K.packageVersion && graph.kind[u] !== K.advisory) continue;
    for (let i = offsets[u] * STEP_STRIDE; i < offsets[u + 1] * STEP_STRIDE; i += STEP_STRIDE) {
      const code = steps[i + STEP_META] & 0xff;
      if (code === STEP.RANGE_ADMITS || code === STEP.FRESH_RESOLVE || code === STEP.ADVISORY_RANGE) {
        from.push(graph.ids[u]);
        to.push(graph.ids[steps[i + STEP_TO]]);
      }
    }
  }
  return { from, to };
}
