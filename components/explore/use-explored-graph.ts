"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { mergeGraphViews } from "@/lib/graph-view/cytoscape-elements";
import type { TExplorerViewState } from "@/lib/graph-view/explorer-view-state";
import { useExpandNeighbourhood, useNeighbourhood, type NeighbourhoodParams } from "@/lib/queries/use-neighbourhood";
import type { TGraphView } from "@/lib/schemas/graph-view";

export type TDrawnGraph = Pick<TGraphView, "nodes" | "edges">;

/**
 * What the explorer has drawn: the start node's neighbourhood from the URL, grown by the
 * session's expansions. A new start node or new filters start a new picture.
 */
export function useExploredGraph(state: Pick<TExplorerViewState, "focus" | "depth" | "kinds" | "exposure" | "limit">) {
  const { focus, depth, kinds, exposure, limit } = state;
  const params: NeighbourhoodParams = useMemo(
    () => ({ depth, kinds, exposure, limit }),
    // arrays compared by content: the URL is parsed afresh on every change
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [depth, kinds.join(","), exposure.join(","), limit],
  );
  const base = useNeighbourhood(focus, params);
  const expand = useExpandNeighbourhood(params);
  const [view, setView] = useState<TDrawnGraph | null>(null);
  const [expanding, setExpanding] = useState<number | null>(null);
  const [expandError, setExpandError] = useState<string | null>(null);
  const drawn = useRef(view);
  drawn.current = view;

  useEffect(() => {
    setView(base.data ?? null);
  }, [base.data]);

  /** Draws a node's neighbours; resolves to how many nodes were added. */
  const expandNode = useCallback(
    async (nodeId: number): Promise<number> => {
      setExpanding(nodeId);
      setExpandError(null);
      try {
        const more = await expand(nodeId);
        const known = new Set(drawn.current?.nodes.map((node) => node.id));
        // merged in an updater so two expansions finishing together both land
        setView((current) => (current ? mergeGraphViews(current, more) : more));
        return more.nodes.filter((node) => !known.has(node.id)).length;
      } catch (error) {
        setExpandError(error instanceof Error ? error.message : "the neighbours could not be loaded");
        return 0;
      } finally {
        setExpanding(null);
      }
    },
    [expand],
  );

  return { base, view, expandNode, expanding, expandError };
}
