"use client";

import Link from "next/link";
import type { Ref } from "react";
import { GraphCanvasLazy, type GraphCanvasHandle, type LayoutDoneInfo } from "@/components/graph/graph-canvas-lazy";
import { nodeElementId, type TGraphElement } from "@/lib/graph-view/cytoscape-elements";
import { isClusterId } from "@/lib/graph-view/explorer-clusters";
import type { TExplorerRow } from "@/lib/graph-view/explorer-rows";
import type { TExplorerViewState } from "@/lib/graph-view/explorer-view-state";
import { ExplorerTable } from "./explorer-table";
import type { useExploredGraph } from "./use-explored-graph";

// The explorer's main area, in the one state it is in: no start node yet, the start node's
// neighbourhood failing or loading, or what was drawn as a table or a picture.

export function ExplorerMain({
  state,
  explored,
  elements,
  rows,
  rootIds,
  canvas,
  onSelect,
  onLayoutDone,
}: {
  state: TExplorerViewState;
  explored: Pick<ReturnType<typeof useExploredGraph>, "base" | "view" | "expandNode">;
  elements: readonly TGraphElement[];
  rows: readonly TExplorerRow[];
  rootIds: readonly string[];
  canvas: Ref<GraphCanvasHandle>;
  onSelect: (id: number | null) => void;
  onLayoutDone: (info: LayoutDoneInfo) => void;
}) {
  const { base, view, expandNode } = explored;
  if (state.focus === null)
    return (
      <div className="empty-state" data-testid="explorer-empty">
        <h2>Choose where to start</h2>
        <p>Search for an identity, a secret, a package or a CI job above, or open any entity and press “Explore graph”.</p>
        <p>
          <Link href="/inventory/identities">Browse the inventory</Link>
        </p>
      </div>
    );
  if (base.isError)
    return (
      <div className="error-box" role="alert">
        <p>
          {base.error.message.startsWith("no node")
            ? "That node is not in the graph (it may have been removed by a re-import)."
            : `The graph could not be loaded: ${base.error.message}`}
        </p>
        <button type="button" className="button" onClick={() => base.refetch()}>
          Try again
        </button>
      </div>
    );
  if (base.isPending || !view)
    return (
      <div className="graph-canvas graph-canvas-loading" aria-busy="true">
        Loading the neighbourhood…
      </div>
    );
  if (state.display === "table") return <ExplorerTable rows={rows} selectedId={state.selected} onSelect={(row) => onSelect(row.id)} />;
  return (
    <GraphCanvasLazy
      elements={elements}
      layout={state.layout}
      rootIds={rootIds}
      selectedId={state.selected === null ? null : nodeElementId(state.selected)}
      onSelect={(id) => {
        // group boxes take no taps (graph-style.ts); a tap inside one is a tap on the background
        if (id === null || !isClusterId(id)) onSelect(id === null ? null : Number(id));
      }}
      onExpand={(id) => {
        if (!isClusterId(id)) void expandNode(Number(id));
      }}
      onLayoutDone={onLayoutDone}
      handleRef={canvas}
      label={`Graph around node ${state.focus}: ${view.nodes.length} nodes`}
    />
  );
}
