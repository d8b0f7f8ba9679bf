import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TExposure, TNodeKind } from "@/lib/schemas/graph-facts";
import type { TReachedNode } from "@/lib/schemas/radius";
import { groupPlural, groupWords, importantRole, pictureGroupOf, type TPictureGroup } from "./picture-groups";
import { columnOf, type TRadiusStage } from "./radius-layout";

// Semantic zoom for the blast-radius picture. A column of 34 secrets drawn one by one is 34 rows
// that no zoom level shows readably at once (issue 13: the first fit of the demo advisory was
// zoom 0.3, labels hidden). So a long column keeps its most important nodes and folds the rest,
// kind by kind, into one summary node ("26 secrets", counted by exposure and timing) that a click
// expands. The order of `nodes` is the importance order: the server sends the most important
// first (lib/engine/radius-page.ts), so "the first few" are the ones an incident starts with.
//
// A radius of 24,000 nodes needs more than that (issue 14): the picture draws every loaded node,
// so besides the long columns, nodes past a budget of NODE_BUDGET are folded too; in a band of more
// than GROUP_BY_OWNER_ABOVE nodes the folded nodes of a kind are grouped by repository or owner
// (picture-groups.ts), at most MAX_GROUPS_PER_KIND groups and "other …" for the rest; and opening
// a group of thousands draws EXPAND_PAGE of them at a time, the rest staying counted.

/** A column holding more nodes than this is summarised. */
export const SUMMARISE_ABOVE = 12;
/** How many nodes of a summarised column stay drawn one by one. */
export const KEEP_PER_SUMMARISED_COLUMN = 8;
/** Nodes drawn one by one, beyond the ones always drawn, before the rest are folded (about 1,400 elements with their edges). */
export const NODE_BUDGET = 600;
/** Critical systems and publish rights drawn one by one, most important first: every one, in any real organisation. */
export const IMPORTANT_BUDGET = 300;
/** A band (worm generation) holding more nodes than this groups its folded nodes by repository or owner. */
export const GROUP_BY_OWNER_ABOVE = 300;
/** Named groups per kind in one column; the rest of the kind is one "other …" group. */
export const MAX_GROUPS_PER_KIND = 6;
/** Members of a group drawn one by one each time it is opened further. */
export const EXPAND_PAGE = 200;

export type TSummarisable = Pick<TReachedNode, "id" | "key" | "kind" | "hops" | "generation" | "exposure" | "timing"> &
  Partial<Pick<TReachedNode, "owner" | "criticality">>;

export interface TColumnSummary {
  /**
   * "summary:<generation>:<stage>:<kind>[:repository:<name>|:owner:<name>]", then "#p<page>" when
   * the group is opened in part: stable while the radius changes, so an expansion survives a what-if
   */
  id: string;
  /** the id without "#<page>": what collapsing acts on */
  groupId: string;
  generation: number;
  stage: TRadiusStage;
  kind: TNodeKind;
  /** what the members share beyond kind and column; null for a kind's ungrouped rest */
  group: TPictureGroup | null;
  /** the rest of a kind beside named groups ("other secrets"), with how many groups it folds in */
  rest: { repositories: number; owners: number } | null;
  /** members of the group already drawn one by one (it was opened a page at a time) */
  opened: number;
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
  /** groups the user opened, each with every member (for "Collapse …") */
  opened: TColumnSummary[];
  /** node id → id of the summary standing for it */
  summaryOf: Map<number, string>;
  /** node id → id of the opened group it is drawn from */
  openedFrom: Map<number, string>;
}

export interface TSummariseOptions {
  sourceIds: ReadonlySet<number>;
  /** summary ids the user expanded: their members are drawn one by one (see idsToOpen) */
  expanded?: ReadonlySet<string>;
  /** nodes never folded away (the compromised, the assumed-compromised) */
  alwaysShown?: ReadonlySet<number>;
  summariseAbove?: number;
  keep?: number;
  nodeBudget?: number;
  importantBudget?: number;
  groupAbove?: number;
  maxGroupsPerKind?: number;
  expandPage?: number;
}

