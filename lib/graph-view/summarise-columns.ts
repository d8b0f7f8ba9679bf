import { countOfKind } from "@/lib/labels/kinds";
import type { TExposure, TNodeKind } from "@/lib/schemas/graph-facts";
import type { TReachedNode } from "@/lib/schemas/radius";
import { columnOf, type TRadiusStage } from "./radius-layout";

// Semantic zoom for the blast-radius picture. A column of 34 secrets drawn one by one is 34 rows
// that no zoom level shows readably at once (issue 13: the first fit of the demo advisory was
// zoom 0.3, labels hidden). So a long column keeps its most important nodes and folds the rest,
// kind by kind, into one summary node ("26 secrets", counted by exposure and timing) that a click
// expands. The order of `nodes` is the importance order: the server sends the most important
// first (lib/graph-view/picture-of.ts), so "the first few" are the ones an incident starts with.

/** A column holding more nodes than this is summarised. */
export const SUMMARISE_ABOVE = 12;
/** How many nodes of a summarised column stay drawn one by one. */
export const KEEP_PER_SUMMARISED_COLUMN = 8;

export type TSummarisable = Pick<TReachedNode, "id" | "kind" | "hops" | "generation" | "exposure" | "timing">;

export interface TColumnSummary {
  /** "summary:<generation>:<stage>:<kind>": stable while the radius changes, so an expansion survives a what-if */
  id: string;
  generation: number;
  stage: TRadiusStage;
  kind: TNodeKind;
  memberIds: number[];
  /** members by the exposure on their way here (sources have none and are never summarised) */
  byExposure: Partial<Record<TExposure, number>>;
  /** members the attacker has only on the next resolve */
  nextResolve: number;
  /** the nearest member's hops, so the summary sorts like its nearest member */
  hops: number;
}

export interface TSummarisedColumns<T> {
  /** nodes drawn one by one, in their input order */
  shown: T[];
  summaries: TColumnSummary[];
  /** node id → id of the summary standing for it */
  summaryOf: Map<number, string>;
}

export interface TSummariseOptions {
  sourceIds: ReadonlySet<number>;
  /** summary ids the user expanded: their members are drawn one by one */
  expanded?: ReadonlySet<string>;
  /** nodes never folded away (the compromised, the assumed-compromised) */
  alwaysShown?: ReadonlySet<number>;
  summariseAbove?: number;
  keep?: number;
}

export const summaryId = (column: { generation: number; stage: TRadiusStage }, kind: TNodeKind): string =>
  `summary:${column.generation}:${column.stage}:${kind}`;
export const isSummaryId = (id: string): boolean => id.startsWith("summary:");

export function summariseColumns<T extends TSummarisable>(nodes: readonly T[], options: TSummariseOptions): TSummarisedColumns<T> {
  const limit = options.summariseAbove ?? SUMMARISE_ABOVE;
  const keep = Math.min(limit, options.keep ?? KEEP_PER_SUMMARISED_COLUMN);
  const expanded = options.expanded ?? new Set<string>();
  const alwaysShown = options.alwaysShown ?? new Set<number>();

  const columns = new Map<string, { column: ReturnType<typeof columnOf>; nodes: T[] }>();
  for (const node of nodes) {
    const column = columnOf(node, options.sourceIds.has(node.id));
    const key = `${column.generation}:${column.stage}`;
    const entry = columns.get(key) ?? { column, nodes: [] };
    entry.nodes.push(node);
    columns.set(key, entry);
  }

  const folded = new Set<number>();
  const summaries: TColumnSummary[] = [];
  const summaryOf = new Map<number, string>();
  for (const { column, nodes: members } of columns.values()) {
    if (members.length <= limit) continue;
    const candidates = new Map<TNodeKind, T[]>();
    let kept = 0;
    for (const node of members) {
      if (options.sourceIds.has(node.id) || alwaysShown.has(node.id)) continue;
      if (kept < keep) {
        kept++;
        continue;
      }
      candidates.set(node.kind, [...(candidates.get(node.kind) ?? []), node]);
    }
    for (const [kind, group] of candidates) {
      const id = summaryId(column, kind);
      // a summary of one node hides nothing; an expanded one shows its members
      if (group.length < 2 || expanded.has(id)) continue;
      const byExposure: Partial<Record<TExposure, number>> = {};
      for (const node of group) {
        folded.add(node.id);
        summaryOf.set(node.id, id);
        if (node.exposure) byExposure[node.exposure] = (byExposure[node.exposure] ?? 0) + 1;
      }
      summaries.push({
        id,
        ...column,
        kind,
        memberIds: group.map((node) => node.id),
        byExposure,
        nextResolve: group.filter((node) => node.timing === "next-resolve").length,
        hops: Math.min(...group.map((node) => node.hops)),
      });
    }
  }
  return { shown: nodes.filter((node) => !folded.has(node.id)), summaries, summaryOf };
}

/** "26 secrets" */
export const summaryLabel = (summary: Pick<TColumnSummary, "kind" | "memberIds">): string => countOfKind(summary.memberIds.length, summary.kind);

/** "20 install · 6 job" and "4 next resolve": how the members are reached, in the picture's words. */
export function summaryDetail(summary: Pick<TColumnSummary, "byExposure" | "nextResolve" | "memberIds">): string {
  const order: TExposure[] = ["install", "job", "runner", "runtime"];
  const exposures = order.flatMap((exposure) => (summary.byExposure[exposure] ? [`${summary.byExposure[exposure]} ${exposure}`] : []));
  const now = summary.memberIds.length - summary.nextResolve;
  const timing = summary.nextResolve === 0 ? "all now" : now === 0 ? "all next resolve" : `${now} now · ${summary.nextResolve} next`;
  return [exposures.join(" · "), timing].filter(Boolean).join("\n");
}
