import type { TExposure } from "@/lib/schemas/graph-facts";
import type { TFixesResult } from "@/lib/schemas/radius";
import { CRITICALITY_RANK, EDGE_FLAG, EDGE_KIND_CODE, FLAG, NODE_KIND_CODE, type EngineGraph } from "./graph";
import { RadiusWorkspace } from "./radius";
import type { Overlay } from "./steps";
import { controlString, emptyOverlay, type ControlKind } from "./what-if";

// `blastmap fixes`: which single change removes the most reach over every possible compromise?
// Sources are every installed package version, publisher account and action; a source's score is
// the critical/high systems plus the packages an attacker starting there reaches. A control can
// only shrink a source's radius if it removes an edge the source's walk actually used (any other
// edge leaves that shortest-path tree, and so the reached set, intact), so one baseline walk per
// source gives each candidate the exact set of sources to re-walk and an upper bound on its
// reduction; candidates are then evaluated best bound first until no remaining bound can beat
// the N-th best exact reduction (branch and bound).

export interface FixesOptions {
  top?: number;
  /** default install, job, runner: what an automated install-time payload reaches */
  exposures?: readonly TExposure[];
  /** stop evaluating after this long; the answer then says it is not proven exhaustive */
  timeBudgetMs?: number;
  /**
   * One radius instead of every possible compromise: these sources walked together (the radius
   * page ranks the fixes for the radius on screen). `scope` describes them in the answer.
   */
  radius?: { sources: readonly number[]; allowedPins?: Uint8Array | null; scope: string };
}

export const DEFAULT_FIX_EXPOSURES: TExposure[] = ["install", "job", "runner"];

interface Candidate {
  kind: ControlKind;
  a: number;
  b: number;
  /** edges whose use in a walk makes the walk depend on this control */
  edges: number[];
  /** ignore-scripts changes how its INSTALLED_IN edges run instead of removing them */
  ignoreScripts: number;
}

const K = NODE_KIND_CODE;
const E = EDGE_KIND_CODE;

export function fixSources(graph: EngineGraph): number[] {
  const sources: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    const kind = graph.kind[v];
    if (kind === K.publisher || kind === K.action) sources.push(v);
    else if (kind === K.packageVersion) {
      let installed = false;
      graph.forEachOut(v, "INSTALLED_IN", () => (installed = true));
      if (installed) sources.push(v);
    }
  }
  return sources;
}

/** Every single controllable change, each owning the edges it removes (an edge has one owner). */
export function enumerateCandidates(graph: EngineGraph): { candidates: Candidate[]; edgeCandidate: Int32Array } {
  const candidates: Candidate[] = [];
  const edgeCandidate = new Int32Array(graph.edgeCount).fill(-1);
  const add = (candidate: Candidate) => {
    for (const e of candidate.edges) edgeCandidate[e] = candidates.length;
    candidates.push(candidate);
  };
  for (let v = 0; v < graph.nodeCount; v++) {
    const kind = graph.kind[v];
    if (kind === K.context) {
      const installs: number[] = [];
      graph.forEachIn(v, "INSTALLED_IN", (e) => installs.push(e));
      if (installs.length && !graph.has(v, FLAG.ignoresScripts)) add({ kind: "ignore-scripts", a: v, b: -1, edges: installs, ignoreScripts: v });
      const runners: number[] = [];
      graph.forEachOut(v, "RUNS_ON", (e, runner) => graph.has(runner, FLAG.persistentRunner) && runners.push(e));
      if (runners.length) add({ kind: "off-runner", a: v, b: -1, edges: runners, ignoreScripts: -1 });
      graph.forEachOut(v, "EXPOSES", (e, secret) => add({ kind: "remove-secret", a: v, b: secret, edges: [e], ignoreScripts: -1 }));
      // a use by a moved tag or branch: pinning it to a commit SHA cuts it
      graph.forEachIn(v, "USED_IN", (e, action) => {
        if ((graph.edgeFlags[e] & EDGE_FLAG.pinned) === 0) add({ kind: "pin-action", a: v, b: action, edges: [e], ignoreScripts: -1 });
      });
    } else if (kind === K.identity && graph.has(v, FLAG.longLived)) {
      const secrets: number[] = [];
      graph.forEachIn(v, "AUTHENTICATES_AS", (e) => secrets.push(e));
      if (secrets.length) add({ kind: "short-lived", a: v, b: -1, edges: secrets, ignoreScripts: -1 });
    }
    if (kind === K.identity || kind === K.publisher) {
      const byPackage = new Map<number, number[]>();
      for (let i = graph.outOffsets[v]; i < graph.outOffsets[v + 1]; i++) {
        const e = graph.outEdges[i];
        if (graph.edgeKind[e] !== E.CAN_PUBLISH && graph.edgeKind[e] !== E.MAINTAINS) continue;
        byPackage.set(graph.edgeTo[e], [...(byPackage.get(graph.edgeTo[e]) ?? []), e]);
      }
      for (const [pkg, edges] of byPackage) add({ kind: "drop-publish", a: v, b: pkg, edges, ignoreScripts: -1 });
    }
  }
  return { candidates, edgeCandidate };
}

