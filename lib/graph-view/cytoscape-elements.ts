import type { TGraphView, TGraphViewEdge, TGraphViewNode } from "@/lib/schemas/graph-view";

// Domain → Cytoscape element data, pure (no cytoscape import): the canvas draws whatever it is
// given, so the explorer and the blast-radius page build their elements here and nowhere else.
// Node ids are the stored node ids as strings; edge ids are derived from kind and endpoints so
// derived (radius-rule) edges without a stored id get a stable id too.

export interface TNodeElementData {
  id: string;
  kind: TGraphViewNode["kind"];
  key: string;
  label: string;
  compromised: boolean;
  assumedCompromised: boolean;
  criticality: string | null;
  /** undrawn neighbours; > 0 shows a "+N" badge */
  hiddenNeighbours: number;
}

export interface TEdgeElementData {
  id: string;
  source: string;
  target: string;
  kind: string;
  /** "none" when the edge carries no exposure level, so styles can select on it */
  exposure: NonNullable<TGraphViewEdge["exposure"]> | "none";
  privilege: TGraphViewEdge["privilege"];
}

/** `position` is used by the "preset" layout (a caller that computes its own layout). */
export type TGraphElement = { group: "nodes"; data: TNodeElementData; position?: { x: number; y: number } } | { group: "edges"; data: TEdgeElementData };

export const nodeElementId = (nodeId: number): string => String(nodeId);
export const edgeElementId = (edge: Pick<TGraphViewEdge, "kind" | "from" | "to">): string => `${edge.from}-${edge.kind}-${edge.to}`;

export function toNodeData(node: TGraphViewNode): TNodeElementData {
  return {
    id: nodeElementId(node.id),
    kind: node.kind,
    key: node.key,
    label: node.name,
    compromised: node.compromised,
    assumedCompromised: node.assumedCompromised,
    criticality: node.criticality ?? null,
    hiddenNeighbours: node.hiddenNeighbours,
  };
}

export function toNodeElement(node: TGraphViewNode): TGraphElement {
  return { group: "nodes", data: toNodeData(node) };
}

export function toEdgeElement(edge: TGraphViewEdge): TGraphElement {
  return {
    group: "edges",
    data: {
      id: edgeElementId(edge),
      source: nodeElementId(edge.from),
      target: nodeElementId(edge.to),
      kind: edge.kind,
      exposure: edge.exposure ?? "none",
      privilege: edge.privilege,
    },
  };
}

/** Elements of a view; edges whose endpoints are not in the view are dropped (Cytoscape rejects them). */
export function toCytoscapeElements(view: Pick<TGraphView, "nodes" | "edges">): TGraphElement[] {
  const nodeIds = new Set(view.nodes.map((node) => node.id));
  const nodes = view.nodes.map(toNodeElement);
  const edges = view.edges.filter((edge) => nodeIds.has(edge.from) && nodeIds.has(edge.to)).map(toEdgeElement);
  return [...nodes, ...edges];
}

/**
 * Merges an expansion into what is drawn: nodes and edges are unioned by id (the newer copy
 * wins). A node that knows its degree gets its "+N more" recounted against the edges now drawn,
 * because expanding a neighbour may have drawn edges an older response had left out.
 */
export function mergeGraphViews<V extends Pick<TGraphView, "nodes" | "edges">>(
  current: V,
  added: Pick<TGraphView, "nodes" | "edges">,
): Pick<TGraphView, "nodes" | "edges"> {
  const nodes = new Map(current.nodes.map((node) => [node.id, node]));
  for (const node of added.nodes) nodes.set(node.id, node);
  const edges = new Map(current.edges.map((edge) => [edgeElementId(edge), edge]));
  for (const edge of added.edges) if (nodes.has(edge.from) && nodes.has(edge.to)) edges.set(edgeElementId(edge), edge);
  const drawn = new Map<number, number>();
  for (const edge of edges.values()) {
    drawn.set(edge.from, (drawn.get(edge.from) ?? 0) + 1);
    if (edge.to !== edge.from) drawn.set(edge.to, (drawn.get(edge.to) ?? 0) + 1);
  }
  const recounted = [...nodes.values()].map((node) =>
    node.degree === undefined ? node : { ...node, hiddenNeighbours: Math.max(0, node.degree - (drawn.get(node.id) ?? 0)) },
  );
  return { nodes: recounted, edges: [...edges.values()] };
}
