import { CRITICALITIES, NODE_KINDS, type TCriticality, type TExposure, type TNodeKind } from "@/lib/schemas/graph-facts";
import type { TPathStep, TRadiusResult, TReachedNode, TTiming } from "@/lib/schemas/radius";
import { CRITICALITY_BY_RANK, EDGE_FLAG, EXPOSURE_BY_RANK, FLAG, NODE_KIND_CODE, PRIVILEGE_BY_RANK, type EngineGraph } from "./graph";
import type { RadiusWorkspace } from "./radius";
import { buildRotationPlan } from "./rotation";
import { STEP, STEP_NAMES } from "./steps";

// Turns a finished walk into the shared ZRadiusResult JSON: summary, every reached node with the
// chain of edges that explains it, the explanation edges, and the rotation plan.

const K = NODE_KIND_CODE;
type TSummary = TRadiusResult["summary"];

export function summarizeRadius(workspace: RadiusWorkspace): TSummary {
  const graph = workspace.graph;
  const countsByKind = Object.fromEntries(NODE_KINDS.map((kind) => [kind, 0])) as Record<TNodeKind, number>;
  const systemsByCriticality = Object.fromEntries(CRITICALITIES.map((c) => [c, 0])) as Record<TCriticality, number>;
  const republishablePackages: TSummary["republishablePackages"] = [];
  let now = 0;
  let nowCredentials = 0;
  const longLivedIdentities: TSummary["longLivedIdentities"] = [];
  for (let i = 0; i < workspace.count; i++) {
    const v = workspace.order[i];
    const kind = graph.kind[v];
    countsByKind[NODE_KINDS[kind]]++;
    if (!workspace.isNextResolve(v)) {
      now++;
      if (kind === K.secret || kind === K.identity) nowCredentials++;
    }
    if (kind === K.system) {
      const criticality = CRITICALITY_BY_RANK[graph.criticality[v]];
      if (criticality) systemsByCriticality[criticality]++;
    } else if (kind === K.package && !workspace.isSource(v)) {
      republishablePackages.push({ id: graph.ids[v], key: graph.keys[v], name: graph.names[v] });
    } else if (kind === K.identity && graph.has(v, FLAG.longLived)) {
      longLivedIdentities.push({ id: graph.ids[v], key: graph.keys[v], name: graph.names[v] });
    }
  }
  return {
    countsByKind,
    systemsByCriticality,
    republishablePackages,
    longLivedIdentities,
    maxGeneration: workspace.maxGeneration,
    total: workspace.count,
    now,
    nowCredentials,
  };
}

/**
 * Uses of a reached action pinned to a commit SHA that no source named bad: the tag moved, the
 * pinned commit did not, so these jobs are listed as "pinned, not reached".
 */
export function pinnedNotReached(workspace: RadiusWorkspace): TRadiusResult["pinnedNotReached"] {
  const graph = workspace.graph;
  const allowed = workspace.allowedPinsOf();
  const list: TRadiusResult["pinnedNotReached"] = [];
  for (let i = 0; i < workspace.count; i++) {
    const action = workspace.order[i];
    if (graph.kind[action] !== K.action) continue;
    graph.forEachOut(action, "USED_IN", (e, context) => {
      if ((graph.edgeFlags[e] & EDGE_FLAG.pinned) === 0 || (allowed !== null && allowed[e] === 1)) return;
      if (workspace.reached(context)) return;
      const attributes = graph.attributesOf(e) ?? {};
      list.push({
        action: graph.keys[action],
        context: graph.keys[context],
        ref: typeof attributes.ref === "string" ? attributes.ref : null,
        line: typeof attributes.line === "number" ? attributes.line : null,
      });
    });
  }
  return list;
}

/** `owner` when the inventory names one: the picture of a big radius groups by it. */
export function ownerField(graph: EngineGraph, v: number): { owner?: string } {
  const owner = graph.owner[v];
  return owner ? { owner } : {};
}

export const timingOf = (workspace: RadiusWorkspace, v: number) => (workspace.isNextResolve(v) ? "next-resolve" : "now");

