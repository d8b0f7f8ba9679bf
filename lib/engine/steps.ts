import {
  EDGE_FLAG,
  EDGE_KIND_CODE,
  EXPOSURE_NONE,
  EXPOSURE_RANK,
  FLAG,
  NODE_KIND_CODE,
  PRIVILEGE_RANK,
  type EngineGraph,
} from "./graph";

// The propagation rules of docs/MODEL.md, one place: from a node the attacker holds, which nodes
// does the next step give, through which edge, at which exposure level and privilege. The rules
// are compiled once per graph into a step table (CSR, like the graph), so the radius walk reads
// contiguous arrays instead of switching on kinds edge by edge; the path search enumerates the
// same table through forEachStep, so the two cannot disagree.

/** Step codes 0..13 are the edge kinds (EDGE_KINDS order); derived steps follow. */
export const STEP = {
  ...EDGE_KIND_CODE,
  /** context -> its persistent self-hosted runner (RUNS_ON edge) */
  RUNNER_PERSISTENCE: 14,
  /** persistent runner -> another job that runs on it (RUNS_ON edge, walked backwards) */
  RUNNER_SHARED: 15,
  /** publishable package -> a context where a version of it is installed (INSTALLED_IN edge of that version) */
  WORM_REPUBLISH: 16,
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

/** What a step needs beyond its edge existing; checked when the step is taken. */
export const STEP_CONDITION = {
  /** only with write or admin on the system it leaves (a vault yields its secrets) */
  needsWrite: 1,
  /** an install-time step: runtime instead when an overlay makes the context ignore scripts */
  installScripts: 2,
} as const;

/**
 * The steps out of every node, packed STEP_STRIDE integers per step (target, edge, gate edge,
 * meta = code | level << 8 | privilege << 16 | condition << 24): steps of node u are the
 * indices offsets[u] .. offsets[u+1]. The gate is a second edge the step also depends on (the
 * VERSION_OF edge of a republication), else -1. A package's steps are its republications, taken
 * only when the package is a stolen publish right rather than the compromise itself.
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

export type EmitStep = (to: number, edge: number, step: number, exposure: number, privilege: number) => void;
type AddStep = (to: number, edge: number, code: number, level: number, privilege: number, condition: number, gate?: number) => void;

const K = NODE_KIND_CODE;
const E = EDGE_KIND_CODE;
const WRITE = PRIVILEGE_RANK.write;
const READ = PRIVILEGE_RANK.read;
const { install: INSTALL, job: JOB, runner: RUNNER, runtime: RUNTIME } = EXPOSURE_RANK;
const { needsWrite: NEEDS_WRITE, installScripts: INSTALL_SCRIPTS } = STEP_CONDITION;

function ignoresScripts(graph: EngineGraph, context: number, edge: number): boolean {
  return (graph.flags[context] & FLAG.ignoresScripts) !== 0 || (graph.edgeFlags[edge] & EDGE_FLAG.ignoreScripts) !== 0;
}

/** The install step of code into a context: install time, unless the context ignores scripts. */
function addInstall(graph: EngineGraph, add: AddStep, context: number, edge: number, code: number, scripts: boolean, gate?: number): void {
  if (scripts && !ignoresScripts(graph, context, edge)) add(context, edge, code, INSTALL, 0, INSTALL_SCRIPTS, gate);
  else add(context, edge, code, RUNTIME, 0, 0, gate);
}

/** The rules: every step out of node u, in a fixed order (it decides ties between equal paths). */
function rulesFor(graph: EngineGraph, u: number, add: AddStep): void {
  const { outOffsets, outEdges, edgeKind, edgeTo, edgeExposure, edgePrivilege, flags } = graph;
  const kind = graph.kind[u];
  if (kind === K.package) {
    // A package the attacker can publish gets a malicious new version that every context
    // installing the package picks up; like the 2025 npm worm's, it carries an install script.
    for (let i = graph.inOffsets[u]; i < graph.inOffsets[u + 1]; i++) {
      const versionEdge = graph.inEdges[i];
      if (edgeKind[versionEdge] !== E.VERSION_OF) continue;
      const version = graph.edgeFrom[versionEdge];
      for (let j = outOffsets[version]; j < outOffsets[version + 1]; j++) {
        const e = outEdges[j];
        if (edgeKind[e] === E.INSTALLED_IN) addInstall(graph, add, edgeTo[e], e, STEP.WORM_REPUBLISH, true, versionEdge);
      }
    }
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
    switch (kind) {
      case K.packageVersion:
        if (edge === E.INSTALLED_IN) addInstall(graph, add, to, e, E.INSTALLED_IN, (flags[u] & FLAG.hasInstallScript) !== 0);
        break;
      case K.context:
        if (edge === E.EXPOSES) add(to, e, E.EXPOSES, edgeExposure[e] || JOB, 0, 0);
        else if (edge === E.TRIGGERS && graph.kind[to] === K.context) add(to, e, E.TRIGGERS, edgeExposure[e], 0, 0);
        else if (edge === E.RUNS_ON && (flags[to] & FLAG.persistentRunner) !== 0) add(to, e, STEP.RUNNER_PERSISTENCE, RUNNER, 0, 0);
        break;
      case K.runner:
        if (edge === E.EXPOSES) add(to, e, E.EXPOSES, edgeExposure[e] || RUNNER, 0, 0);
        else if (edge === E.STORES) add(to, e, E.STORES, RUNNER, 0, 0);
        break;
      case K.secret:
        if (edge === E.AUTHENTICATES_AS) add(to, e, E.AUTHENTICATES_AS, EXPOSURE_NONE, 0, 0);
        break;
      case K.identity:
        if (edge === E.CAN_ACCESS) add(to, e, E.CAN_ACCESS, EXPOSURE_NONE, edgePrivilege[e] || READ, 0);
        else if (edge === E.CAN_PUBLISH || edge === E.ACTS_AS || (edge === E.TRIGGERS && graph.kind[to] === K.context)) add(to, e, edge, EXPOSURE_NONE, 0, 0);
        break;
      case K.publisher:
        if (edge === E.MAINTAINS || edge === E.CAN_PUBLISH) add(to, e, edge, EXPOSURE_NONE, 0, 0);
        break;
      case K.system:
        if (edge === E.STORES) add(to, e, E.STORES, EXPOSURE_NONE, 0, NEEDS_WRITE);
        break;
      case K.action:
        if (edge === E.USED_IN) add(to, e, E.USED_IN, EXPOSURE_NONE, 0, 0);
        break;
      case K.advisory:
        if (edge === E.AFFECTS) add(to, e, E.AFFECTS, EXPOSURE_NONE, 0, 0);
        break;
    }
  }
}

function compileSteps(graph: EngineGraph): StepTable {
  const n = graph.nodeCount;
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
 * system; `worm` says whether a package yields its installations (false for a package that is
 * itself the source: a compromised package is not a stolen publish right).
 */
export function forEachStep(graph: EngineGraph, u: number, privilege: number, worm: boolean, overlay: Overlay | null, emit: EmitStep): void {
  if (graph.kind[u] === K.package && !worm) return;
  const { offsets, steps } = stepTable(graph);
  const disabled = overlay?.disabledEdges ?? null;
  for (let i = offsets[u] * STEP_STRIDE; i < offsets[u + 1] * STEP_STRIDE; i += STEP_STRIDE) {
    const e = steps[i + STEP_EDGE];
    const gate = steps[i + STEP_GATE];
    if (disabled !== null && (disabled[e] === 1 || (gate >= 0 && disabled[gate] === 1))) continue;
    const meta = steps[i + STEP_META];
    const condition = meta >>> 24;
    if ((condition & NEEDS_WRITE) !== 0 && privilege < WRITE) continue;
    const to = steps[i + STEP_TO];
    const level = (condition & INSTALL_SCRIPTS) !== 0 && overlay !== null && overlay.ignoresScripts[to] === 1 ? RUNTIME : (meta >> 8) & 0xff;
    emit(to, e, meta & 0xff, level, (meta >> 16) & 0xff);
  }
}
