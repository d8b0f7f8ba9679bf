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
// does the next step give, through which edge, at which exposure level and privilege. The radius
// walk and the path search both enumerate steps through here, so they cannot disagree.

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

export type EmitStep = (to: number, edge: number, step: number, exposure: number, privilege: number) => void;

const K = NODE_KIND_CODE;
const E = EDGE_KIND_CODE;
const WRITE = PRIVILEGE_RANK.write;
const READ = PRIVILEGE_RANK.read;
const { install: INSTALL, job: JOB, runner: RUNNER, runtime: RUNTIME } = EXPOSURE_RANK;

function ignoresScripts(graph: EngineGraph, overlay: Overlay | null, context: number, edge: number): boolean {
  return (
    (graph.flags[context] & FLAG.ignoresScripts) !== 0 ||
    (graph.edgeFlags[edge] & EDGE_FLAG.ignoreScripts) !== 0 ||
    (overlay !== null && overlay.ignoresScripts[context] === 1)
  );
}

/**
 * Enumerates the steps out of node u. `privilege` is what the attacker holds on u when u is a
 * system; `worm` says whether a package yields its installations (false for a package that is
 * itself the source: a compromised package is not a stolen publish right).
 */
export function forEachStep(graph: EngineGraph, u: number, privilege: number, worm: boolean, overlay: Overlay | null, emit: EmitStep): void {
  const { outOffsets, outEdges, edgeKind, edgeTo, edgeExposure, edgePrivilege, flags } = graph;
  const disabled = overlay?.disabledEdges;
  const kind = graph.kind[u];
  if (kind === K.package) {
    if (worm) forEachRepublication(graph, u, overlay, emit);
    return;
  }
  if (kind === K.runner) {
    // Every later job on a runner the attacker holds runs on a poisoned machine.
    for (let i = graph.inOffsets[u]; i < graph.inOffsets[u + 1]; i++) {
      const e = graph.inEdges[i];
      if (edgeKind[e] === E.RUNS_ON && !(disabled && disabled[e])) emit(graph.edgeFrom[e], e, STEP.RUNNER_SHARED, RUNNER, 0);
    }
  }
  for (let i = outOffsets[u]; i < outOffsets[u + 1]; i++) {
    const e = outEdges[i];
    if (disabled && disabled[e]) continue;
    const to = edgeTo[e];
    switch (kind) {
      case K.packageVersion:
        if (edgeKind[e] === E.INSTALLED_IN) {
          const scripts = (flags[u] & FLAG.hasInstallScript) !== 0 && !ignoresScripts(graph, overlay, to, e);
          emit(to, e, E.INSTALLED_IN, scripts ? INSTALL : RUNTIME, 0);
        }
        break;
      case K.context:
        if (edgeKind[e] === E.EXPOSES) emit(to, e, E.EXPOSES, edgeExposure[e] || JOB, 0);
        else if (edgeKind[e] === E.TRIGGERS && graph.kind[to] === K.context) emit(to, e, E.TRIGGERS, edgeExposure[e], 0);
        else if (edgeKind[e] === E.RUNS_ON && (flags[to] & FLAG.persistentRunner) !== 0) emit(to, e, STEP.RUNNER_PERSISTENCE, RUNNER, 0);
        break;
      case K.runner:
        if (edgeKind[e] === E.EXPOSES) emit(to, e, E.EXPOSES, edgeExposure[e] || RUNNER, 0);
        else if (edgeKind[e] === E.STORES) emit(to, e, E.STORES, RUNNER, 0);
        break;
      case K.secret:
        if (edgeKind[e] === E.AUTHENTICATES_AS) emit(to, e, E.AUTHENTICATES_AS, EXPOSURE_NONE, 0);
        break;
      case K.identity:
        if (edgeKind[e] === E.CAN_ACCESS) emit(to, e, E.CAN_ACCESS, EXPOSURE_NONE, edgePrivilege[e] || READ);
        else if (edgeKind[e] === E.CAN_PUBLISH || edgeKind[e] === E.ACTS_AS || (edgeKind[e] === E.TRIGGERS && graph.kind[to] === K.context)) {
          emit(to, e, edgeKind[e], EXPOSURE_NONE, 0);
        }
        break;
      case K.publisher:
        if (edgeKind[e] === E.MAINTAINS || edgeKind[e] === E.CAN_PUBLISH) emit(to, e, edgeKind[e], EXPOSURE_NONE, 0);
        break;
      case K.system:
        if (edgeKind[e] === E.STORES && privilege >= WRITE) emit(to, e, E.STORES, EXPOSURE_NONE, 0);
        break;
      case K.action:
        if (edgeKind[e] === E.USED_IN) emit(to, e, E.USED_IN, EXPOSURE_NONE, 0);
        break;
      case K.advisory:
        if (edgeKind[e] === E.AFFECTS) emit(to, e, E.AFFECTS, EXPOSURE_NONE, 0);
        break;
    }
  }
}

/**
 * A package the attacker can publish gets a malicious new version that every context installing
 * the package picks up; like the 2025 npm worm's, it carries an install script, so it runs at
 * install time unless the context ignores scripts.
 */
export function forEachRepublication(graph: EngineGraph, pkg: number, overlay: Overlay | null, emit: EmitStep): void {
  const disabled = overlay?.disabledEdges;
  for (let i = graph.inOffsets[pkg]; i < graph.inOffsets[pkg + 1]; i++) {
    const versionEdge = graph.inEdges[i];
    if (graph.edgeKind[versionEdge] !== E.VERSION_OF || (disabled && disabled[versionEdge])) continue;
    const version = graph.edgeFrom[versionEdge];
    for (let j = graph.outOffsets[version]; j < graph.outOffsets[version + 1]; j++) {
      const e = graph.outEdges[j];
      if (graph.edgeKind[e] !== E.INSTALLED_IN || (disabled && disabled[e])) continue;
      const context = graph.edgeTo[e];
      emit(context, e, STEP.WORM_REPUBLISH, ignoresScripts(graph, overlay, context, e) ? RUNTIME : INSTALL, 0);
    }
  }
}
