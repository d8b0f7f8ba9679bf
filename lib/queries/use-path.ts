"use client";

import { useQuery } from "@tanstack/react-query";
import { ZPathResult, type TPathResult } from "@/lib/schemas/radius";
import { fetchApi } from "./fetch-api";
import { pathKeys } from "./keys";

export interface TPathChains {
  /** each chain: the edge steps from `from` to `to`, shortest first */
  chains: TPathResult["chains"][number]["steps"][];
  /** every node on a chain, for naming the steps */
  nodes: TPathResult["chains"][number]["nodes"];
  /** the engine's one-line answer ("3 chains, shortest 4 hops" / why none) */
  message: string;
}

/** The k shortest attack chains between two nodes (GET /api/path); idle until both are set. */
export function usePath(from: string | null, to: string | null, k = 3) {
  return useQuery({
    queryKey: pathKeys.path(from ?? "", to ?? "", k),
    queryFn: async ({ signal }): Promise<TPathChains> => {
      const params = new URLSearchParams({ from: from!, to: to!, k: String(k) });
      const body = await fetchApi(`/api/path?${params}`, ZPathResult, { signal });
      return {
        chains: body.chains.map((chain) => chain.steps),
        nodes: [...body.from, body.to, ...body.chains.flatMap((chain) => chain.nodes)],
        message: body.message,
      };
    },
    enabled: Boolean(from && to),
    retry: false,
  });
}
