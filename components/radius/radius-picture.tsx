"use client";

import { useCallback, useEffect, useRef, useState, type Ref } from "react";
import { GraphCanvasLazy, type GraphCanvasHandle, type GraphViewport, type LayoutDoneInfo } from "@/components/graph/graph-canvas-lazy";
import { GraphLegend } from "@/components/graph/graph-legend";
import { RADIUS_READABLE_ZOOM } from "@/components/graph/graph-style";
import type { TGraphElement } from "@/lib/graph-view/cytoscape-elements";
import { drawnIds, isDecorationId, isSummaryId, type TRadiusPicture } from "@/lib/graph-view/radius-elements";
import { summaryLabel } from "@/lib/graph-view/summarise-columns";
import { PictureGroupsBar } from "./picture-groups-bar";
import { RadiusHeaders } from "./radius-headers";
import { usePictureGroups } from "./use-picture-groups";

export interface TNodeMenuActions {
  select: (id: string) => void;
  pathFrom: (id: string) => void;
  pathTo: (id: string) => void;
  toggleCompromised: ((id: string) => void) | null;
  isAssumed: (id: string) => boolean;
}

/**
 * The layered picture on the shared canvas, with the right-click menu for pathfinding and marking.
 * It opens readable (issue 13): long columns summarised, labels at least READABLE_FONT_PX, headings
 * in HTML, the legend open. Which summaries are expanded is this component's state
 * (use-picture-groups.ts): a click on a summary expands it, and selecting a node folded into one
 * (from the table or a permalink) expands that one so the selection is drawn.
 */
export function RadiusPicture({
  picture,
  selectedId,
  highlightedIds,
  actions,
  handleRef,
}: {
  picture: TRadiusPicture;
  selectedId: string | null;
  highlightedIds: readonly string[];
  actions: TNodeMenuActions;
  handleRef: Ref<GraphCanvasHandle>;
}) {
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const [layoutInfo, setLayoutInfo] = useState<LayoutDoneInfo | null>(null);
  const [viewport, setViewport] = useState<GraphViewport | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvas = useRef<GraphCanvasHandle | null>(null);
  // the page keeps a handle too (PNG export); the zoom buttons use the same one
  const setHandle = useCallback(
    (handle: GraphCanvasHandle | null) => {
      canvas.current = handle;
      if (typeof handleRef === "function") handleRef(handle);
      else if (handleRef) handleRef.current = handle;
    },
    [handleRef],
  );

  const groups = usePictureGroups(picture, selectedId);
  const { drawn, expand } = groups;
  // a node drawn because its group was opened can fold the group back
  const foldBackId = menu ? drawn.openedFrom.get(menu.id) : undefined;
  const foldBack = foldBackId ? drawn.opened.find((group) => group.groupId === foldBackId) : undefined;

  useEffect(() => {
    if (!menu) return;
    menuRef.current?.querySelector("button")?.focus();
    const close = (event: KeyboardEvent | MouseEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menuRef.current?.contains(event.target as Node)) setMenu(null);
    };
    window.addEventListener("keydown", close);
    window.addEventListener("mousedown", close);
    return () => {
      window.removeEventListener("keydown", close);
      window.removeEventListener("mousedown", close);
    };
  }, [menu]);

  const run = (action: (id: string) => void) => () => {
    if (menu) action(menu.id);
    setMenu(null);
  };

  return (
    <div className="radius-picture">
      <div className="radius-canvas-wrap" ref={wrapRef}>
        <RadiusHeaders layout={drawn.layout} viewport={viewport} width={wrapRef.current?.clientWidth ?? Number.POSITIVE_INFINITY} />
        <div className="radius-zoom" role="group" aria-label="Zoom">
          <button type="button" className="button" aria-label="Zoom in" title="Zoom in" onClick={() => canvas.current?.zoomIn()}>
            +
          </button>
          <button type="button" className="button" aria-label="Zoom out" title="Zoom out" onClick={() => canvas.current?.zoomOut()}>
            −
          </button>
          <button type="button" className="button" aria-label="Fit the whole picture" title="Fit the whole picture" onClick={() => canvas.current?.fit()}>
            Fit
          </button>
        </div>
        <GraphCanvasLazy
          // The picture's decorations (bands, headings) and summaries are extra node data the
          // canvas draws via graph-style.ts; they are not domain nodes, hence the widening cast.
          elements={drawn.elements as unknown as readonly TGraphElement[]}
          layout="preset"
          rootIds={drawn.sourceElementIds}
          selectedId={selectedId}
          highlightedIds={drawnIds(drawn, highlightedIds)}
          minFitZoom={RADIUS_READABLE_ZOOM}
          fitOn="roots-change"
          onViewport={setViewport}
          onSelect={(id) => {
            if (id !== null && isSummaryId(id)) expand(id);
            else if (id === null || !isDecorationId(id)) actions.select(id ?? "");
          }}
          onContext={(id, position) => {
            if (!isDecorationId(id) && !isSummaryId(id)) setMenu({ id, x: position.x, y: position.y });
          }}
          onLayoutDone={setLayoutInfo}
          handleRef={setHandle}
          className="graph-canvas radius-canvas"
          label="Blast radius picture: the compromise on the left, then the contexts it runs in, the secrets they expose, the identities those unlock and the systems and packages reached; worm generations in bands further right. The table view lists the same nodes."
        />
        {menu ? (
          <div
            ref={menuRef}
            role="menu"
            className="node-menu"
            style={{ left: menu.x - window.scrollX, top: menu.y - window.scrollY }}
            aria-label="Node actions"
          >
            <button type="button" role="menuitem" onClick={run(actions.select)}>
              Show how it is reached
            </button>
            <button type="button" role="menuitem" onClick={run(actions.pathFrom)}>
              Path from here
            </button>
            <button type="button" role="menuitem" onClick={run(actions.pathTo)}>
              Path to here
            </button>
            {foldBack ? (
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  groups.collapse(foldBack.groupId);
                  setMenu(null);
                }}
              >
                Fold back into {summaryLabel(foldBack)}
              </button>
            ) : null}
            {/* the radius' own sources are compromised already: nothing to mark (unmarking stays offered) */}
            {actions.toggleCompromised && (actions.isAssumed(menu.id) || !drawn.sourceElementIds.includes(menu.id)) ? (
              <button type="button" role="menuitem" onClick={run(actions.toggleCompromised)}>
                {actions.isAssumed(menu.id) ? "Unmark compromised" : "Mark as compromised"}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="radius-picture-foot muted" aria-live="polite">
        {layoutInfo
          ? `${layoutInfo.nodes.toLocaleString("en")} nodes, ${layoutInfo.edges.toLocaleString("en")} edges drawn in ${layoutInfo.ms} ms (${layoutInfo.renderer}).`
          : null}{" "}
        Click a node for its path, a summary to expand it; right-click for pathfinding.
      </div>
      <PictureGroupsBar
        summaries={drawn.summaries}
        opened={drawn.opened}
        refused={groups.refused}
        onExpand={expand}
        onCollapse={groups.collapse}
        onCollapseAll={groups.collapseAll}
      />
      <details className="radius-legend" open>
        <summary>Legend</summary>
        <GraphLegend webgl={layoutInfo?.renderer === "webgl"} timing summaries />
      </details>
    </div>
  );
}
