import type { EdgeSingular, NodeSingular, StylesheetStyle } from "cytoscape";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TExposure, TNodeKind } from "@/lib/schemas/graph-facts";

// Blastmap's visual language for graphs, shared by the explorer, the blast-radius page and the
// legend. Every kind has a shape, a colour and a glyph (lib/labels/kinds.ts, which every page
// reads); exposure is encoded by colour AND width, and by dash only on the canvas renderer,
// because the WebGL renderer draws every edge solid. Compromised nodes get a thick red border
// plus a red halo (underlay) and a ☣ prefix, so they read even in grayscale.
//
// Nodes the attacker reaches only on the next resolve (a range admits the bad version, the lockfile
// pins a clean one) are drawn hollow: a faint fill inside a thick ring of their kind's colour, with
// an italic label. The ring is solid on the WebGL renderer (no dashes there either), so the
// hollowness alone carries the meaning.
//
// Element data expected (see lib/graph-view/cytoscape-elements.ts):
//   nodes: { id, kind, label, compromised, assumedCompromised, hiddenNeighbours, nextResolve?,
//            detail? (more label lines, drawn right of the node), summary?, count? (a node
//            standing for `count` nodes, click to expand), decoration?, printOnly? }
//   edges: { id, source, target, kind, exposure: TExposure | "none", count? (merged edges) }
//   clusters: { id, cluster: true, label } — a box drawn around the nodes whose `parent` it is
//            (the explorer's "group by"), never tapped or selected
// Classes the canvas toggles: "highlighted" (on a path), "faded" (not on it), "focus" (root),
// "printing" (on every node while a PNG is drawn: print-only decorations appear).

export interface ExposureVisual {
  label: string;
  description: string;
  colour: string;
  width: number;
  /** drawn dashed/dotted on the canvas renderer only */
  lineStyle: "solid" | "dashed" | "dotted";
}

export const EXPOSURE_VISUALS: Record<TExposure | "none", ExposureVisual> = {
  install: { label: "install", description: "readable by install scripts", colour: "#ff3b3b", width: 5, lineStyle: "solid" },
  job: { label: "job", description: "later step of the same job", colour: "#ff9f1c", width: 3.5, lineStyle: "dashed" },
  runner: { label: "runner", description: "persistent self-hosted runner", colour: "#d946ef", width: 3, lineStyle: "dotted" },
  runtime: { label: "runtime", description: "only where the package is imported", colour: "#8fb3d9", width: 2, lineStyle: "dashed" },
  none: { label: "other relation", description: "no exposure level", colour: "#5b6b80", width: 1.5, lineStyle: "solid" },
};

export const COMPROMISED_COLOUR = "#ff1f4b";
/** the fill left inside a next-resolve node's ring */
export const NEXT_RESOLVE_FILL_OPACITY = 0.18;
export const HIGHLIGHT_COLOUR = "#ffffff";
export const GLYPH_COMPROMISED = "☣";

/**
 * Font size of the blast-radius picture's labels, and the zoom at which they render at
 * READABLE_FONT_PX: the picture opens at least that close (graph-canvas.tsx `minFitZoom`).
 */
export const RADIUS_FONT_SIZE = 13;
export const READABLE_FONT_PX = 11;
export const RADIUS_READABLE_ZOOM = READABLE_FONT_PX / RADIUS_FONT_SIZE;

/**
 * The label drawn with a node: glyph, name, "+N" when neighbours are undrawn, and on further lines
 * the `detail` a picture adds (the radius: how and when the node is reached).
 */
export function nodeDisplayLabel(data: {
  kind: TNodeKind;
  label: string;
  compromised?: boolean;
  assumedCompromised?: boolean;
  hiddenNeighbours?: number;
  detail?: string;
}): string {
  const mark = data.compromised || data.assumedCompromised ? `${GLYPH_COMPROMISED} ` : "";
  const more = data.hiddenNeighbours ? `  +${data.hiddenNeighbours}` : "";
  const name = data.label.length > 40 ? `${data.label.slice(0, 39)}…` : data.label;
  const detail = data.detail ? `\n${data.detail}` : "";
  return `${mark}${NODE_KIND_REGISTRY[data.kind]?.glyph ?? ""} ${name}${more}${detail}`;
}

