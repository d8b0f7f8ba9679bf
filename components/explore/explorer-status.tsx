"use client";

import type { LayoutDoneInfo } from "@/components/graph/graph-canvas-lazy";
import { LAYOUT_LABELS } from "@/components/graph/graph-layouts";
import type { TExplorerGrouping } from "@/lib/graph-view/explorer-view-state";
import type { TDrawnGraph } from "./use-explored-graph";

// The line under the toolbar: how much is drawn, what is left undrawn and how to get it, which
// layout ran, and expansion progress or failure. A status region, so changes are announced.

// boxes are laid out around their members only by the layouts that know compound nodes
const GROUPING_LAYOUTS = new Set(["fcose", "elk"]);

export function ExplorerStatus({
  view,
  layoutInfo,
  groupBy,
  expanding,
  expandError,
}: {
  view: TDrawnGraph | null;
  layoutInfo: LayoutDoneInfo | null;
  groupBy: TExplorerGrouping;
  expanding: boolean;
  expandError: string | null;
}) {
  const hiddenTotal = view?.nodes.reduce((sum, node) => sum + node.hiddenNeighbours, 0) ?? 0;
  return (
    <div className="explorer-status" role="status" data-testid="explorer-status">
      {view ? (
        <>
          <span data-testid="explorer-counts">
            {view.nodes.length.toLocaleString("en")} nodes · {view.edges.length.toLocaleString("en")} edges
          </span>
          {hiddenTotal > 0 ? (
            <span>
              {" "}
              · <strong>{hiddenTotal.toLocaleString("en")} more</strong> relationships not drawn: double-click a node marked +N, press Enter on it in the node
              list, or select it and press Expand
            </span>
          ) : null}
          {layoutInfo?.fallbackReason ? <span className="explorer-warning"> · {layoutInfo.fallbackReason}</span> : null}
          {layoutInfo && groupBy !== "none" && !GROUPING_LAYOUTS.has(layoutInfo.ran) ? (
            <span className="explorer-warning"> · groups are drawn best with the force-directed or layered layout</span>
          ) : null}
          {layoutInfo ? (
            <span className="muted">
              {" "}
              · {LAYOUT_LABELS[layoutInfo.ran]} in {layoutInfo.ms.toLocaleString("en")} ms, {layoutInfo.renderer === "webgl" ? "WebGL" : "canvas"} renderer
            </span>
          ) : null}
          {expanding ? <span> · expanding…</span> : null}
        </>
      ) : null}
      {expandError ? (
        <span role="alert" className="explorer-warning">
          {" "}
          Expanding failed: {expandError}
        </span>
      ) : null}
    </div>
  );
}
