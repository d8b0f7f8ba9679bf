"use client";

import { useCallback, useState } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TExplorerRow } from "@/lib/graph-view/explorer-rows";

// What a screen reader hears as a keyboard user walks the node list: the node now selected and
// whether it has more to draw, and what an expansion added. The picture itself says nothing.

const describeRow = (row: TExplorerRow): string =>
  `${NODE_KIND_REGISTRY[row.kind].label} ${row.name} selected` +
  (row.hops !== null ? `, ${row.hops} hop${row.hops === 1 ? "" : "s"} from the start` : "") +
  (row.hiddenNeighbours > 0 ? `, ${row.hiddenNeighbours} neighbours not drawn: Enter draws them.` : ", all neighbours drawn.");

/** `expandNode` resolves to how many nodes it added (use-explored-graph.ts). */
export function useExplorerAnnouncer(expandNode: (id: number) => Promise<number>) {
  const [announcement, setAnnouncement] = useState("");
  const announceSelected = useCallback((row: TExplorerRow) => setAnnouncement(describeRow(row)), []);
  const expandAndAnnounce = useCallback(
    async (row: Pick<TExplorerRow, "id" | "name" | "hiddenNeighbours">) => {
      if (row.hiddenNeighbours === 0) {
        setAnnouncement(`All neighbours of ${row.name} are drawn.`);
        return;
      }
      const added = await expandNode(row.id);
      setAnnouncement(`${row.name} expanded: ${added} node${added === 1 ? "" : "s"} added.`);
    },
    [expandNode],
  );
  return { announcement, announceSelected, expandAndAnnounce };
}