export interface GraphStyleOptions {
  /** the WebGL renderer draws no dashes; lines stay solid and colour/width carry exposure */
  webgl: boolean;
  /** large graphs: smaller labels, hidden when zoomed out, straight edges */
  large: boolean;
}

/** The Cytoscape stylesheet for Blastmap graphs. */
export function graphStylesheet({ webgl, large }: GraphStyleOptions): StylesheetStyle[] {
  const kindRules = (Object.keys(NODE_KIND_REGISTRY) as TNodeKind[]).map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: NODE_KIND_REGISTRY[kind].shape, "background-color": NODE_KIND_REGISTRY[kind].colour },
  }));
  const nextResolveRules = (Object.keys(NODE_KIND_REGISTRY) as TNodeKind[]).map((kind) => ({
    selector: `node[kind = "${kind}"][?nextResolve]`,
    style: { "border-color": NODE_KIND_REGISTRY[kind].colour },
  }));
  const exposureRules = (Object.keys(EXPOSURE_VISUALS) as (TExposure | "none")[]).map((exposure) => {
    const visual = EXPOSURE_VISUALS[exposure];
    return {
      selector: `edge[exposure = "${exposure}"]`,
      style: {
        "line-color": visual.colour,
        "target-arrow-color": visual.colour,
        width: visual.width,
        "line-style": webgl ? "solid" : visual.lineStyle,
      },
    };
  });
  return [
    {
      selector: "node",
      style: {
        width: large ? 18 : 28,
        height: large ? 18 : 28,
        "border-width": 1,
        "border-color": "#0f1419",
        label: (node: NodeSingular) => nodeDisplayLabel(node.data() as Parameters<typeof nodeDisplayLabel>[0]),
        color: "#e6edf3",
        "font-size": large ? 8 : 11,
        "font-family": "DejaVu Sans, system-ui, sans-serif",
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-outline-color": "#0f1419",
        "text-outline-width": 2,
        "min-zoomed-font-size": large ? 9 : 6,
        "text-wrap": "none",
      },
    },
    ...kindRules,
    { selector: "node[hiddenNeighbours > 0]", style: { "border-width": 2, "border-color": "#93a1b3", "border-style": webgl ? "solid" : "dashed" } },
    {
      selector: "node[?nextResolve]",
      style: {
        "background-opacity": NEXT_RESOLVE_FILL_OPACITY,
        "border-width": 3,
        "border-style": webgl ? "solid" : "dashed",
        "font-style": "italic",
        color: "#b7c3d1",
      },
    },
    ...nextResolveRules,
    {
      selector: "node[?compromised], node[?assumedCompromised]",
      style: {
        "border-width": 6,
        "border-color": COMPROMISED_COLOUR,
        "border-style": "solid",
        "underlay-color": COMPROMISED_COLOUR,
        "underlay-padding": 10,
        "underlay-opacity": 0.45,
        "underlay-shape": "ellipse",
        color: "#ff8fa3",
        "font-weight": "bold",
      },
    },
    { selector: "node.focus", style: { width: large ? 26 : 40, height: large ? 26 : 40 } },
    // The blast-radius picture's labels: beside the node, two lines (name; exposure and timing),
    // big enough to read at the zoom the picture opens at (RADIUS_READABLE_ZOOM).
    {
      selector: "node[detail]",
      style: {
        "text-valign": "center",
        "text-halign": "right",
        "text-margin-x": 7,
        "text-margin-y": 0,
        "text-wrap": "wrap",
        "text-max-width": "215px",
        "font-size": RADIUS_FONT_SIZE,
        "line-height": 1.15,
      },
    },
    // A summary ("26 secrets"): bigger, a double white ring like a stack of cards, click to expand.
    {
      selector: "node[?summary]",
      style: { width: 40, height: 40, "border-width": 5, "border-style": "double", "border-color": "#e6edf3", "font-weight": "bold" },
    },
    // A group box (explorer "group by"): a quiet panel behind its members with its name on top,
    // shown at every zoom because it is what names the parts of a zoomed-out picture.
    {
      selector: "node[?cluster]",
      style: {
        events: "no",
        label: "data(label)",
        shape: "round-rectangle",
        "background-color": "#1c2531",
        "background-opacity": 0.6,
        "border-width": 1,
        "border-style": "solid",
        "border-color": "#3b4a5e",
        "text-valign": "top",
        "text-halign": "center",
        "text-margin-y": -6,
        "font-size": 20,
        "font-weight": "bold",
        color: "#d5dde7",
        "text-background-color": "#0f1419",
        "text-background-opacity": 0.75,
        "text-background-padding": "3px",
        "min-zoomed-font-size": 0,
        padding: "18px",
      },
    },
    { selector: "node:selected", style: { "overlay-color": "#4ea1ff", "overlay-opacity": 0.35, "overlay-padding": 8 } },
    {
      selector: "edge",
      style: {
        "curve-style": large ? "straight" : "bezier",
        "target-arrow-shape": "triangle",
        "arrow-scale": large ? 0.6 : 0.9,
        opacity: 0.85,
      },
    },
    ...exposureRules,
    {
      selector: "edge[count > 1]",
      style: {
        label: (edge: EdgeSingular) => `×${edge.data("count")}`,
        "font-size": 12,
        color: "#e6edf3",
        "text-background-color": "#0f1419",
        "text-background-opacity": 0.85,
        "text-background-padding": "2px",
        "text-rotation": "autorotate",
      },
    },
    { selector: ".faded", style: { opacity: 0.15 } },
    { selector: "node.highlighted", style: { "overlay-color": HIGHLIGHT_COLOUR, "overlay-opacity": 0.18, "overlay-padding": 6, opacity: 1 } },
    { selector: "edge.highlighted", style: { "line-color": HIGHLIGHT_COLOUR, "target-arrow-color": HIGHLIGHT_COLOUR, width: 5, opacity: 1, "z-index": 10 } },
    // Decorations of preset pictures (the blast-radius page's generation bands and column
    // headings, lib/graph-view/radius-elements.ts): drawn beneath everything, never tappable.
    {
      selector: "node[decoration]",
      style: {
        events: "no",
        label: "data(label)",
        shape: "rectangle",
        "border-width": 0,
        "background-opacity": 0,
        "underlay-opacity": 0,
        "overlay-opacity": 0,
        "font-weight": "bold",
        color: "#93a1b3",
        "min-zoomed-font-size": 0,
      },
    },
    {
      selector: 'node[decoration = "band"]',
      style: {
        width: "data(width)",
        height: "data(height)",
        "background-color": "#1c2531",
        "background-opacity": 0.6,
        "text-valign": "top",
        "text-margin-y": -8,
        "font-size": 24,
        "z-compound-depth": "bottom",
      },
    },
    // On screen the radius picture's band titles and column headings are HTML (radius-headers.tsx);
    // these Cytoscape copies exist for the PNG export only.
    { selector: 'node[decoration = "band"]', style: { "text-opacity": 0 } },
    { selector: 'node[decoration = "band"].printing', style: { "text-opacity": 1 } },
    { selector: "node[?printOnly]", style: { display: "none" } },
    { selector: "node[?printOnly].printing", style: { display: "element" } },
    {
      selector: 'node[decoration = "heading"]',
      style: { width: 1, height: 1, "text-valign": "center", "font-size": 15, "text-wrap": "wrap", "text-max-width": "150px" },
    },
    { selector: "node[decoration].faded", style: { opacity: 1 } },
  ];
}
