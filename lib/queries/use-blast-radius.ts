"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { radiusApiParams, hasRadiusSource, type TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import { mergeRadiusPages } from "@/lib/graph-view/merge-radius-pages";
import { ZRadiusResult } from "@/lib/schemas/radius";
import { fetchApi } from "./fetch-api";
import { radiusKeys } from "./keys";

/** Nodes per page the browser asks for: the most important first; more on demand. */
export const RADIUS_PAGE_SIZE = 500;

/**
 * The blast radius for a view's source and filters, in pages of the most important nodes first
 * (each with its path spelled out). `data` is the pages loaded so far merged into one answer;
 * `fetchNextPage` loads the next nodes. While a what-if or filter change recomputes, the previous
 * radius stays on screen (placeholderData) so the picture does not blank out.
 */
export function useBlastRadius(
  state: Pick<TRadiusViewState, "refs" | "advisory" | "maxHops" | "exposures" | "whatIf" | "timings">,
  pageSize = RADIUS_PAGE_SIZE,
) {
  const params = radiusApiParams(state);
  params.set("limit", String(pageSize));
  params.set("include", "paths");
  const query = params.toString();
  const pages = useInfiniteQuery({
    queryKey: radiusKeys.radius(query),
    queryFn: ({ signal, pageParam }) =>
      fetchApi(`/api/blast-radius?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`, ZRadiusResult, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page?.nextCursor ?? null,
    enabled: hasRadiusSource(state),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = useMemo(() => (pages.data ? mergeRadiusPages(pages.data.pages) : undefined), [pages.data]);
  return { ...pages, data };
}
