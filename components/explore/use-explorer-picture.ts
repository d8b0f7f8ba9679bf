"use client";

import { useMemo } from "react";
import { nodeElementId, toCytoscapeElements, type TGraphElement } from "@/lib/graph-view/cytoscape-elements";
import { groupedElements } from "@/lib/graph-view/explorer-clusters";
import { explorerRows } from "@/lib/graph-view/explorer-rows";
import type { TExplorerViewState } from "@/lib/graph-view/explorer-view-state";
import type { TDrawnGraph } from "./use-explored-graph";

/** What is drawn, in the two forms the explorer shows it: Cytoscape elements (grouped as the view asks) and rows. */
export function useExplorerPicture(view: TDrawnGraph | null, { focus, groupBy }: Pick<TExplorerViewState, "focus" | "groupBy">) {
  const elements = useMemo(
    // group boxes are node elements the canvas draws like any other (graph-style.ts styles them)
    () => (view ? (groupedElements(toCytoscapeElements(view), groupBy) as unknown as readonly TGraphElement[]) : []),
    [view, groupBy],
  );
  const rows = useMemo(() => (view ? explorerRows(view, focus) : []), [view, focus]);
  const rootIds = useMemo(() => (focus ? [nodeElementId(focus)] : []), [focus]);
  return { elements, rows, rootIds };
}