export const summaryId = (column: { generation: number; stage: TRadiusStage }, kind: TNodeKind, group: TPictureGroup | null = null): string =>
  `summary:${column.generation}:${column.stage}:${kind}${group ? `:${group.by}:${group.name}` : ""}`;
export const isSummaryId = (id: string): boolean => id.startsWith("summary:");

const PAGE_MARK = "#p";
const PAGED = /#p(\d+)$/;
/** The group a summary id belongs to: "summary:…:secret#p3" → "summary:…:secret". */
export const groupIdOf = (id: string): string => id.replace(PAGED, "");
const pageOf = (id: string): number => Number(PAGED.exec(id)?.[1] ?? 1);

/** The ids to add to `expanded` so this summary's members are drawn (every page up to it). */
export function idsToOpen(id: string): string[] {
  const groupId = groupIdOf(id);
  return Array.from({ length: pageOf(id) }, (_, i) => (i === 0 ? groupId : `${groupId}${PAGE_MARK}${i + 1}`));
}

/** `expanded` without a group and its pages: the group is folded again. */
export function collapseGroup(expanded: ReadonlySet<string>, groupId: string): Set<string> {
  return new Set([...expanded].filter((id) => groupIdOf(id) !== groupId));
}

/** How many pages of a group are open: its id, then "#p2", "#p3"… without a gap. */
function openPages(groupId: string, expanded: ReadonlySet<string>): number {
  if (!expanded.has(groupId)) return 0;
  let pages = 1;
  while (expanded.has(`${groupId}${PAGE_MARK}${pages + 1}`)) pages++;
  return pages;
}

interface TFoldGroup<T> {
  column: { generation: number; stage: TRadiusStage };
  kind: TNodeKind;
  group: TPictureGroup | null;
  rest: TColumnSummary["rest"];
  members: T[];
}

