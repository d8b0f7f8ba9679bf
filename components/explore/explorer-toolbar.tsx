"use client";

import type { RefObject } from "react";
import type { GraphCanvasHandle } from "@/components/graph/graph-canvas-lazy";
import { LAYOUT_LABELS, type TGraphLayoutName } from "@/components/graph/graph-layouts";
import { downloadBlob } from "@/components/radius/download";
import { FilterChips } from "@/components/ui/filter-chips";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import {
  EXPLORER_DEPTHS,
  EXPLORER_GROUPINGS,
  EXPLORER_LAYOUTS,
  EXPLORER_LIMITS,
  type TExplorerGrouping,
  type TExplorerViewState,
} from "@/lib/graph-view/explorer-view-state";
import { EXPOSURES, NODE_KINDS } from "@/lib/schemas/graph-facts";
import { KindGlyph } from "@/components/graph/kind-glyph";

// The explorer's options: what to draw (kinds, exposure, depth, cap), how (layout, grouping) and
// as what (picture or table), plus the picture's zoom and export.

// every explorer layout is a canvas layout: checked here, where both are known
const LAYOUTS: readonly TGraphLayoutName[] = EXPLORER_LAYOUTS;
const GROUPING_LABELS: Record<TExplorerGrouping, string> = { none: "None", kind: "Kind", repository: "Repository" };

export function ExplorerToolbar({
  state,
  update,
  canvas,
  canExport,
}: {
  state: TExplorerViewState;
  update: (change: Partial<TExplorerViewState>) => void;
  canvas: RefObject<GraphCanvasHandle | null>;
  canExport: boolean;
}) {
  const picture = state.display === "picture";
  const exportPng = async () => {
    const blob = await canvas.current?.exportPng();
    if (blob) downloadBlob(blob, `blastmap-graph-${state.focus ?? "view"}.png`);
  };
  return (
    <div className="explorer-toolbar" role="toolbar" aria-label="Graph options">
      <FilterChips
        legend="Kinds"
        values={NODE_KINDS}
        checked={state.kinds}
        onChange={(kinds) => update({ kinds })}
        title={(kind) => NODE_KIND_REGISTRY[kind].label}
        label={(kind) => (
          <>
            <KindGlyph kind={kind} />
            {NODE_KIND_REGISTRY[kind].label}
          </>
        )}
      />
      <FilterChips legend="Exposure" values={EXPOSURES} checked={state.exposure} onChange={(exposure) => update({ exposure })} />
      <label>
        Layout
        <select value={state.layout} onChange={(event) => update({ layout: event.target.value as TExplorerViewState["layout"] })} data-testid="explorer-layout">
          {LAYOUTS.map((layout) => (
            <option key={layout} value={layout}>
              {LAYOUT_LABELS[layout]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Group by
        <select value={state.groupBy} onChange={(event) => update({ groupBy: event.target.value as TExplorerGrouping })} data-testid="explorer-group-by">
          {EXPLORER_GROUPINGS.map((grouping) => (
            <option key={grouping} value={grouping}>
              {GROUPING_LABELS[grouping]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Depth
        <select value={state.depth} onChange={(event) => update({ depth: Number(event.target.value) })}>
          {EXPLORER_DEPTHS.map((depth) => (
            <option key={depth} value={depth}>
              {depth} hop{depth > 1 ? "s" : ""}
            </option>
          ))}
        </select>
      </label>
      <label>
        Draw at most
        <select value={state.limit} onChange={(event) => update({ limit: Number(event.target.value) })}>
          {EXPLORER_LIMITS.map((limit) => (
            <option key={limit} value={limit}>
              {limit.toLocaleString("en")} nodes
            </option>
          ))}
        </select>
      </label>
      <div className="explorer-display" role="group" aria-label="Show as">
        <button type="button" className="button" aria-pressed={picture} onClick={() => update({ display: "picture" })}>
          Picture
        </button>
        <button type="button" className="button" aria-pressed={!picture} onClick={() => update({ display: "table" })} data-testid="explorer-show-table">
          Table
        </button>
      </div>
      {picture ? (
        <div className="explorer-zoom" role="group" aria-label="Zoom">
          <button type="button" className="button" onClick={() => canvas.current?.fit()}>
            Fit
          </button>
          <button type="button" className="button" aria-label="Zoom in" onClick={() => canvas.current?.zoomIn()}>
            +
          </button>
          <button type="button" className="button" aria-label="Zoom out" onClick={() => canvas.current?.zoomOut()}>
            −
          </button>
          <button type="button" className="button" disabled={!canExport} onClick={() => void exportPng()}>
            PNG
          </button>
        </div>
      ) : null}
    </div>
  );
}
