"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseExplorerViewState, serializeExplorerViewState, type TExplorerViewState } from "@/lib/graph-view/explorer-view-state";

/**
 * The explorer's view, read from and written to the URL. A new start node or filter is a history
 * entry ("push"), so Back undoes it; a selection replaces the entry, so arrowing through the node
 * list does not fill the history.
 */
export function useExplorerViewState() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => parseExplorerViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  // The native history API is synced with useSearchParams by Next.js and, unlike router.push,
  // does not re-render the server page.
  const update = useCallback(
    (change: Partial<TExplorerViewState> | TExplorerViewState, history: "push" | "replace" = "push") => {
      const query = serializeExplorerViewState({ ...state, ...change }).toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [state, pathname],
  );
  return { state, update };
}
