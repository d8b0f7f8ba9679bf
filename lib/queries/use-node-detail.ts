"use client";

import { useQuery } from "@tanstack/react-query";
import { ZNodeDetail } from "@/lib/schemas/node-detail";
import { fetchApi } from "./fetch-api";
import { graphKeys } from "./keys";

/** One entity's details (the explorer's side panel); idle without an id. */
export function useNodeDetail(id: number | null) {
  return useQuery({
    queryKey: graphKeys.node(id ?? 0),
    queryFn: ({ signal }) => fetchApi(`/api/graph/nodes/${id}`, ZNodeDetail, { signal }),
    enabled: id !== null,
    staleTime: 30_000,
  });
}
