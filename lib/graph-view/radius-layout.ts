import type { TNodeKind } from "@/lib/schemas/graph-facts";

// The blast-radius picture's layout, computed here rather than by a Cytoscape layout: at 2,000
// elements breadthfirst ignores our stages, fcose takes seconds and dagre tens of seconds, while
// this is linear and deterministic (the same radius always draws the same picture, so a
// permalink restores the same view). The canvas draws it with the `preset` layout.
//
// Columns read left to right as the compromise spreads: the compromise itself, the contexts its
// code runs in, the secrets those expose, the identities those unlock, the systems and packages
// those reach. Each worm generation gets its own band of these columns further right.

export const RADIUS_STAGES = ["compromise", "contexts", "secrets", "identities", "reach"] as const;
export type TRadiusStage = (typeof RADIUS_STAGES)[number];

export const STAGE_LABELS: Record<TRadiusStage, string> = {
  compromise: "Compromise",
  contexts: "Runs in",
  secrets: "Secrets",
  identities: "Identities",
  reach: "Reaches",
};

export interface TLayoutNode {
  /** a node id, or the string id of a summary node standing for several (summarise-columns.ts) */
  id: number | string;
  kind: TNodeKind;
  name: string;
  hops: number;
  generation: number;
  /** a summary sits at the foot of its column, after the nodes drawn one by one */
  summary?: boolean;
}

export interface TLayoutOptions {
  /** ids of the radius's sources: always the first column of generation 0 */
  sourceIds: Iterable<number | string>;
  columnWidth?: number;
  rowHeight?: number;
  /** a column holding more nodes than this wraps into sub-columns, so 1,000 secrets stay readable */
  maxRowsPerColumn?: number;
  /** horizontal space between generation bands */
  bandGap?: number;
}

export interface TLayoutColumn {
  generation: number;
  stage: TRadiusStage;
  label: string;
  /** centre of the column's first sub-column */
  x: number;
  /** left edge of the column and its width across all sub-columns */
  left: number;
  width: number;
  count: number;
}

export interface TLayoutBand {
  generation: number;
  label: string;
  x: number;
  width: number;
  y: number;
  height: number;
}

export interface TRadiusLayout {
  positions: Map<number | string, { x: number; y: number }>;
  columns: TLayoutColumn[];
  bands: TLayoutBand[];
  /** stage of every node, for tables and legends */
  stageOf: Map<number | string, TRadiusStage>;
}

const KIND_STAGE: Record<TNodeKind, TRadiusStage> = {
  advisory: "compromise",
  publisher: "identities",
  package: "reach",
  packageVersion: "reach",
  context: "contexts",
  runner: "contexts",
  action: "contexts",
  secret: "secrets",
  identity: "identities",
  system: "reach",
};

/**
 * The stage a node is drawn in. Sources open the picture; a package or version reached in a
 * later generation is where that generation's compromise starts (the worm republished it), so
 * it opens that generation's band rather than closing the previous one.
 */
export function stageOf(node: Pick<TLayoutNode, "kind" | "generation">, isSource: boolean): TRadiusStage {
  if (isSource) return "compromise";
  if (node.generation > 0 && (node.kind === "package" || node.kind === "packageVersion")) return "compromise";
  return KIND_STAGE[node.kind];
}

/** The column a node is drawn in: its worm generation (sources open generation 0) and its stage. */
export function columnOf(node: Pick<TLayoutNode, "kind" | "generation">, isSource: boolean): { generation: number; stage: TRadiusStage } {
  return { generation: isSource ? 0 : Math.max(0, node.generation), stage: stageOf(node, isSource) };
}

const KIND_ORDER = new Map<TNodeKind, number>(
  (["advisory", "packageVersion", "package", "publisher", "context", "runner", "action", "secret", "identity", "system"] as TNodeKind[]).map((kind, index) => [
    kind,
    index,
  ]),
);

export function layoutRadius(nodes: readonly TLayoutNode[], options: TLayoutOptions): TRadiusLayout {
  const columnWidth = options.columnWidth ?? 180;
  const rowHeight = options.rowHeight ?? 50;
  const maxRows = Math.max(1, options.maxRowsPerColumn ?? 40);
  const bandGap = options.bandGap ?? 90;
  const sources = new Set(options.sourceIds);

  // Group by (generation, stage); each group is one column.
  const groups = new Map<string, { generation: number; stage: TRadiusStage; nodes: TLayoutNode[] }>();
  const stageById = new Map<number | string, TRadiusStage>();
  for (const node of nodes) {
    const { generation, stage } = columnOf(node, sources.has(node.id));
    stageById.set(node.id, stage);
    const id = `${generation}:${stage}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { generation, stage, nodes: [] }));
    group.nodes.push(node);
  }
  const maxGeneration = Math.max(0, ...[...groups.values()].map((group) => group.generation));

  // Nearest first, then by kind and name, so related rows sit together and the order is stable.
  const byRow = (a: TLayoutNode, b: TLayoutNode) =>
    Number(a.summary ?? false) - Number(b.summary ?? false) ||
    a.hops - b.hops ||
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
    a.name.localeCompare(b.name, "en") ||
    String(a.id).localeCompare(String(b.id), "en", { numeric: true });

  const positions = new Map<number | string, { x: number; y: number }>();
  const columns: TLayoutColumn[] = [];
  const bands: TLayoutBand[] = [];
  let maxHalfHeight = rowHeight / 2;
  let x = 0;
  for (let generation = 0; generation <= maxGeneration; generation++) {
    const bandStart = x;
    let usedAny = false;
    for (const stage of RADIUS_STAGES) {
      const group = groups.get(`${generation}:${stage}`);
      if (!group) continue;
      usedAny = true;
      const sorted = [...group.nodes].sort(byRow);
      const subColumns = Math.ceil(sorted.length / maxRows);
      const rows = Math.min(sorted.length, maxRows);
      const halfHeight = ((rows - 1) * rowHeight) / 2;
      maxHalfHeight = Math.max(maxHalfHeight, halfHeight + rowHeight / 2);
      const firstX = x + columnWidth / 2;
      sorted.forEach((node, index) => {
        const sub = Math.floor(index / maxRows);
        const row = index % maxRows;
        positions.set(node.id, { x: firstX + sub * columnWidth * 0.75, y: row * rowHeight - halfHeight });
      });
      const width = columnWidth + (subColumns - 1) * columnWidth * 0.75;
      columns.push({ generation, stage, label: STAGE_LABELS[stage], x: firstX, left: x, width, count: sorted.length });
      x += width;
    }
    if (usedAny) {
      bands.push({
        generation,
        label: generation === 0 ? "Original compromise" : `Generation ${generation}`,
        x: bandStart,
        width: x - bandStart,
        y: 0,
        height: 0,
      });
      x += bandGap;
    }
  }
  for (const band of bands) {
    band.y = -maxHalfHeight;
    band.height = maxHalfHeight * 2;
  }
  return { positions, columns, bands, stageOf: stageById };
}