export function summariseColumns<T extends TSummarisable>(nodes: readonly T[], options: TSummariseOptions): TSummarisedColumns<T> {
  const limit = options.summariseAbove ?? SUMMARISE_ABOVE;
  const empty = { summaries: [], opened: [], summaryOf: new Map(), openedFrom: new Map() };
  // "every node one by one" (the picture without semantic zoom, for comparison)
  if (!Number.isFinite(limit)) return { shown: [...nodes], ...empty };
  const keep = Math.min(limit, options.keep ?? KEEP_PER_SUMMARISED_COLUMN);
  const budget = options.nodeBudget ?? NODE_BUDGET;
  const expanded = options.expanded ?? new Set<string>();
  const alwaysShown = options.alwaysShown ?? new Set<number>();
  // the compromised and the assumed-compromised are never folded; critical systems and publish
  // rights only past IMPORTANT_BUDGET of them, into a group of their own
  const roles = new Map<number, TPictureGroup>();
  let important = 0;
  for (const node of nodes) {
    if (options.sourceIds.has(node.id) || alwaysShown.has(node.id)) continue;
    const role = importantRole(node, false);
    if (role && important++ >= (options.importantBudget ?? IMPORTANT_BUDGET)) roles.set(node.id, role);
  }
  const pinned = (node: T) => options.sourceIds.has(node.id) || alwaysShown.has(node.id) || (importantRole(node, false) !== null && !roles.has(node.id));

  const columns = new Map<string, T[]>();
  const bandSize = new Map<number, number>();
  const columnById = new Map<number, TFoldGroup<T>["column"]>();
  for (const node of nodes) {
    const column = columnOf(node, options.sourceIds.has(node.id));
    columnById.set(node.id, column);
    const key = `${column.generation}:${column.stage}`;
    const members = columns.get(key);
    if (members) members.push(node);
    else columns.set(key, [node]);
    bandSize.set(column.generation, (bandSize.get(column.generation) ?? 0) + 1);
  }

  // which nodes fold: all but the first `keep` of a long column, then whatever exceeds the budget
  const folds = new Set<number>();
  for (const members of columns.values()) {
    if (members.length <= limit) continue;
    let kept = 0;
    for (const node of members) {
      if (pinned(node)) continue;
      if (kept < keep) kept++;
      else folds.add(node.id);
    }
  }
  for (const id of roles.keys()) folds.add(id);
  let loose = 0;
  for (const node of nodes) {
    if (pinned(node) || folds.has(node.id)) continue;
    if (loose < budget) loose++;
    else folds.add(node.id);
  }

  const groups = foldGroups(
    nodes.filter((node) => folds.has(node.id)),
    columnById,
    roles,
    (generation) => (bandSize.get(generation) ?? 0) > (options.groupAbove ?? GROUP_BY_OWNER_ABOVE),
    options.maxGroupsPerKind ?? MAX_GROUPS_PER_KIND,
  );

  const page = options.expandPage ?? EXPAND_PAGE;
  const folded = new Set<number>();
  const summaries: TColumnSummary[] = [];
  const opened: TColumnSummary[] = [];
  const summaryOf = new Map<number, string>();
  const openedFrom = new Map<number, string>();
  for (const fold of groups) {
    const groupId = summaryId(fold.column, fold.kind, fold.group);
    // a summary of one node hides nothing
    if (fold.members.length < 2) continue;
    const pages = openPages(groupId, expanded);
    const shownCount = Math.min(fold.members.length, pages * page);
    const hidden = fold.members.slice(shownCount);
    if (pages > 0) {
      opened.push(summaryOfFold(fold, groupId, groupId, fold.members, 0));
      // a last member alone is drawn, not summarised: it belongs to the opened group too
      for (const node of hidden.length < 2 ? fold.members : fold.members.slice(0, shownCount)) openedFrom.set(node.id, groupId);
    }
    if (hidden.length < 2) continue;
    const summary = summaryOfFold(fold, pages === 0 ? groupId : `${groupId}${PAGE_MARK}${pages + 1}`, groupId, hidden, shownCount);
    for (const node of hidden) {
      folded.add(node.id);
      summaryOf.set(node.id, summary.id);
    }
    summaries.push(summary);
  }
  return { shown: nodes.filter((node) => !folded.has(node.id)), summaries, opened, summaryOf, openedFrom };
}

/**
 * The folded nodes by column and kind, then by repository or owner in a big band: at most
 * `maxGroups` named groups of two or more per kind (the largest), the rest of the kind together.
 */
function foldGroups<T extends TSummarisable>(
  folded: readonly T[],
  columnById: ReadonlyMap<number, TFoldGroup<T>["column"]>,
  roles: ReadonlyMap<number, TPictureGroup>,
  groupsBand: (generation: number) => boolean,
  maxGroups: number,
): TFoldGroup<T>[] {
  const byKind = new Map<string, { column: TFoldGroup<T>["column"]; kind: TNodeKind; named: Map<string, TFoldGroup<T>>; ungrouped: T[] }>();
  // critical systems and publish rights past their budget: a group of their own per column, never "other"
  const byRole = new Map<string, TFoldGroup<T>>();
  for (const node of folded) {
    const column = columnById.get(node.id)!;
    const role = roles.get(node.id);
    if (role) {
      const key = `${column.generation}:${column.stage}:${node.kind}:${role.name}`;
      const group = byRole.get(key) ?? { column, kind: node.kind, group: role, rest: null, members: [] };
      group.members.push(node);
      byRole.set(key, group);
      continue;
    }
    const key = `${column.generation}:${column.stage}:${node.kind}`;
    let entry = byKind.get(key);
    if (!entry) byKind.set(key, (entry = { column, kind: node.kind, named: new Map(), ungrouped: [] }));
    const group = groupsBand(column.generation) ? pictureGroupOf(node) : null;
    if (!group) {
      entry.ungrouped.push(node);
      continue;
    }
    const groupKey = `${group.by}:${group.name}`;
    const named = entry.named.get(groupKey) ?? { column, kind: node.kind, group, rest: null, members: [] };
    named.members.push(node);
    entry.named.set(groupKey, named);
  }

  const order = new Map(folded.map((node, index) => [node.id, index]));
  const result: TFoldGroup<T>[] = [...byRole.values()];
  for (const { column, kind, named, ungrouped } of byKind.values()) {
    // largest first; a stable sort keeps the more important of equal groups first
    const candidates = [...named.values()].filter((group) => group.members.length >= 2).sort((a, b) => b.members.length - a.members.length);
    const kept = candidates.slice(0, maxGroups);
    const keptSet = new Set(kept);
    const leftOver = [...named.values()].filter((group) => !keptSet.has(group));
    const restMembers = [...ungrouped, ...leftOver.flatMap((group) => group.members)];
    result.push(...kept);
    if (restMembers.length === 0) continue;
    const rest =
      kept.length > 0
        ? {
            repositories: leftOver.filter((group) => group.group?.by === "repository").length,
            owners: leftOver.filter((group) => group.group?.by === "owner").length,
          }
        : null;
    // the rest keeps the importance order of the column
    restMembers.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    result.push({ column, kind, group: null, rest, members: restMembers });
  }
  return result;
}

