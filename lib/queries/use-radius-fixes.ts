"use client";

import { useQuery } from "@tanstack/react-query";
import { hasRadiusSource, type TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import { ZFixesResult } from "@/lib/schemas/radius";
import { fetchApi } from "./fetch-api";
import { fixesKeys } from "./keys";

/** The top fixes for the radius' sources (GET /api/fixes?ref=…&advisory=…); idle when `enabled` is false. */
export function useRadiusFixes(state: Pick<TRadiusViewState, "refs" | "advisory" | "exposures">, graphVersion: number, top: number, enabled: boolean) {
  const params = new URLSearchParams();
  for (const ref of state.refs) params.append("ref", ref);
  if (state.advisory) params.set("advisory", state.advisory);
  // the ranking counts what an install-time payload reaches unless the view narrows the exposures
  if (state.exposures.length > 0) params.set("exposure", state.exposures.join(","));
  params.set("top", String(top));
  const query = params.toString();
  return useQuery({
    queryKey: fixesKeys.radius(graphVersion, query, top),
    queryFn: ({ signal }) => fetchApi(`/api/fixes?${query}`, ZFixesResult, { signal }),
    enabled: enabled && hasRadiusSource(state),
    retry: false,
    staleTime: 60_000,
  });
}
