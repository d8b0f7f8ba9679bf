import { edgeElementId, nodeElementId, toNodeData, type TEdgeElementData, type TNodeElementData } from "./cytoscape-elements";
import type { TPathStep, TRadiusResult, TReachedNode } from "@/lib/schemas/radius";
import { columnOf, layoutRadius, type TRadiusLayout } from "./radius-layout";
import { idsToOpen, NODE_BUDGET, summariseColumns, summaryDetail, summaryLabel, type TColumnSummary, type TSummariseOptions } from "./summarise-columns";

// The blast-radius picture as Cytoscape elements with preset positions, plus the decorations
// that make the layers readable (a shaded band per worm generation, a heading per column). Long
// columns are summarised (summarise-columns.ts) so the first view is one a person can read, and
// however big the radius, the picture holds fewer than PICTURE_ELEMENT_CAP elements. Pure: the
// canvas only draws what this returns.

/**
 * Elements the picture holds at most: about where the canvas renderer still keeps up (past that
 * it stutters, and layout and drawing of 160k elements took 27 s). The table lists every node.
 */
export const PICTURE_ELEMENT_CAP = 2000;

export interface TDecorationData {
  id: string;
  decoration: "band" | "heading";
  label: string;
  width?: number;
  height?: number;
  /**
   * On screen the column headings are HTML above the canvas (radius-headers.tsx), readable at any
   * zoom; these copies are drawn only into the PNG export, which has no HTML.
   */
  printOnly?: boolean;
}

/**
 * A reached node's element data: `nextResolve` when the attacker has it only on the next resolve
 * (drawn hollow, graph-style.ts), `restsOnAssumption` when its path assumes a write token, and
 * `detail`, the label's second line saying how and when it is reached ("install · now").
 */
export interface TRadiusNodeData extends TNodeElementData {
  nextResolve: boolean;
  restsOnAssumption: boolean;
  detail: string;
}

/** A summary node standing for several nodes of one kind in one column (summarise-columns.ts). */
export interface TSummaryNodeData extends TRadiusNodeData {
  summary: true;
  count: number;
}

/** An edge drawn for `count` edges of the radius, when an end of them is folded into a summary. */
export interface TRadiusEdgeData extends TEdgeElementData {
  count: number;
}

export type TRadiusElement =
  | { group: "nodes"; data: TRadiusNodeData | TSummaryNodeData; position: { x: number; y: number } }
  | { group: "nodes"; data: TDecorationData; position: { x: number; y: number } }
  | { group: "edges"; data: TRadiusEdgeData };

export type TRadiusInput = Pick<TRadiusResult, "nodes" | "edges" | "source">;

export interface TRadiusPictureOptions {
  assumedCompromisedKeys?: ReadonlySet<string>;
  decorations?: boolean;
  /** summaries the user expanded (ids from TColumnSummary) */
  expanded?: ReadonlySet<string>;
  /** summarise columns longer than this; Infinity draws every node one by one */
  summariseAbove?: number;
  /** nodes drawn one by one besides those always drawn (summarise-columns.ts) */
  nodeBudget?: number;
}

export interface TRadiusPicture {
  elements: TRadiusElement[];
  layout: TRadiusLayout;
  sourceElementIds: string[];
  summaries: TColumnSummary[];
  /** groups the user opened (summarise-columns.ts), for "Collapse …" */
  opened: TColumnSummary[];
  /** element id of a node drawn because its group was opened → the group's id, to fold it back */
  openedFrom: Map<string, string>;
  /** element id of a node or edge folded into a summary → the element drawn for it */
  drawnAs: Map<string, string>;
  /** what the picture was drawn from, so expandSummary can redraw it with more shown */
  drawnFrom: { radius: TRadiusInput; options: TRadiusPictureOptions };
}

const HEADING_SPACE = 70;
/** wide enough for a label of LABEL_CHARS characters right of its node at the picture's font size */
const COLUMN_WIDTH = 250;
/** room for a label of two lines (three for a summary) beside each node */
const ROW_HEIGHT = 58;
const LABEL_CHARS = 22;

const shortName = (name: string) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name);

/** The second label line of a reached node: the exposure on its way here and when the attacker has it. */
export function reachDetail(node: Pick<TReachedNode, "exposure" | "timing">, isSource: boolean): string {
  if (isSource) return "compromised";
  return `${node.exposure ?? "reached"} · ${node.timing === "next-resolve" ? "next resolve" : "now"}`;
}

