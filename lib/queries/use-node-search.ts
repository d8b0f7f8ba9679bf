"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ZGraphSearchResult } from "@/lib/schemas/graph-view";
import { fetchApi } from "./fetch-api";
import { nodeSearchKeys } from "./keys";

/** Autocomplete across every node kind (or those in `kinds`); idle until something is typed. */
export function useNodeSearch(q: string, kinds: readonly string[] = [], limit = 12) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: nodeSearchKeys.search(trimmed, kinds),
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ q: trimmed, limit: String(limit) });
      if (kinds.length) params.set("kinds", kinds.join(","));
      const body = await fetchApi(`/api/graph/search?${params}`, ZGraphSearchResult, { signal });
      return body.hits;
    },
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
