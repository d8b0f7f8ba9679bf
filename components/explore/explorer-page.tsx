"use client";

import "@/components/graph/graph.css";
import "@/components/radius/radius.css";
import "./explorer.css";
import Link from "next/link";
import { useCallback, useMemo, useRef, useState } from "react";
import { GraphCanvasLazy, type GraphCanvasHandle, type LayoutDoneInfo } from "@/components/graph/graph-canvas-lazy";
import { GraphLegend } from "@/components/graph/graph-legend";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { NodeSearchBox } from "@/components/radius/node-search-box";
import { nodeElementId, toCytoscapeElements, type TGraphElement } from "@/lib/graph-view/cytoscape-elements";
import { groupedElements, isClusterId } from "@/lib/graph-view/explorer-clusters";
import { explorerRows, type TExplorerRow } from "@/lib/graph-view/explorer-rows";
import { showingKind, startingFrom } from "@/lib/graph-view/explorer-view-state";
import { ExplorerStatus } from "./explorer-status";
import { ExplorerTable } from "./explorer-table";
import { ExplorerToolbar } from "./explorer-toolbar";
import { KindFilterNotice } from "./kind-filter-notice";
import { NodeListbox } from "./node-listbox";
import { SelectedNodePanel } from "./selected-node-panel";
import { useExploredGraph } from "./use-explored-graph";
import { useExplorerViewState } from "./use-explorer-view-state";
import { useKindFilterCuts } from "./use-kind-filter-cuts";

// The graph explorer: a chosen node's neighbourhood, grown on demand, as a picture or a table.
// What is shown is the URL (use-explorer-view-state.ts), so a view can be shared; expansions are
// the session's (use-explored-graph.ts). Every node is reachable without a mouse: the node list
// beside the picture, or the table.

const describeRow = (row: TExplorerRow): string =>
  `${NODE_KIND_REGISTRY[row.kind].label} ${row.name} selected` +
  (row.hops !== null ? `, ${row.hops} hop${row.hops === 1 ? "" : "s"} from the start` : "") +
  (row.hiddenNeighbours > 0 ? `, ${row.hiddenNeighbours} neighbours not drawn: Enter draws them.` : ", all neighbours drawn.");

export function ExplorerPage({ canMark = false }: { canMark?: boolean }) {
  const { state, update } = useExplorerViewState();
  const { base, view, expandNode, expanding, expandError } = useExploredGraph(state);
  const cuts = useKindFilterCuts(state);
  const [layoutInfo, setLayoutInfo] = useState<LayoutDoneInfo | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const canvas = useRef<GraphCanvasHandle>(null);

  const elements = useMemo(
    () => (view ? (groupedElements(toCytoscapeElements(view), state.groupBy) as unknown as readonly TGraphElement[]) : []),
    [view, state.groupBy],
  );
  const rows = useMemo(() => (view ? explorerRows(view, state.focus) : []), [view, state.focus]);
  const rootIds = useMemo(() => (state.focus ? [nodeElementId(state.focus)] : []), [state.focus]);
  const selectedRow = rows.find((row) => row.id === state.selected);

  const select = (id: number | null) => update({ selected: id }, "replace");
  const expandAndSay = useCallback(
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

  const content =
    state.focus === null ? (
      <div className="empty-state" data-testid="explorer-empty">
        <h2>Choose where to start</h2>
        <p>Search for an identity, a secret, a package or a CI job above, or open any entity and press “Explore graph”.</p>
        <p>
          <Link href="/inventory/identities">Browse the inventory</Link>
        </p>
      </div>
    ) : base.isError ? (
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
    ) : base.isPending || !view ? (
      <div className="graph-canvas graph-canvas-loading" aria-busy="true">
        Loading the neighbourhood…
      </div>
    ) : state.display === "table" ? (
      <ExplorerTable rows={rows} selectedId={state.selected} onSelect={(row) => select(row.id)} />
    ) : (
      <GraphCanvasLazy
        elements={elements}
        layout={state.layout}
        rootIds={rootIds}
        selectedId={state.selected === null ? null : nodeElementId(state.selected)}
        onSelect={(id) => {
          // group boxes take no taps (graph-style.ts); a tap inside one is a tap on the background
          if (id === null || !isClusterId(id)) select(id === null ? null : Number(id));
        }}
        onExpand={(id) => {
          if (!isClusterId(id)) void expandNode(Number(id));
        }}
        onLayoutDone={setLayoutInfo}
        handleRef={canvas}
        label={`Graph around node ${state.focus}: ${view.nodes.length} nodes`}
      />
    );

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
        <div className="explorer-canvas">{content}</div>
        <aside className="explorer-side" aria-label="Nodes and details">
          {state.display === "picture" && rows.length > 0 ? (
            <NodeListbox
              rows={rows}
              selectedId={state.selected}
              onSelect={(row) => {
                select(row.id);
                setAnnouncement(describeRow(row));
              }}
              onExpand={(row) => {
                select(row.id);
                void expandAndSay(row);
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
