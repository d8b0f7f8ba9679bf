"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { radiusApiParams, hasRadiusSource, type TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { fetchApi } from "./fetch-api";
import { radiusKeys } from "./keys";

/**
 * The blast radius for a view's source and filters. While a what-if or filter change recomputes,
 * the previous radius stays on screen (placeholderData) so the picture does not blank out.
 */
export function useBlastRadius(state: Pick<TRadiusViewState, "refs" | "advisory" | "maxHops" | "exposures" | "whatIf" | "timings">) {
  const query = radiusApiParams(state).toString();
  return useQuery({
    queryKey: radiusKeys.radius(query),
    queryFn: ({ signal }) => fetchApi<TRadiusResult>(`/api/blast-radius?${query}`, { signal }),
    enabled: hasRadiusSource(state),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
