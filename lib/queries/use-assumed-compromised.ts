"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ZAssumedCompromiseList, ZMarkAssumedCompromisedResult, ZUnmarkAssumedCompromisedResult } from "@/lib/schemas/assumed-compromise";
import { fetchApi } from "./fetch-api";
import { assumedCompromisedKeys, radiusKeys } from "./keys";

/** The shared assumed-compromised set. */
export function useAssumedCompromised() {
  return useQuery({
    queryKey: assumedCompromisedKeys.list(),
    queryFn: ({ signal }) => fetchApi("/api/assumed-compromised", ZAssumedCompromiseList, { signal }).then((body) => body.items),
  });
}

/** Mark or unmark a node; the set and every radius (which draws the marks) are refetched. */
export function useToggleAssumedCompromised() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, mark, note }: { ref: string; mark: boolean; note?: string }): Promise<unknown> =>
      mark
        ? fetchApi("/api/assumed-compromised", ZMarkAssumedCompromisedResult, { method: "POST", body: JSON.stringify({ ref, note }) })
        : fetchApi(`/api/assumed-compromised?ref=${encodeURIComponent(ref)}`, ZUnmarkAssumedCompromisedResult, { method: "DELETE" }),
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: assumedCompromisedKeys.all }), client.invalidateQueries({ queryKey: radiusKeys.all })]);
    },
  });
}
