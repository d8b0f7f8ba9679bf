"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TAssumedCompromise, TAssumedCompromiseList } from "@/lib/schemas/assumed-compromise";
import { fetchApi } from "./fetch-api";
import { assumedCompromisedKeys, radiusKeys } from "./keys";

/** The shared assumed-compromised set. */
export function useAssumedCompromised() {
  return useQuery({
    queryKey: assumedCompromisedKeys.list(),
    queryFn: ({ signal }) => fetchApi<TAssumedCompromiseList>("/api/assumed-compromised", { signal }).then((body) => body.items),
  });
}

/** Mark or unmark a node; the set and every radius (which draws the marks) are refetched. */
export function useToggleAssumedCompromised() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, mark, note }: { ref: string; mark: boolean; note?: string }): Promise<unknown> =>
      mark
        ? fetchApi<{ item: TAssumedCompromise; created: boolean }>("/api/assumed-compromised", { method: "POST", body: JSON.stringify({ ref, note }) })
        : fetchApi<{ removed: boolean }>(`/api/assumed-compromised?ref=${encodeURIComponent(ref)}`, { method: "DELETE" }),
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: assumedCompromisedKeys.all }), client.invalidateQueries({ queryKey: radiusKeys.all })]);
    },
  });
}
