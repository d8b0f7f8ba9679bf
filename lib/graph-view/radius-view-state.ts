import { EXPOSURES, type TExposure } from "@/lib/schemas/graph-facts";
import type { TTiming } from "@/lib/schemas/radius";

// Everything the blast-radius page shows is decided by its URL, so the permalink is the URL and
// the back button undoes a click. Parameter names match GET /api/blast-radius where they overlap
// (ref, advisory, maxHops, exposure, timing, whatIf) so a view's URL and its API request read alike.

export type TRadiusDisplay = "picture" | "table";

export interface TRadiusViewState {
  refs: string[];
  advisory: string | null;
  maxHops: number | null;
  /** empty = every exposure level */
  exposures: TExposure[];
  /** empty = both timings; ["now"] = leave out what only the next resolve gives the attacker */
  timings: TTiming[];
  whatIf: string[];
  /** key of the node whose explanation path is shown */
  selected: string | null;
  pathFrom: string | null;
  pathTo: string | null;
  display: TRadiusDisplay;
}

export const EMPTY_RADIUS_VIEW: TRadiusViewState = {
  refs: [],
  advisory: null,
  maxHops: null,
  exposures: [],
  timings: [],
  whatIf: [],
  selected: null,
  pathFrom: null,
  pathTo: null,
  display: "picture",
};

const nonEmpty = (value: string | null): string | null => (value && value.trim() ? value.trim() : null);
const unique = (values: string[]) => [...new Set(values.map((value) => value.trim()).filter(Boolean))];

/** Reads a view from query parameters; unknown or malformed values fall back to the default. */
export function parseRadiusViewState(params: URLSearchParams): TRadiusViewState {
  const hops = Number(params.get("maxHops"));
  const exposures = (params.get("exposure") ?? "").split(",").filter((value): value is TExposure => (EXPOSURES as readonly string[]).includes(value));
  return {
    refs: unique(params.getAll("ref")),
    advisory: nonEmpty(params.get("advisory")),
    maxHops: params.has("maxHops") && Number.isInteger(hops) && hops >= 1 && hops <= 50 ? hops : null,
    exposures: [...new Set(exposures)],
    // "now" is the only narrowing the page offers; both timings is no filter at all
    timings: params.get("timing") === "now" ? ["now"] : [],
    whatIf: unique(params.getAll("whatIf")),
    selected: nonEmpty(params.get("node")),
    pathFrom: nonEmpty(params.get("from")),
    pathTo: nonEmpty(params.get("to")),
    display: params.get("view") === "table" ? "table" : "picture",
  };
}

/** The query string of a view, with defaults left out so permalinks stay short. */
export function serializeRadiusViewState(state: TRadiusViewState): URLSearchParams {
  const params = radiusApiParams(state);
  if (state.selected) params.set("node", state.selected);
  if (state.pathFrom) params.set("from", state.pathFrom);
  if (state.pathTo) params.set("to", state.pathTo);
  if (state.display !== "picture") params.set("view", state.display);
  return params;
}

/** The GET /api/blast-radius query for a view: only what changes the computed radius. */
export function radiusApiParams(
  state: Pick<TRadiusViewState, "refs" | "advisory" | "maxHops" | "exposures" | "whatIf"> & Partial<Pick<TRadiusViewState, "timings">>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const ref of state.refs) params.append("ref", ref);
  if (state.advisory) params.set("advisory", state.advisory);
  if (state.maxHops !== null) params.set("maxHops", String(state.maxHops));
  if (state.exposures.length > 0) params.set("exposure", state.exposures.join(","));
  if (state.timings?.length === 1) params.set("timing", state.timings[0]);
  for (const control of state.whatIf) params.append("whatIf", control);
  return params;
}

export const hasRadiusSource = (state: Pick<TRadiusViewState, "refs" | "advisory">): boolean => state.refs.length > 0 || state.advisory !== null;
