import { EXPOSURES, NODE_KINDS, type TExposure, type TNodeKind } from "@/lib/schemas/graph-facts";

// Everything the explorer shows is decided by its URL, so a view can be shared and the back
// button undoes a change of start node or filter. Expansions are the session's: they are clicks
// on what the URL drew, not part of it. Parameter names match GET /api/graph/neighbourhood where
// they overlap (focus, depth, kinds, exposure, limit).

export const EXPLORER_LIMITS = [100, 200, 500, 1000, 2500, 5000] as const;
export const EXPLORER_DEPTHS = [1, 2, 3] as const;
/** The layouts a person can choose (graph-layouts.ts has these and "preset", which is for callers). */
export const EXPLORER_LAYOUTS = ["fcose", "elk", "breadthfirst", "concentric", "grid"] as const;
export const EXPLORER_GROUPINGS = ["none", "kind", "repository"] as const;

export type TExplorerLayout = (typeof EXPLORER_LAYOUTS)[number];
export type TExplorerGrouping = (typeof EXPLORER_GROUPINGS)[number];
export type TExplorerDisplay = "picture" | "table";

export interface TExplorerViewState {
  /** the start node of the traversal */
  focus: number | null;
  depth: number;
  limit: number;
  /** empty = every kind */
  kinds: TNodeKind[];
  /** empty = every exposure level */
  exposure: TExposure[];
  layout: TExplorerLayout;
  groupBy: TExplorerGrouping;
  display: TExplorerDisplay;
  /** the selected node; null = none. Without a `node` parameter the start node is selected. */
  selected: number | null;
}

export const DEFAULT_EXPLORER_VIEW: TExplorerViewState = {
  focus: null,
  depth: 1,
  limit: 200,
  kinds: [],
  exposure: [],
  layout: "fcose",
  groupBy: "none",
  display: "picture",
  selected: null,
};

/** `node=none`: the reader cleared the selection (no `node` at all selects the start node). */
const NO_SELECTION = "none";

const positiveId = (value: string | null): number | null => {
  const id = Number(value);
  return value !== null && Number.isInteger(id) && id > 0 ? id : null;
};
const oneOf = <T extends string | number>(allowed: readonly T[], value: unknown, fallback: T): T =>
  (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
const listOf = <T extends string>(allowed: readonly T[], value: string | null): T[] => [
  ...new Set((value ?? "").split(",").filter((item): item is T => (allowed as readonly string[]).includes(item))),
];

/** Reads a view from query parameters; unknown or malformed values fall back to the default. */
export function parseExplorerViewState(params: URLSearchParams): TExplorerViewState {
  const focus = positiveId(params.get("focus"));
  const node = params.get("node");
  return {
    focus,
    depth: oneOf(EXPLORER_DEPTHS, Number(params.get("depth")), DEFAULT_EXPLORER_VIEW.depth),
    limit: oneOf(EXPLORER_LIMITS, Number(params.get("limit")), DEFAULT_EXPLORER_VIEW.limit),
    kinds: listOf(NODE_KINDS, params.get("kinds")),
    exposure: listOf(EXPOSURES, params.get("exposure")),
    layout: oneOf(EXPLORER_LAYOUTS, params.get("layout"), DEFAULT_EXPLORER_VIEW.layout),
    groupBy: oneOf(EXPLORER_GROUPINGS, params.get("group"), DEFAULT_EXPLORER_VIEW.groupBy),
    display: params.get("view") === "table" ? "table" : "picture",
    selected: node === NO_SELECTION ? null : (positiveId(node) ?? focus),
  };
}

/** The query string of a view, defaults left out so permalinks stay short. */
export function serializeExplorerViewState(state: TExplorerViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.focus !== null) params.set("focus", String(state.focus));
  if (state.depth !== DEFAULT_EXPLORER_VIEW.depth) params.set("depth", String(state.depth));
  if (state.limit !== DEFAULT_EXPLORER_VIEW.limit) params.set("limit", String(state.limit));
  if (state.kinds.length) params.set("kinds", state.kinds.join(","));
  if (state.exposure.length) params.set("exposure", state.exposure.join(","));
  if (state.layout !== DEFAULT_EXPLORER_VIEW.layout) params.set("layout", state.layout);
  if (state.groupBy !== DEFAULT_EXPLORER_VIEW.groupBy) params.set("group", state.groupBy);
  if (state.display !== DEFAULT_EXPLORER_VIEW.display) params.set("view", state.display);
  if (state.focus !== null && state.selected !== state.focus) params.set("node", state.selected === null ? NO_SELECTION : String(state.selected));
  return params;
}

/** A view starting from another node: the new start node is selected. */
export const startingFrom = (state: TExplorerViewState, focus: number): TExplorerViewState => ({ ...state, focus, selected: focus });

/** The same view with one more kind shown (none of it changes when every kind is already shown). */
export function showingKind(state: TExplorerViewState, kind: TNodeKind): TExplorerViewState {
  if (state.kinds.length === 0 || state.kinds.includes(kind)) return state;
  return { ...state, kinds: [...state.kinds, kind] };
}
