"use client";

import { useEffect, useRef, useState, type Ref } from "react";
import { GraphCanvasLazy, type GraphCanvasHandle, type LayoutDoneInfo } from "@/components/graph/graph-canvas-lazy";
import { GraphLegend } from "@/components/graph/graph-legend";
import type { TGraphElement } from "@/lib/engine/cytoscape-elements";
import { isDecorationId, type TRadiusPicture } from "@/lib/graph-view/radius-elements";

export interface TNodeMenuActions {
  select: (id: string) => void;
  pathFrom: (id: string) => void;
  pathTo: (id: string) => void;
  toggleCompromised: ((id: string) => void) | null;
  isAssumed: (id: string) => boolean;
}

/** The layered picture on the shared canvas, with the right-click menu for pathfinding and marking. */
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
  const menuRef = useRef<HTMLDivElement>(null);

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
      <div className="radius-canvas-wrap">
        <GraphCanvasLazy
          // The picture's decorations (bands, headings) are extra node data the canvas draws via
          // graph-style.ts; they are not domain nodes, hence the widening cast.
          elements={picture.elements as unknown as readonly TGraphElement[]}
          layout="preset"
          rootIds={picture.sourceElementIds}
          selectedId={selectedId}
          highlightedIds={highlightedIds}
          onSelect={(id) => {
            if (id === null || !isDecorationId(id)) actions.select(id ?? "");
          }}
          onContext={(id, position) => {
            if (!isDecorationId(id)) setMenu({ id, x: position.x, y: position.y });
          }}
          onLayoutDone={setLayoutInfo}
          handleRef={handleRef}
          className="graph-canvas radius-canvas"
          label="Blast radius picture: the compromise on the left, then the contexts it runs in, the secrets they expose, the identities those unlock and the systems and packages reached; worm generations in bands further right. The table view lists the same nodes."
        />
        {menu ? (
          <div ref={menuRef} role="menu" className="node-menu" style={{ left: menu.x - window.scrollX, top: menu.y - window.scrollY }} aria-label="Node actions">
            <button type="button" role="menuitem" onClick={run(actions.select)}>
              Show how it is reached
            </button>
            <button type="button" role="menuitem" onClick={run(actions.pathFrom)}>
              Path from here
            </button>
            <button type="button" role="menuitem" onClick={run(actions.pathTo)}>
              Path to here
            </button>
            {actions.toggleCompromised ? (
              <button type="button" role="menuitem" onClick={run(actions.toggleCompromised)}>
                {actions.isAssumed(menu.id) ? "Unmark compromised" : "Mark as compromised"}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="radius-picture-foot muted" aria-live="polite">
        {layoutInfo ? `${layoutInfo.nodes.toLocaleString("en")} nodes, ${layoutInfo.edges.toLocaleString("en")} edges drawn in ${layoutInfo.ms} ms (${layoutInfo.renderer}).` : null}{" "}
        Click a node for its path; right-click for pathfinding.
      </div>
      <details className="radius-legend">
        <summary>Legend</summary>
        <GraphLegend webgl={layoutInfo?.renderer === "webgl"} timing />
      </details>
    </div>
  );
}
