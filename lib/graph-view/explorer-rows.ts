import type { TNodeKind } from "@/lib/schemas/graph-facts";
import type { TGraphView } from "@/lib/schemas/graph-view";
import { repositoryOfKey } from "./repository-of-key";

// The explorer's nodes as rows, for the table view and the keyboard node list: what a person
// needs to find a node without the picture (kind, name, key, how far from the start, how
// connected, which repository).

export interface TExplorerRow {
  id: number;
  kind: TNodeKind;
  name: string;
  key: string;
  /** edges from the start node over what is drawn; null if unconnected to it */
  hops: number | null;
  /** all edges of the node in the current filters (drawn or not) */
  degree: number;
  /** of those, not drawn: what "expand" would add */
  hiddenNeighbours: number;
  repository: string | null;
}

export type TExplorerSortKey = "name" | "kind" | "key" | "hops" | "degree" | "repository";

/** Hop counts from `start` over the drawn edges, either direction. */
export function hopsFrom(start: number | null, edges: TGraphView["edges"]): Map<number, number> {
  const hops = new Map<number, number>();
  if (start === null) return hops;
  const neighbours = new Map<number, number[]>();
  for (const edge of edges) {
    neighbours.set(edge.from, [...(neighbours.get(edge.from) ?? []), edge.to]);
    neighbours.set(edge.to, [...(neighbours.get(edge.to) ?? []), edge.from]);
  }
  hops.set(start, 0);
  let frontier = [start];
  for (let hop = 1; frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        if (hops.has(other)) continue;
        hops.set(other, hop);
        next.push(other);
      }
    }
    frontier = next;
  }
  return hops;
}

/** Rows of the drawn view, nearest the start first. */
export function explorerRows(view: Pick<TGraphView, "nodes" | "edges">, start: number | null): TExplorerRow[] {
  const hops = hopsFrom(start, view.edges);
  const drawnDegree = new Map<number, number>();
  for (const edge of view.edges) {
    drawnDegree.set(edge.from, (drawnDegree.get(edge.from) ?? 0) + 1);
    if (edge.to !== edge.from) drawnDegree.set(edge.to, (drawnDegree.get(edge.to) ?? 0) + 1);
  }
  const rows = view.nodes.map((node) => ({
    id: node.id,
    kind: node.kind,
    name: node.name,
    key: node.key,
    hops: hops.get(node.id) ?? null,
    degree: node.degree ?? (drawnDegree.get(node.id) ?? 0) + node.hiddenNeighbours,
    hiddenNeighbours: node.hiddenNeighbours,
    repository: repositoryOfKey(node.key),
  }));
  return sortExplorerRows(rows, "hops", false);
}

const compareText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, "en"));
const compareNumber = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

/**
 * Rows in a column's order; ties fall back to nearest first, then by name. Rows without a value
 * (no repository, not connected) go last in either direction: "none" is not a value to sort.
 */
export function sortExplorerRows(rows: readonly TExplorerRow[], key: TExplorerSortKey, descending: boolean): TExplorerRow[] {
  const byColumn = (a: TExplorerRow, b: TExplorerRow): number => {
    const [left, right] = [a[key], b[key]];
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order = typeof left === "number" ? left - (right as number) : left.localeCompare(String(right), "en");
    return descending ? -order : order;
  };
  return [...rows].sort((a, b) => byColumn(a, b) || compareNumber(a.hops, b.hops) || compareText(a.name, b.name) || a.id - b.id);
}