/**
 * The picture of a radius, as many nodes drawn one by one as fit under PICTURE_ELEMENT_CAP. With
 * many generations or many edges into groups the default budgets can be too much, so it is drawn
 * with fewer loose nodes, then none, and at last the coarsest picture: no node one by one but the
 * sources and the ones marked compromised, a group per kind and column. Coarser than that the
 * picture cannot get; the cap holds unless a radius has hundreds of columns.
 */
export function radiusPicture(result: TRadiusInput, options: TRadiusPictureOptions = {}): TRadiusPicture {
  if (!Number.isFinite(options.summariseAbove ?? 0)) return drawRadiusPicture(result, options, {});
  const nodeBudget = options.nodeBudget ?? NODE_BUDGET;
  const attempts: TPictureBudgets[] = [{ nodeBudget }, { nodeBudget: Math.floor(nodeBudget / 4) }, { nodeBudget: 0 }, COARSEST];
  let picture = drawRadiusPicture(result, options, attempts[0]);
  for (const budgets of attempts.slice(1)) {
    if (picture.elements.length < PICTURE_ELEMENT_CAP) break;
    picture = drawRadiusPicture(result, options, budgets);
  }
  return picture;
}

type TPictureBudgets = Pick<TSummariseOptions, "nodeBudget" | "importantBudget" | "maxGroupsPerKind">;
const COARSEST: TPictureBudgets = { nodeBudget: 0, importantBudget: 0, maxGroupsPerKind: 0 };

function drawRadiusPicture(result: TRadiusInput, options: TRadiusPictureOptions, budgets: TPictureBudgets): TRadiusPicture {
  const assumed = options.assumedCompromisedKeys ?? new Set<string>();
  const sourceIds = new Set(result.source.nodes.map((node) => node.id));
  // Sources are normally in `nodes` (hops 0); add any that are not so the picture starts somewhere.
  const reached: TReachedNode[] = [...result.nodes];
  const present = new Set(reached.map((node) => node.id));
  for (const source of result.source.nodes) {
    if (!present.has(source.id)) reached.push({ ...source, hops: 0, generation: 0, exposure: null, path: [], timing: "now" });
  }
  const { shown, summaries, opened, summaryOf, openedFrom } = summariseColumns(reached, {
    sourceIds,
    expanded: options.expanded,
    alwaysShown: new Set(reached.filter((node) => assumed.has(node.key)).map((node) => node.id)),
    summariseAbove: options.summariseAbove,
    ...budgets,
  });
  const layout = layoutRadius(
    [
      ...shown,
      ...summaries.map((summary) => ({
        id: summary.id,
        kind: summary.kind,
        name: summary.id,
        hops: summary.hops,
        generation: summary.generation,
        summary: true,
      })),
    ],
    { sourceIds, columnWidth: COLUMN_WIDTH, rowHeight: ROW_HEIGHT },
  );

  // a heading counts the whole column, the nodes folded into its summaries too
  const columnTotals = new Map<string, number>();
  for (const node of reached) {
    const column = columnOf(node, sourceIds.has(node.id));
    const key = `${column.generation}:${column.stage}`;
    columnTotals.set(key, (columnTotals.get(key) ?? 0) + 1);
  }
  for (const column of layout.columns) column.count = columnTotals.get(`${column.generation}:${column.stage}`) ?? column.count;

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
        data: { id: `heading:${column.generation}:${column.stage}`, decoration: "heading", label: `${column.label} (${column.count})`, printOnly: true },
        position: { x: column.left + column.width / 2, y: top + HEADING_SPACE / 2 },
      });
    }
  }
  for (const node of shown) {
    const isSource = sourceIds.has(node.id);
    const data = toNodeData({
      ...node,
      name: shortName(node.name),
      compromised: isSource,
      assumedCompromised: assumed.has(node.key),
      criticality: node.criticality ?? null,
      hiddenNeighbours: 0,
    });
    elements.push({
      group: "nodes",
      data: { ...data, nextResolve: node.timing === "next-resolve", restsOnAssumption: node.assumed === true, detail: reachDetail(node, isSource) },
      position: layout.positions.get(node.id)!,
    });
  }
  for (const summary of summaries) {
    elements.push({
      group: "nodes",
      data: {
        id: summary.id,
        kind: summary.kind,
        key: "",
        label: summaryLabel(summary),
        compromised: false,
        assumedCompromised: false,
        criticality: null,
        hiddenNeighbours: 0,
        nextResolve: summary.nextResolve === summary.memberIds.length,
        restsOnAssumption: false,
        detail: summaryDetail(summary),
        summary: true,
        count: summary.memberIds.length,
      },
      position: layout.positions.get(summary.id)!,
    });
  }

  // Every explanation path must be drawable, so path steps are drawn even if `edges` omits them.
  // An edge with an end folded into a summary is drawn to the summary, merged with its siblings
  // and counted, so 26 secrets exposed by one job draw one edge "×26": one edge per pair of drawn
  // ends, drawn with the exposure of the most important of them (the first).
  const drawnAs = new Map<string, string>();
  for (const [nodeId, summary] of summaryOf) drawnAs.set(nodeElementId(nodeId), summary);
  const edges = new Map<string, TRadiusEdgeData>();
  const seen = new Set<string>();
  /** false when the edge was added before */
  const addEdge = (edge: Pick<TPathStep, "kind" | "from" | "to" | "exposure" | "privilege">): boolean => {
    if (!present.has(edge.from) && !sourceIds.has(edge.from)) return true;
    if (!present.has(edge.to) && !sourceIds.has(edge.to)) return true;
    const originalId = edgeElementId(edge);
    if (seen.has(originalId)) return false;
    seen.add(originalId);
    const source = summaryOf.get(edge.from) ?? nodeElementId(edge.from);
    const target = summaryOf.get(edge.to) ?? nodeElementId(edge.to);
    if (source === target) return true;
    const exposure = edge.exposure ?? "none";
    const merged = summaryOf.has(edge.from) || summaryOf.has(edge.to);
    const id = merged ? `merged:${source}:${target}` : originalId;
    if (merged) drawnAs.set(originalId, id);
    const existing = edges.get(id);
    if (existing) existing.count++;
    else edges.set(id, { id, source, target, kind: edge.kind, exposure, privilege: edge.privilege ?? null, count: 1 });
    return true;
  };
  for (const edge of result.edges) addEdge(edge);
  // A path is its parent's path plus one step (the engine explains each node from its parent), so
  // walking it backwards can stop at the first step already added: what comes before it is the
  // path of a node walked on its own. A worm's paths are 50 steps long; 24,000 of them are not walked whole.
  for (const node of result.nodes) {
    for (let i = node.path.length - 1; i >= 0; i--) if (!addEdge(node.path[i])) break;
  }
  for (const data of edges.values()) elements.push({ group: "edges", data });

  return {
    elements,
    layout,
    sourceElementIds: [...sourceIds].map(nodeElementId),
    summaries,
    opened,
    openedFrom: new Map([...openedFrom].map(([nodeId, groupId]) => [nodeElementId(nodeId), groupId])),
    drawnAs,
    drawnFrom: { radius: result, options },
  };
}

