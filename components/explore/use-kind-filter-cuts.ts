"use client";

import { useMemo } from "react";
import type { TExplorerViewState } from "@/lib/graph-view/explorer-view-state";
import { kindFilterCuts, type TKindCut } from "@/lib/graph-view/kind-filter-cuts";
import { useNeighbourhood } from "@/lib/queries/use-neighbourhood";

/**
 * What the kind filter cuts off: the same neighbourhood without the filter (asked of the same
 * authorized API, only while a filter is on) compared with the filtered walk.
 */
export function useKindFilterCuts(state: Pick<TExplorerViewState, "focus" | "depth" | "kinds" | "exposure" | "limit">): TKindCut[] {
  const filtered = state.kinds.length > 0;
  const unfiltered = useNeighbourhood(filtered ? state.focus : null, { depth: state.depth, kinds: [], exposure: state.exposure, limit: state.limit });
  const kinds = state.kinds.join(",");
  return useMemo(
    () => (filtered && unfiltered.data ? kindFilterCuts(unfiltered.data, state.kinds, state.depth) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filtered, unfiltered.data, kinds, state.depth],
  );
}
