import { edgeElementId, nodeElementId, toNodeData, type TEdgeElementData, type TNodeElementData } from "@/lib/engine/cytoscape-elements";
import type { TPathStep, TRadiusResult } from "@/lib/schemas/radius";
import { layoutRadius, type TRadiusLayout } from "./radius-layout";

// The blast-radius picture as Cytoscape elements with preset positions, plus the decorations
// that make the layers readable (a shaded band per worm generation, a heading per column). Pure:
// the canvas only draws what this returns.

export interface TDecorationData {
  id: string;
  decoration: "band" | "heading";
  label: string;
  width?: number;
  height?: number;
}

/**
 * A reached node's element data: `nextResolve` when the attacker has it only on the next resolve
 * (drawn hollow, graph-style.ts), `restsOnAssumption` when its path assumes a write token.
 */
export interface TRadiusNodeData extends TNodeElementData {
  nextResolve: boolean;
  restsOnAssumption: boolean;
}

export type TRadiusElement =
  | { group: "nodes"; data: TRadiusNodeData; position: { x: number; y: number } }
  | { group: "nodes"; data: TDecorationData; position: { x: number; y: number } }
  | { group: "edges"; data: TEdgeElementData };

export interface TRadiusPicture {
  elements: TRadiusElement[];
  layout: TRadiusLayout;
  sourceElementIds: string[];
}

const HEADING_SPACE = 70;

export function radiusPicture(
  result: Pick<TRadiusResult, "nodes" | "edges" | "source">,
  options: { assumedCompromisedKeys?: ReadonlySet<string>; decorations?: boolean } = {},
): TRadiusPicture {
  const assumed = options.assumedCompromisedKeys ?? new Set<string>();
  const sourceIds = new Set(result.source.nodes.map((node) => node.id));
  // Sources are normally in `nodes` (hops 0); add any that are not so the picture starts somewhere.
  const drawn = [...result.nodes];
  const present = new Set(drawn.map((node) => node.id));
  for (const source of result.source.nodes) {
    if (!present.has(source.id)) drawn.push({ ...source, hops: 0, generation: 0, exposure: null, path: [], timing: "now" });
  }
  const layout = layoutRadius(drawn, { sourceIds });

  const elements: TRadiusElement[] = [];
  if (options.decorations !== false) {
    const top = Math.min(0, ...layout.bands.map((band) => band.y)) - HEADING_SPACE;
    const bottom = Math.max(0, ...layout.bands.map((band) => band.y + band.height));
    for (const band of layout.bands) {
      elements.push({
        group: "nodes",
        data: { id: `band:${band.generation}`, decoration: "band", label: band.label, width: band.width, height: bottom - top },
        position: { x: band.x + band.width / 2, y: (top + bottom) / 2 },
      });
    }
    for (const column of layout.columns) {
      elements.push({
        group: "nodes",
        data: { id: `heading:${column.generation}:${column.stage}`, decoration: "heading", label: `${column.label} (${column.count})` },
        position: { x: column.left + column.width / 2, y: top + HEADING_SPACE / 2 },
      });
    }
  }
  for (const node of drawn) {
    const data = toNodeData({ ...node, compromised: sourceIds.has(node.id), assumedCompromised: assumed.has(node.key), criticality: node.criticality ?? null, hiddenNeighbours: 0 });
    elements.push({
      group: "nodes",
      data: { ...data, nextResolve: node.timing === "next-resolve", restsOnAssumption: node.assumed === true },
      position: layout.positions.get(node.id)!,
    });
  }
  // Every explanation path must be drawable, so path steps are drawn even if `edges` omits them.
  const edges = new Map<string, TEdgeElementData>();
  const addEdge = (edge: Pick<TPathStep, "kind" | "from" | "to" | "exposure" | "privilege">) => {
    if (!present.has(edge.from) && !sourceIds.has(edge.from)) return;
    if (!present.has(edge.to) && !sourceIds.has(edge.to)) return;
    const id = edgeElementId(edge);
    if (edges.has(id)) return;
    edges.set(id, { id, source: nodeElementId(edge.from), target: nodeElementId(edge.to), kind: edge.kind, exposure: edge.exposure ?? "none", privilege: edge.privilege ?? null });
  };
  for (const edge of result.edges) addEdge(edge);
  for (const node of result.nodes) for (const step of node.path) addEdge(step);
  for (const data of edges.values()) elements.push({ group: "edges", data });

  return { elements, layout, sourceElementIds: [...sourceIds].map(nodeElementId) };
}

/** Element ids (nodes and edges) along a path, for the canvas's highlight. */
export function pathElementIds(path: readonly Pick<TPathStep, "kind" | "from" | "to">[], targetId?: number): string[] {
  const ids = new Set<string>();
  for (const step of path) {
    ids.add(nodeElementId(step.from));
    ids.add(nodeElementId(step.to));
    ids.add(edgeElementId(step));
  }
  if (targetId !== undefined) ids.add(nodeElementId(targetId));
  return [...ids];
}

export const isDecorationId = (id: string): boolean => id.startsWith("band:") || id.startsWith("heading:");