/** The same picture with one more summary expanded (or several, or with `ids` replacing the set). */
export function redrawRadiusPicture(picture: TRadiusPicture, expanded: ReadonlySet<string>): TRadiusPicture {
  return radiusPicture(picture.drawnFrom.radius, { ...picture.drawnFrom.options, expanded });
}

/**
 * `expanded` with one more summary opened (every page up to it), unless the picture would then
 * reach PICTURE_ELEMENT_CAP: then the set unchanged and the reason in words.
 */
export function openSummary(
  picture: TRadiusPicture,
  expanded: ReadonlySet<string>,
  id: string,
): { expanded: ReadonlySet<string>; picture: TRadiusPicture; refused: string | null } {
  const next = new Set([...expanded, ...idsToOpen(id)]);
  const opened = redrawRadiusPicture(picture, next);
  if (opened.elements.length < PICTURE_ELEMENT_CAP) return { expanded: next, picture: opened, refused: null };
  const summary = picture.summaries.find((candidate) => candidate.id === id);
  const what = summary ? summaryLabel(summary) : "this group";
  return {
    expanded,
    picture,
    refused: `Opening ${what} would draw ${opened.elements.length.toLocaleString("en")} elements, more than the ${PICTURE_ELEMENT_CAP.toLocaleString("en")} the picture holds: collapse an open group first, or use the table.`,
  };
}

/** Highlight ids mapped to what is drawn: a path through a folded node lights up its summary. */
export function drawnIds(picture: Pick<TRadiusPicture, "drawnAs">, ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => picture.drawnAs.get(id) ?? id))];
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
export { isSummaryId } from "./summarise-columns";
