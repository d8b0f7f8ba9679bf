"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseRadiusViewState, serializeRadiusViewState, type TRadiusViewState } from "@/lib/graph-view/radius-view-state";

export type TUpdateRadiusView = (patch: Partial<TRadiusViewState>, history?: "push" | "replace") => void;
export type TSetRadiusSource = (source: { refs: string[]; advisory: string | null }, add?: boolean) => void;

/**
 * The radius page's state is its URL: `update` rewrites the query, `setSource` starts a new
 * question (a history entry, and the choices that belonged to the old one cleared).
 */
export function useRadiusView(): { view: TRadiusViewState; update: TUpdateRadiusView; setSource: TSetRadiusSource } {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseRadiusViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  // The native history API is synced with useSearchParams by Next.js and, unlike router.push,
  // does not re-render the server page: a click changes the view without a round trip.
  const update = useCallback<TUpdateRadiusView>(
    (patch, history = "replace") => {
      const query = serializeRadiusViewState({ ...view, ...patch }).toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [view, pathname],
  );
  const setSource = useCallback<TSetRadiusSource>(
    (source, add = false) =>
      update(
        {
          refs: add ? [...new Set([...view.refs, ...source.refs])] : source.refs,
          advisory: add ? (view.advisory ?? source.advisory) : source.advisory,
          selected: null,
          pathFrom: null,
          pathTo: null,
          whatIf: [],
        },
        "push",
      ),
    [update, view.refs, view.advisory],
  );
  return { view, update, setSource };
}
