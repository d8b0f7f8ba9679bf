"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { ZGraphView } from "@/lib/schemas/graph-view";
import { fetchApi } from "./fetch-api";
import { graphKeys } from "./keys";

export interface NeighbourhoodParams {
  depth: number;
  kinds: readonly string[];
  exposure: readonly string[];
  limit: number;
}

function neighbourhoodUrl(focus: number, params: NeighbourhoodParams): string {
  const search = new URLSearchParams({ focus: String(focus), depth: String(params.depth), limit: String(params.limit) });
  if (params.kinds.length) search.set("kinds", params.kinds.join(","));
  if (params.exposure.length) search.set("exposure", params.exposure.join(","));
  return `/api/graph/neighbourhood?${search}`;
}

/** The capped neighbourhood of the focus node (idle without one). */
export function useNeighbourhood(focus: number | null, params: NeighbourhoodParams) {
  return useQuery({
    queryKey: graphKeys.neighbourhood(focus ?? 0, params.depth, params.kinds, params.exposure, params.limit),
    queryFn: ({ signal }) => fetchApi(neighbourhoodUrl(focus!, params), ZGraphView, { signal }),
    enabled: focus !== null,
    staleTime: 30_000,
  });
}

/** Fetches (or reuses from the cache) another node's neighbourhood, for "expand". */
export function useExpandNeighbourhood(params: NeighbourhoodParams) {
  const client = useQueryClient();
  return useCallback(
    (nodeId: number) =>
      client.fetchQuery({
        queryKey: graphKeys.neighbourhood(nodeId, 1, params.kinds, params.exposure, params.limit),
        queryFn: ({ signal }) => fetchApi(neighbourhoodUrl(nodeId, { ...params, depth: 1 }), ZGraphView, { signal }),
        staleTime: 30_000,
      }),
    [client, params],
  );
}
