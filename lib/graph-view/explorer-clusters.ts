import type { TGraphElement, TNodeElementData } from "@/lib/graph-view/cytoscape-elements";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TNodeKind } from "@/lib/schemas/graph-facts";
import type { TExplorerGrouping } from "./explorer-view-state";
import { repositoryOfKey } from "./repository-of-key";

// Past one hop the explorer's picture is a hairball; drawing the nodes inside one box per kind or
// per repository (Cytoscape compound nodes) gives it a structure a person can read and name: "the
// ui-kit repository's jobs and secrets", "the 40 identities". Boxes rather than collapsed cluster
// nodes, because a collapsed cluster hides the very edges that make the explorer worth using;
// the layout (fCoSE, ELK) keeps each box's members together.

export type TGroupedBy = Exclude<TExplorerGrouping, "none">;

/** A box around a group of nodes; never selected or expanded (graph-style.ts gives it no events). */
export interface TClusterData {
  id: string;
  cluster: true;
  label: string;
  count: number;
}

export type TExplorerElement = TGraphElement | { group: "nodes"; data: TNodeElementData & { parent: string } } | { group: "nodes"; data: TClusterData };

const CLUSTER_PREFIX = "cluster:";
export const isClusterId = (id: string): boolean => id.startsWith(CLUSTER_PREFIX);

/** Which box a node goes in: its kind, or its repository ("other" when its key names none). */
export function clusterOf(node: { kind: TNodeKind; key: string }, by: TGroupedBy): { id: string; label: string } {
  if (by === "kind") return { id: `${CLUSTER_PREFIX}kind:${node.kind}`, label: NODE_KIND_REGISTRY[node.kind].plural };
  const repository = repositoryOfKey(node.key);
  return repository
    ? { id: `${CLUSTER_PREFIX}repository:${repository}`, label: repository }
    : { id: `${CLUSTER_PREFIX}repository:`, label: "Other (no repository)" };
}

/** The elements with every node placed in its group's box; the boxes come first, largest first. */
export function groupedElements(elements: readonly TGraphElement[], by: TExplorerGrouping): TExplorerElement[] {
  if (by === "none") return [...elements];
  const clusters = new Map<string, { label: string; count: number }>();
  const placed: TExplorerElement[] = elements.map((element) => {
    if (element.group !== "nodes") return element;
    const cluster = clusterOf(element.data, by);
    const entry = clusters.get(cluster.id) ?? { label: cluster.label, count: 0 };
    entry.count++;
    clusters.set(cluster.id, entry);
    return { ...element, data: { ...element.data, parent: cluster.id } };
  });
  const boxes: TExplorerElement[] = [...clusters]
    .sort(([, a], [, b]) => b.count - a.count || a.label.localeCompare(b.label, "en"))
    .map(([id, { label, count }]) => ({ group: "nodes", data: { id, cluster: true, label: `${label} · ${count.toLocaleString("en")}`, count } }));
  return [...boxes, ...placed];
}
