"use client";

import { useEffect, useState, type RefObject } from "react";
import type { GraphCanvasHandle } from "@/components/graph/graph-canvas-lazy";
import { nodeElementId } from "@/lib/graph-view/cytoscape-elements";
import type { TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import type { TReachedNode } from "@/lib/schemas/radius";

/**
 * A rotation-plan row chosen far below the picture: once the page shows that node selected, bring
 * it (and the panel explaining it) into view. Returns the function that asks for it.
 */
export function useRevealSelected({
  view,
  byKey,
  canvas,
  section,
}: {
  view: TRadiusViewState;
  byKey: ReadonlyMap<string, TReachedNode>;
  canvas: RefObject<GraphCanvasHandle | null>;
  section: RefObject<HTMLElement | null>;
}): (key: string) => void {
  const [reveal, setReveal] = useState<string | null>(null);
  useEffect(() => {
    if (reveal === null || view.selected !== reveal) return;
    setReveal(null);
    const node = byKey.get(reveal);
    if (node && view.display === "picture") canvas.current?.center(nodeElementId(node.id));
    // side by side, the picture and the panel come into view together; stacked (narrow screens),
    // the panel that explains the chosen node is what the reader asked for
    const page = section.current;
    const stacked = window.matchMedia("(max-width: 1100px)").matches;
    const target = (stacked ? page?.querySelector<HTMLElement>(".radius-side") : null) ?? page?.querySelector<HTMLElement>(".radius-main");
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target?.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
  }, [reveal, view.selected, view.display, byKey, canvas, section]);
  return setReveal;
}
