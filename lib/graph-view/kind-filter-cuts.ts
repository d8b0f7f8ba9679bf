import type { TNodeKind } from "@/lib/schemas/graph-facts";
import type { TGraphView } from "@/lib/schemas/graph-view";
import { countOfKind } from "@/lib/labels/kinds";

// A kind filter does not only hide nodes: GET /api/graph/neighbourhood walks through shown kinds
// only, so everything behind a hidden secret (the identity it authenticates as, the system that
// identity reaches) is cut off too, and the picture gives no sign of it. This compares the walk the
// filter made with the one it would make showing one more kind, over the unfiltered neighbourhood,
// so the explorer can say what the filter costs and offer to show that kind.

export interface TKindCut {
  kind: TNodeKind;
  /** nodes of this kind the filter hides within the depth */
  hidden: number;
  /** nodes of shown kinds reached only through them */
  beyond: number;
  /** the unfiltered neighbourhood was capped: there may be more of both */
  atLeast: boolean;
}

type TWalkable = Pick<TGraphView, "focusId" | "nodes" | "edges" | "truncated">;

/** Nodes the server's walk reaches: `depth` hops over both edge directions, entering only `shown` kinds (the start always). */
export function walkShownKinds(view: Pick<TWalkable, "focusId" | "nodes" | "edges">, shown: ReadonlySet<TNodeKind>, depth: number): Set<number> {
  const kindOf = new Map(view.nodes.map((node) => [node.id, node.kind]));
  const neighbours = new Map<number, number[]>();
  const link = (from: number, to: number) => neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
  for (const edge of view.edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  if (view.focusId === null || !kindOf.has(view.focusId)) return new Set();
  const reached = new Set([view.focusId]);
  let frontier = [view.focusId];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        const kind = kindOf.get(other);
        if (reached.has(other) || kind === undefined || !shown.has(kind)) continue;
        reached.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return reached;
}

/**
 * For each kind the filter leaves out: how many of its nodes lie within the depth and how many
 * nodes of shown kinds lie only behind them. `unfiltered` is the neighbourhood without a kind
 * filter, same start, depth and exposure. Kinds that hide nothing are left out; the ones that cut
 * the most come first. No filter (every kind shown) cuts nothing.
 */
export function kindFilterCuts(unfiltered: TWalkable, shownKinds: readonly TNodeKind[], depth: number): TKindCut[] {
  if (shownKinds.length === 0) return [];
  const shown = new Set(shownKinds);
  const kindOf = new Map(unfiltered.nodes.map((node) => [node.id, node.kind]));
  const reachedNow = walkShownKinds(unfiltered, shown, depth);
  const leftOut = [...new Set(unfiltered.nodes.map((node) => node.kind))].filter((kind) => !shown.has(kind));
  const cuts: TKindCut[] = [];
  for (const kind of leftOut) {
    const reachedWith = walkShownKinds(unfiltered, new Set([...shown, kind]), depth);
    let hidden = 0;
    let beyond = 0;
    for (const id of reachedWith) {
      if (id === unfiltered.focusId || reachedNow.has(id)) continue;
      if (kindOf.get(id) === kind) hidden++;
      else beyond++;
    }
    if (hidden > 0) cuts.push({ kind, hidden, beyond, atLeast: unfiltered.truncated });
  }
  return cuts.sort((a, b) => b.beyond - a.beyond || b.hidden - a.hidden || a.kind.localeCompare(b.kind, "en"));
}

/** "12 secrets hidden by the kind filter; 30 nodes beyond them are not shown" */
export function kindCutText(cut: TKindCut): string {
  const more = cut.atLeast ? "at least " : "";
  const hidden = `${more}${countOfKind(cut.hidden, cut.kind)} hidden by the kind filter`;
  if (cut.beyond === 0) return hidden;
  const them = cut.hidden === 1 ? "it" : "them";
  return `${hidden}; ${more}${cut.beyond.toLocaleString("en")} node${cut.beyond === 1 ? "" : "s"} beyond ${them} ${cut.beyond === 1 ? "is" : "are"} not shown`;
}