/** The step that reached v (v must be reached and not a source). */
export function stepInto(graph: EngineGraph, v: number, from: number, edge: number, step: number, level: number, nextResolve = false): TPathStep {
  const attributes: Record<string, unknown> = { ...(graph.attributesOf(edge) ?? {}) };
  // the step that waits for a resolve (what follows it inherits the wait)
  if (nextResolve) attributes.timing = "next-resolve";
  if (step === STEP.INSTALLED_IN || step === STEP.WORM_REPUBLISH || step === STEP.RANGE_ADMITS || step === STEP.FRESH_RESOLVE || step === STEP.ADVISORY_RANGE) {
    attributes.phase = EXPOSURE_BY_RANK[level] === "install" ? "install" : "runtime";
  }
  if (step === STEP.WORM_REPUBLISH || step === STEP.RANGE_ADMITS || step === STEP.ADVISORY_RANGE) {
    attributes.installedVersion = graph.keys[graph.edgeFrom[edge]];
  }
  return {
    kind: STEP_NAMES[step],
    from: graph.ids[from],
    to: graph.ids[v],
    exposure: EXPOSURE_BY_RANK[level],
    privilege: PRIVILEGE_BY_RANK[graph.edgePrivilege[edge]],
    ...(Object.keys(attributes).length ? { attributes } : {}),
  };
}

/** v is reached on the next resolve and its parent now: the step into v is the one that waits. */
export const startsNextResolve = (workspace: RadiusWorkspace, v: number) => workspace.isNextResolve(v) && !workspace.isNextResolve(workspace.parentNodeOf(v));

/** The shortest chain from a source to v, as the walk found it. */
export function explainPath(workspace: RadiusWorkspace, v: number): TPathStep[] {
  const graph = workspace.graph;
  const steps: TPathStep[] = [];
  let node = v;
  while (workspace.parentNodeOf(node) >= 0) {
    const parent = workspace.parentNodeOf(node);
    const step = workspace.parentStepOf(node);
    steps.push(stepInto(graph, node, parent, workspace.parentEdgeOf(node), step, workspace.stepLevelOf(node), startsNextResolve(workspace, node)));
    node = parent;
  }
  return steps.reverse();
}

export interface RadiusSourceInfo {
  refs: string[];
  description: string;
  nodes: number[];
}

export interface RadiusResultOptions {
  maxHops: number | null;
  exposures: TExposure[];
  whatIf: string[];
  timings: TTiming[];
}

export function toRadiusResult(
  workspace: RadiusWorkspace,
  source: RadiusSourceInfo,
  options: RadiusResultOptions,
  before: TSummary | null = null,
): TRadiusResult {
  const graph = workspace.graph;
  const nodes: TReachedNode[] = [];
  const edges: TRadiusResult["edges"] = [];
  for (let i = 0; i < workspace.count; i++) {
    const v = workspace.order[i];
    const path = explainPath(workspace, v);
    const kind = graph.kindOf(v);
    nodes.push({
      id: graph.ids[v],
      key: graph.keys[v],
      kind,
      name: graph.names[v],
      hops: workspace.hopsOf(v),
      generation: workspace.generationOf(v),
      exposure: EXPOSURE_BY_RANK[workspace.exposureOf(v)],
      path,
      timing: timingOf(workspace, v),
      ...(workspace.isAssumed(v) ? { assumed: true } : {}),
      ...(kind === "system" ? { privilege: PRIVILEGE_BY_RANK[workspace.privilegeOf(v)], criticality: CRITICALITY_BY_RANK[graph.criticality[v]] } : {}),
      ...ownerField(graph, v),
    });
    const last = path.at(-1);
    if (last) edges.push({ kind: last.kind, from: last.from, to: last.to, exposure: last.exposure ?? null, privilege: last.privilege ?? null });
  }
  return {
    source: { refs: source.refs, nodes: source.nodes.map((v) => graph.describe(v)), description: source.description },
    options,
    graphVersion: graph.version,
    summary: summarizeRadius(workspace),
    nodes,
    edges,
    rotationPlan: buildRotationPlan(workspace),
    pinnedNotReached: pinnedNotReached(workspace),
    before,
  };
}
