"use client";

import { summaryLabel, type TColumnSummary } from "@/lib/graph-view/summarise-columns";

/**
 * The picture's groups as buttons under the canvas, so they open and fold from the keyboard too:
 * "Expand 23 CI jobs in acme/web-app" for each group drawn as one node, "Collapse …" for each
 * group opened, and a notice when opening one more would pass the picture's element cap.
 */
export function PictureGroupsBar({
  summaries,
  opened,
  refused,
  onExpand,
  onCollapse,
  onCollapseAll,
}: {
  summaries: readonly TColumnSummary[];
  opened: readonly TColumnSummary[];
  refused: string | null;
  onExpand: (id: string) => void;
  onCollapse: (groupId: string) => void;
  onCollapseAll: () => void;
}) {
  if (summaries.length === 0 && opened.length === 0) return null;
  return (
    <div className="radius-summaries" data-testid="radius-summaries">
      {summaries.length > 0 ? <span className="muted">Summarised to keep the picture readable:</span> : null}
      {summaries.map((summary) => (
        <button key={summary.id} type="button" className="button" onClick={() => onExpand(summary.id)}>
          Expand {summaryLabel(summary)}
        </button>
      ))}
      {opened.map((group) => (
        <button key={group.groupId} type="button" className="link-button" onClick={() => onCollapse(group.groupId)}>
          Collapse {summaryLabel(group)}
        </button>
      ))}
      {opened.length > 0 ? (
        <button type="button" className="link-button" onClick={onCollapseAll}>
          Summarise again
        </button>
      ) : null}
      {refused ? (
        <p role="status" className="muted" data-testid="radius-group-refused">
          {refused}
        </p>
      ) : null}
    </div>
  );
}
