"use client";

import "@/components/graph/graph.css";
import "@/components/radius/radius.css";
import "./explorer.css";
import { useRef, useState } from "react";
import type { GraphCanvasHandle, LayoutDoneInfo } from "@/components/graph/graph-canvas-lazy";
import { GraphLegend } from "@/components/graph/graph-legend";
import { NodeSearchBox } from "@/components/radius/node-search-box";
import { nodeElementId } from "@/lib/graph-view/cytoscape-elements";
import { showingKind, startingFrom } from "@/lib/graph-view/explorer-view-state";
import { ExplorerMain } from "./explorer-main";
import { ExplorerStatus } from "./explorer-status";
import { ExplorerToolbar } from "./explorer-toolbar";
import { KindFilterNotice } from "./kind-filter-notice";
import { NodeListbox } from "./node-listbox";
import { SelectedNodePanel } from "./selected-node-panel";
import { useExploredGraph } from "./use-explored-graph";
import { useExplorerAnnouncer } from "./use-explorer-announcer";
import { useExplorerPicture } from "./use-explorer-picture";
import { useExplorerViewState } from "./use-explorer-view-state";
import { useKindFilterCuts } from "./use-kind-filter-cuts";

// The graph explorer: a chosen node's neighbourhood, grown on demand, as a picture or a table.
// What is shown is the URL (use-explorer-view-state.ts over lib/graph-view/explorer-view-state.ts),
// so a view can be shared; expansions are the session's (use-explored-graph.ts). Every node is
// reachable without a mouse: the node list beside the picture, or the table.

export function ExplorerPage({ canMark = false }: { canMark?: boolean }) {
  const { state, update } = useExplorerViewState();
  const explored = useExploredGraph(state);
  const { view, expandNode, expanding, expandError } = explored;
  const { elements, rows, rootIds } = useExplorerPicture(view, state);
  const cuts = useKindFilterCuts(state);
  const { announcement, announceSelected, expandAndAnnounce } = useExplorerAnnouncer(expandNode);
  const [layoutInfo, setLayoutInfo] = useState<LayoutDoneInfo | null>(null);
  const canvas = useRef<GraphCanvasHandle>(null);
  const selectedRow = rows.find((row) => row.id === state.selected);
  const select = (id: number | null) => update({ selected: id }, "replace");

  return (
    <section className="explorer" aria-labelledby="explorer-title">
      <div className="explorer-header">
        <h1 id="explorer-title">Explore</h1>
        <NodeSearchBox
          label="Focus on"
          placeholder="search identities, secrets, packages, jobs…"
          testId="explorer-search"
          onPick={(hit) => {
            if ("id" in hit) update(startingFrom(state, hit.id));
          }}
        />
      </div>

      <ExplorerToolbar state={state} update={update} canvas={canvas} canExport={view !== null} />
      <ExplorerStatus view={view} layoutInfo={layoutInfo} groupBy={state.groupBy} expanding={expanding !== null} expandError={expandError} />
      <KindFilterNotice cuts={cuts} onShowKind={(kind) => update(showingKind(state, kind))} />

      <div className="explorer-body">
        <div className="explorer-canvas">
          <ExplorerMain
            state={state}
            explored={explored}
            elements={elements}
            rows={rows}
            rootIds={rootIds}
            canvas={canvas}
            onSelect={select}
            onLayoutDone={setLayoutInfo}
          />
        </div>
        <aside className="explorer-side" aria-label="Nodes and details">
          {state.display === "picture" && rows.length > 0 ? (
            <NodeListbox
              rows={rows}
              selectedId={state.selected}
              onSelect={(row) => {
                select(row.id);
                announceSelected(row);
              }}
              onExpand={(row) => {
                select(row.id);
                void expandAndAnnounce(row);
              }}
            />
          ) : null}
          <SelectedNodePanel
            nodeId={state.selected}
            hidden={selectedRow?.hiddenNeighbours ?? 0}
            expanding={expanding !== null && expanding === state.selected}
            onExpand={(id) => void expandNode(id)}
            onFocus={(id) => update(startingFrom(state, id))}
            onCenter={state.display === "picture" ? (id) => canvas.current?.center(nodeElementId(id)) : undefined}
            canMark={canMark}
          />
          {state.display === "picture" ? <GraphLegend webgl={layoutInfo?.renderer === "webgl"} /> : null}
        </aside>
      </div>
      <p className="sr-only" aria-live="polite" data-testid="explorer-announcement">
        {announcement}
      </p>
    </section>
  );
}
