import { EXPOSURE_BY_RANK, PRIVILEGE_BY_RANK, CRITICALITY_BY_RANK, NODE_KIND_CODE } from "./graph";
import type { RadiusWorkspace } from "./radius";
import {
  ownerField,
  pinnedNotReached,
  startsNextResolve,
  stepInto,
  summarizeRadius,
  timingOf,
  type RadiusResultOptions,
  type RadiusSourceInfo,
} from "./radius-result";
import { buildRotationPlan } from "./rotation";
import { STEP_NAMES } from "./steps";
import type { TRadiusResult } from "@/lib/schemas/radius";

// The same ZRadiusResult JSON as JSON.stringify(toRadiusResult(…)), written piece by piece. A
// radius of 80,000 nodes explains each one with its whole chain (about 20 steps), which is
// ~190 MB of JSON: built as objects and then stringified it costs a gigabyte of memory; written in
// chunks of a few hundred nodes to a socket or stdout, it costs one chunk. Each step's JSON is
// made once and shared by every path that passes through it.

const K = NODE_KIND_CODE;
const NODES_PER_CHUNK = 500;

/** One page of the answer: which reached vertices, whether their paths are spelled out, and the page's own facts. */
export interface RadiusJsonPage {
  vertices: Int32Array;
  includePaths: boolean;
  rotationRows: number;
  info: Omit<NonNullable<TRadiusResult["page"]>, "rotationPlanTotal">;
  rotationPlan: TRadiusResult["rotationPlan"];
}

/**
 * Yields the answer as JSON text in order. The workspace must not be walked again until the
 * generator is finished (give it a workspace of its own when chunks cross an await).
 */
export function* radiusJsonChunks(
  workspace: RadiusWorkspace,
  source: RadiusSourceInfo,
  options: RadiusResultOptions,
  before: TRadiusResult["summary"] | null = null,
  nodesPerChunk = NODES_PER_CHUNK,
  page: RadiusJsonPage | null = null,
): Generator<string> {
  const vertices = page?.vertices ?? workspace.order.subarray(0, workspace.count);
  const includePaths = page?.includePaths ?? true;
  const graph = workspace.graph;
  const head: Omit<TRadiusResult, "nodes" | "edges" | "rotationPlan" | "before"> = {
    source: { refs: source.refs, nodes: source.nodes.map((v) => graph.describe(v)), description: source.description },
    options,
    graphVersion: graph.version,
    summary: summarizeRadius(workspace),
    pinnedNotReached: pinnedNotReached(workspace),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"nodes":[`;

  // one JSON text per reached node's own step (the last step of its path)
  const stepText = new Map<number, string>();
  const ownStep = (v: number): string => {
    let text = stepText.get(v);
    if (text === undefined) {
      const step = stepInto(
        graph,
        v,
        workspace.parentNodeOf(v),
        workspace.parentEdgeOf(v),
        workspace.parentStepOf(v),
        workspace.stepLevelOf(v),
        startsNextResolve(workspace, v),
      );
      stepText.set(v, (text = JSON.stringify(step)));
    }
    return text;
  };
  const chain: string[] = [];
  let chunk = "";
  for (let i = 0; i < vertices.length; i++) {
    const v = vertices[i];
    chain.length = 0;
    if (includePaths) for (let node = v; workspace.parentNodeOf(node) >= 0; node = workspace.parentNodeOf(node)) chain.push(ownStep(node));
    chain.reverse();
    const kind = graph.kind[v];
    const fields = {
      id: graph.ids[v],
      key: graph.keys[v],
      kind: graph.kindOf(v),
      name: graph.names[v],
      hops: workspace.hopsOf(v),
      generation: workspace.generationOf(v),
      exposure: EXPOSURE_BY_RANK[workspace.exposureOf(v)],
      timing: timingOf(workspace, v),
      ...(workspace.isAssumed(v) ? { assumed: true } : {}),
      ...(kind === K.system ? { privilege: PRIVILEGE_BY_RANK[workspace.privilegeOf(v)], criticality: CRITICALITY_BY_RANK[graph.criticality[v]] } : {}),
      ...ownerField(graph, v),
    };
    const text = JSON.stringify(fields);
    chunk += `${i ? "," : ""}${includePaths ? `${text.slice(0, -1)},"path":[${chain.join(",")}]}` : text}`;
    if ((i + 1) % nodesPerChunk === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}],"edges":[`;

  let first = true;
  chunk = "";
  for (let i = 0; i < vertices.length; i++) {
    const v = vertices[i];
    if (workspace.parentNodeOf(v) < 0) continue;
    const edge = {
      kind: STEP_NAMES[workspace.parentStepOf(v)],
      from: graph.ids[workspace.parentNodeOf(v)],
      to: graph.ids[v],
      exposure: EXPOSURE_BY_RANK[workspace.stepLevelOf(v)],
      privilege: PRIVILEGE_BY_RANK[graph.edgePrivilege[workspace.parentEdgeOf(v)]],
    };
    chunk += `${first ? "" : ","}${JSON.stringify(edge)}`;
    first = false;
    if ((i + 1) % (nodesPerChunk * 4) === 0) {
      yield chunk;
      chunk = "";
    }
  }
  stepText.clear();
  yield `${chunk}],"rotationPlan":[`;

  const plan = page ? page.rotationPlan.slice(0, page.rotationRows) : buildRotationPlan(workspace);
  for (let i = 0; i < plan.length; i += nodesPerChunk * 4) {
    yield `${i ? "," : ""}${plan
      .slice(i, i + nodesPerChunk * 4)
      .map((item) => JSON.stringify(item))
      .join(",")}`;
  }
  const pageInfo = page ? `,"page":${JSON.stringify({ ...page.info, rotationPlanTotal: page.rotationPlan.length })}` : "";
  yield `],"before":${JSON.stringify(before)}${pageInfo}}`;
}
