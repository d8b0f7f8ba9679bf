import type { CollectionArgument, LayoutOptions } from "cytoscape";

// Layout choices for Blastmap graphs. Measured here at 1k nodes: breadthfirst ~30 ms, fcose
// ~4.7 s, dagre ~25 s; so the heavy layouts run only up to a node budget and larger views fall
// back to breadthfirst, which the UI says out loud (see effectiveLayout).

export const GRAPH_LAYOUTS = ["fcose", "elk", "breadthfirst", "concentric", "grid", "preset"] as const;
export type TGraphLayoutName = (typeof GRAPH_LAYOUTS)[number];

export const LAYOUT_LABELS: Record<TGraphLayoutName, string> = {
  fcose: "Force-directed (fCoSE)",
  elk: "Layered (ELK)",
  breadthfirst: "Breadth-first tree",
  concentric: "Concentric",
  grid: "Grid",
  preset: "Positions given by the caller",
};

/** Above these node counts a layout is too slow to run in the browser. */
export const LAYOUT_NODE_BUDGET: Record<TGraphLayoutName, number> = {
  fcose: 1500,
  elk: 1000,
  breadthfirst: Number.POSITIVE_INFINITY,
  concentric: 20_000,
  grid: Number.POSITIVE_INFINITY,
  preset: Number.POSITIVE_INFINITY,
};

export interface EffectiveLayout {
  name: TGraphLayoutName;
  /** set when the requested layout was replaced, with the reason to show */
  fallbackReason: string | null;
}

export function effectiveLayout(requested: TGraphLayoutName, nodeCount: number): EffectiveLayout {
  if (nodeCount <= LAYOUT_NODE_BUDGET[requested]) return { name: requested, fallbackReason: null };
  return {
    name: "breadthfirst",
    fallbackReason: `${LAYOUT_LABELS[requested]} runs only up to ${LAYOUT_NODE_BUDGET[requested].toLocaleString("en")} nodes; showing ${nodeCount.toLocaleString("en")} nodes breadth-first instead.`,
  };
}

// With group boxes (compound nodes) the edges between boxes pull every box onto the hubs they
// share; a stronger pull towards each box's own centre and longer edges between boxes keep the
// boxes apart and their members together.
const FCOSE_COMPOUND = { gravityCompound: 3, gravityRangeCompound: 0.8, nestingFactor: 0.4, idealEdgeLength: () => 140, nodeRepulsion: () => 9000 };

/**
 * Cytoscape options for a layout; `roots` are the nodes to put first (the focus), as a collection.
 * `compound`: some nodes are drawn inside others (group boxes).
 */
export function layoutOptions(
  name: TGraphLayoutName,
  nodeCount: number,
  roots?: CollectionArgument,
  { compound = false }: { compound?: boolean } = {},
): LayoutOptions {
  const common = { fit: true, padding: 30, animate: false };
  switch (name) {
    case "fcose":
      // draft quality skips the spectral refinement pass, ~3× faster, fine beyond a few hundred nodes
      return {
        ...common,
        name: "fcose",
        quality: nodeCount > 400 ? "draft" : "default",
        randomize: true,
        nodeRepulsion: () => 6500,
        idealEdgeLength: () => 90,
        packComponents: true,
        nodeDimensionsIncludeLabels: false,
        ...(compound ? FCOSE_COMPOUND : {}),
      } as LayoutOptions;
    case "elk":
      return {
        ...common,
        name: "elk",
        nodeDimensionsIncludeLabels: false,
        // edges between group boxes are laid out with the boxes' contents, not after them
        elk: {
          algorithm: "layered",
          "elk.direction": "RIGHT",
          "elk.layered.spacing.nodeNodeBetweenLayers": 90,
          "elk.spacing.nodeNode": 30,
          ...(compound ? { "elk.hierarchyHandling": "INCLUDE_CHILDREN" } : {}),
        },
      } as LayoutOptions;
    case "breadthfirst":
      return {
        ...common,
        name: "breadthfirst",
        directed: true,
        roots: roots && roots.length ? roots : undefined,
        spacingFactor: nodeCount > 1000 ? 0.9 : 1.25,
        avoidOverlap: nodeCount <= 1000,
      } as LayoutOptions;
    case "concentric":
      return { ...common, name: "concentric", minNodeSpacing: 12, avoidOverlap: nodeCount <= 1000 } as LayoutOptions;
    case "grid":
      return { ...common, name: "grid", avoidOverlap: false } as LayoutOptions;
    case "preset":
      // positions come from each node element's `position`
      return { ...common, name: "preset" } as LayoutOptions;
  }
}
