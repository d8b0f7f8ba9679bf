"use client";

import { useMemo, useState } from "react";
import { openSummary, redrawRadiusPicture, type TRadiusPicture } from "@/lib/graph-view/radius-elements";
import { collapseGroup, idsToOpen, isSummaryId } from "@/lib/graph-view/summarise-columns";

/**
 * Which groups of the picture are open: a click or a button opens one (unless the picture would
 * pass its element cap, which is then said), "Collapse" folds one back, and selecting a node
 * folded into a group (from the table or a permalink) opens that group so the selection is drawn.
 */
export function usePictureGroups(picture: TRadiusPicture, selectedId: string | null) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [refused, setRefused] = useState<string | null>(null);

  const selectedSummary = selectedId ? picture.drawnAs.get(selectedId) : undefined;
  const wanted = [...new Set([...expanded, ...(selectedSummary && isSummaryId(selectedSummary) ? idsToOpen(selectedSummary) : [])])].sort();
  const drawn = useMemo(
    () => (wanted.length === 0 ? picture : redrawRadiusPicture(picture, new Set(wanted))),
    // the expanded set compared by content
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [picture, wanted.join(",")],
  );

  return {
    drawn,
    refused,
    expand: (id: string) => {
      const result = openSummary(drawn, new Set(wanted), id);
      setRefused(result.refused);
      if (!result.refused) setExpanded(result.expanded);
    },
    collapse: (groupId: string) => {
      setRefused(null);
      setExpanded((current) => collapseGroup(current, groupId));
    },
    collapseAll: () => {
      setRefused(null);
      setExpanded(new Set());
    },
  };
}