function summaryOfFold<T extends TSummarisable>(fold: TFoldGroup<T>, id: string, groupId: string, members: readonly T[], opened: number): TColumnSummary {
  const byExposure: Partial<Record<TExposure, number>> = {};
  for (const node of members) if (node.exposure) byExposure[node.exposure] = (byExposure[node.exposure] ?? 0) + 1;
  return {
    id,
    groupId,
    ...fold.column,
    kind: fold.kind,
    group: fold.group,
    rest: fold.rest,
    opened,
    memberIds: members.map((node) => node.id),
    byExposure,
    nextResolve: members.filter((node) => node.timing === "next-resolve").length,
    hops: Math.min(...members.map((node) => node.hops)),
  };
}

type TLabelled = Pick<TColumnSummary, "kind" | "memberIds"> & Partial<Pick<TColumnSummary, "group" | "rest" | "opened">>;

/** "26 secrets", "23 CI jobs in acme/web-app", "140 identities owned by team-payments", "400 more secrets", "12 other secrets". */
export function summaryLabel(summary: TLabelled): string {
  const plural = groupPlural(summary.kind, summary.group ?? null, NODE_KIND_REGISTRY[summary.kind].count.other);
  const qualifier = summary.opened ? "more " : summary.rest ? "other " : "";
  return `${summary.memberIds.length.toLocaleString("en")} ${qualifier}${plural}${groupWords(summary.group ?? null)}`;
}

/** "20 install · 6 job" and "4 next resolve": how the members are reached, in the picture's words; where the rest of a kind comes from. */
export function summaryDetail(summary: Pick<TColumnSummary, "byExposure" | "nextResolve" | "memberIds"> & Partial<Pick<TColumnSummary, "rest">>): string {
  const order: TExposure[] = ["install", "job", "runner", "runtime"];
  const exposures = order.flatMap((exposure) => (summary.byExposure[exposure] ? [`${summary.byExposure[exposure]} ${exposure}`] : []));
  const now = summary.memberIds.length - summary.nextResolve;
  const timing = summary.nextResolve === 0 ? "all now" : now === 0 ? "all next resolve" : `${now} now · ${summary.nextResolve} next`;
  const rest = summary.rest;
  const from = rest
    ? [
        rest.repositories ? `${rest.repositories} more repositor${rest.repositories === 1 ? "y" : "ies"}` : "",
        rest.owners ? `${rest.owners} more owner${rest.owners === 1 ? "" : "s"}` : "",
      ].filter(Boolean)
    : [];
  return [from.length ? `from ${from.join(" and ")}` : "", exposures.join(" · "), timing].filter(Boolean).join("\n");
}