function ownScore(workspace: RadiusWorkspace, v: number): number {
  const graph = workspace.graph;
  const kind = graph.kind[v];
  if (kind === K.system) return graph.criticality[v] >= CRITICALITY_RANK.high ? 1 : 0;
  return kind === K.package && !workspace.isSource(v) ? 1 : 0;
}

/** The score of the walk in the workspace: critical/high systems plus publishable packages reached. */
export function radiusScore(workspace: RadiusWorkspace): number {
  const graph = workspace.graph;
  let score = 0;
  for (let i = 0; i < workspace.count; i++) {
    const v = workspace.order[i];
    const kind = graph.kind[v];
    if (kind === K.system) {
      if (graph.criticality[v] >= CRITICALITY_RANK.high) score++;
    } else if (kind === K.package && !workspace.isSource(v)) score++;
  }
  return score;
}

export function rankFixes(graph: EngineGraph, options: FixesOptions = {}): TFixesResult {
  const started = performance.now();
  const top = options.top ?? 10;
  const exposures = options.exposures?.length ? [...options.exposures] : DEFAULT_FIX_EXPOSURES;
  const budget = options.timeBudgetMs ?? 25_000;
  // each walk starts from one source set: every possible compromise alone, or the one radius
  const sources: (readonly number[])[] = options.radius ? [options.radius.sources] : fixSources(graph).map((v) => [v]);
  const allowedPins = options.radius?.allowedPins ?? null;
  const { candidates, edgeCandidate } = enumerateCandidates(graph);
  const workspace = new RadiusWorkspace(graph);
  const S = sources.length;
  const words = Math.ceil(S / 32);
  const score = new Float64Array(S);
  const bound = new Float64Array(candidates.length);
  const lastSource = new Int32Array(candidates.length).fill(-1);
  // affected[c] is a bitset over sources whose walk used an edge candidate c removes
  const affected = new Map<number, Uint32Array>();
  let baseline = 0;

  // Subtree scores: removing a tree edge can only lose the nodes below it in the source's
  // shortest-path tree (every other node keeps its tree path), so a candidate's reduction for a
  // source is at most the score below the tree edges it owns; zero means the source is unaffected.
  const below = new Float64Array(graph.nodeCount);
  const byHops = new Int32Array(graph.nodeCount);
  const touched: number[] = [];
  const pending = new Float64Array(candidates.length);
  for (let s = 0; s < S; s++) {
    workspace.walk(sources[s], { exposures, nextResolve: false, allowedPins });
    score[s] = radiusScore(workspace);
    baseline += score[s];
    if (score[s] === 0) continue; // nothing to reduce
    // counting sort by hops; a parent is always exactly one hop above its child, so
    // deepest-first accumulates every subtree correctly
    let maxHop = 0;
    for (let i = 0; i < workspace.count; i++) {
      const v = workspace.order[i];
      below[v] = ownScore(workspace, v);
      if (workspace.hopsOf(v) > maxHop) maxHop = workspace.hopsOf(v);
    }
    const starts = new Int32Array(maxHop + 2);
    for (let i = 0; i < workspace.count; i++) starts[workspace.hopsOf(workspace.order[i]) + 1]++;
    for (let h = 0; h <= maxHop; h++) starts[h + 1] += starts[h];
    for (let i = 0; i < workspace.count; i++) {
      const v = workspace.order[i];
      byHops[starts[workspace.hopsOf(v)]++] = v;
    }
    for (let i = workspace.count - 1; i >= 0; i--) {
      const v = byHops[i];
      if (workspace.hopsOf(v) > 0) below[workspace.parentNodeOf(v)] += below[v];
    }
    touched.length = 0;
    for (let i = 0; i < workspace.count; i++) {
      const v = workspace.order[i];
      const e = workspace.parentEdgeOf(v);
      if (e < 0 || below[v] === 0) continue;
      const c = edgeCandidate[e];
      if (c < 0) continue;
      if (lastSource[c] !== s) {
        lastSource[c] = s;
        pending[c] = 0;
        touched.push(c);
      }
      pending[c] += below[v];
    }
    for (const c of touched) {
      bound[c] += Math.min(pending[c], score[s]);
      let bits = affected.get(c);
      if (!bits) affected.set(c, (bits = new Uint32Array(words)));
      bits[s >>> 5] |= 1 << (s & 31);
    }
  }

  const order = [...affected.keys()].sort((x, y) => bound[y] - bound[x] || x - y);
  const overlay: Overlay = emptyOverlay(graph);
  const best: { c: number; reduction: number; sourcesAffected: number }[] = [];
  let evaluated = 0;
  let exhaustive = true;
  for (const c of order) {
    if (best.length >= top && bound[c] <= best[top - 1].reduction) break;
    if (performance.now() - started > budget) {
      exhaustive = false;
      break;
    }
    const candidate = candidates[c];
    toggle(overlay, candidate, 1);
    const bits = affected.get(c)!;
    let reduction = 0;
    let sourcesAffected = 0;
    for (let w = 0; w < words; w++) {
      let word = bits[w];
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        const s = w * 32 + bit;
        // reach with the control is a subset of reach without it: once the walk has found as
        // much score as before, nothing is lost and it can stop
        workspace.walk(sources[s], { exposures, overlay, stopAtScore: score[s], nextResolve: false, allowedPins });
        const lost = workspace.stoppedEarly ? 0 : score[s] - radiusScore(workspace);
        if (lost > 0) {
          reduction += lost;
          sourcesAffected++;
        }
      }
    }
    toggle(overlay, candidate, 0);
    evaluated++;
    if (reduction <= 0) continue;
    best.push({ c, reduction, sourcesAffected });
    best.sort((x, y) => y.reduction - x.reduction || x.c - y.c);
    if (best.length > top) best.pop();
  }

  return {
    graphVersion: graph.version,
    metric: options.radius
      ? "the critical and high systems plus the packages this radius' sources, taken together, reach now"
      : "sum over every installed package version, publisher and action, taken as the compromised source, of the critical and high systems plus the packages it reaches now",
    scope: options.radius?.scope ?? null,
    exposures,
    sources: options.radius ? options.radius.sources.length : S,
    candidates: candidates.length,
    evaluated,
    exhaustive,
    baseline,
    fixes: best.map(({ c, reduction, sourcesAffected }, index) => {
      const candidate = candidates[c];
      return {
        rank: index + 1,
        control: controlString(graph, candidate.kind, candidate.a, candidate.b),
        kind: candidate.kind,
        description: describe(graph, candidate),
        reduction,
        reductionPercent: baseline ? Math.round((reduction / baseline) * 1000) / 10 : 0,
        sourcesAffected,
      };
    }),
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

function toggle(overlay: Overlay, candidate: Candidate, value: 0 | 1): void {
  if (candidate.ignoreScripts >= 0) overlay.ignoresScripts[candidate.ignoreScripts] = value;
  else for (const e of candidate.edges) overlay.disabledEdges[e] = value;
}

function describe(graph: EngineGraph, candidate: Candidate): string {
  const a = graph.keys[candidate.a];
  const b = candidate.b >= 0 ? graph.keys[candidate.b] : "";
  switch (candidate.kind) {
    case "ignore-scripts":
      return `install with --ignore-scripts in ${a}`;
    case "off-runner":
      return `move ${a} off its persistent self-hosted runner`;
    case "remove-secret":
      return `stop exposing ${b} to ${a}`;
    case "short-lived":
      return `replace ${a}'s stored secrets with a short-lived identity (OIDC)`;
    case "drop-publish":
      return `remove ${a}'s right to publish ${b}`;
    case "pin-action":
      return `pin ${b} to a full commit SHA in ${a}`;
  }
}
