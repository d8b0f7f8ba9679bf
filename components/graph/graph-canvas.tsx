"use client";

// THE Cytoscape canvas of Blastmap. It draws the elements it is given and reports what the user
// does; it knows nothing about identities or blast radii (build elements with
// lib/graph-view/cytoscape-elements.ts, style lives in ./graph-style.ts, options in ./cytoscape-options.ts). Load it client-side only,
// through ./graph-canvas-lazy.tsx (next/dynamic, ssr: false).
//
// Props
//   elements        nodes and edges ({ group, data }); updated in place by id, so an expansion keeps
//                   what is already drawn and only re-runs the layout. A node whose data has
//                   `parent` is drawn inside that node (a compound node); changing `parent`
//                   moves it from box to box
//   layout          "fcose" | "elk" | "breadthfirst" | "concentric" | "grid" | "preset" (positions from
//                   each node element's `position`, moved on update); heavy layouts fall back
//                   to breadthfirst above their node budget (see graph-layouts.ts) — onLayoutDone
//                   reports which one ran and why
//   rootIds         element ids placed first by breadthfirst and drawn larger (class "focus")
//   selectedId      the selected node (controlled); null clears the selection
//   highlightedIds  element ids on a path: drawn bright, everything else faded; empty = no highlight
//   renderer        "auto" (WebGL above WEBGL_ELEMENT_THRESHOLD elements on a hardware GPU, else
//                   canvas), "canvas" or "webgl" (forced)
//   onSelect(id)    a node was tapped (null: background tapped)
//   onExpand(id)    a node was double-clicked (the caller fetches and merges its neighbours)
//   onContext(id, position)  right-click on a node, position in page pixels (for a context menu)
//   onLayoutDone(info)       after each layout: the layout that ran, fallback reason, renderer, ms
//   onViewport(viewport)     after every pan, zoom or resize (once per frame): zoom and pan, so a
//                   caller can keep HTML (headings) aligned with the drawing
//   minFitZoom      a fit never zooms out below this: a picture too big to fit at a readable size
//                   opens at this zoom, its left edge in view and centred vertically, instead of
//                   as an unreadable miniature ("Fit" from the handle still shows all of it)
//   fitOn           "every-layout" (default) or "roots-change": fit only when the roots change,
//                   so an expansion in place keeps the reader's viewport
//   handleRef       imperative handle: fit(), zoomIn(), zoomOut(), center(id), exportPng()

import cytoscape, { type Core, type ElementDefinition, type EventObject, type LayoutOptions, type NodeSingular } from "cytoscape";
import elk from "cytoscape-elk";
import fcose from "cytoscape-fcose";
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import type { TGraphElement } from "@/lib/graph-view/cytoscape-elements";
import { FIT_PADDING, fitReadable } from "./fit-readable";
import { effectiveLayout, layoutOptions, type TGraphLayoutName } from "./graph-layouts";
import { CANVAS_BACKGROUND, cytoscapeOptions, LARGE_ELEMENT_THRESHOLD } from "./cytoscape-options";

/** Above this many elements the canvas renderer stutters (measured); WebGL stays smooth. */
export const WEBGL_ELEMENT_THRESHOLD = 2000;

export interface GraphCanvasHandle {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  center(id: string): void;
  /** the whole graph as a PNG */
  exportPng(): Promise<Blob>;
}

export interface LayoutDoneInfo {
  requested: TGraphLayoutName;
  ran: TGraphLayoutName;
  fallbackReason: string | null;
  renderer: "webgl" | "canvas";
  nodes: number;
  edges: number;
  ms: number;
}

export interface GraphViewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface GraphCanvasProps {
  elements: readonly TGraphElement[];
  layout: TGraphLayoutName;
  rootIds?: readonly string[];
  selectedId?: string | null;
  highlightedIds?: readonly string[];
  renderer?: "auto" | "canvas" | "webgl";
  onSelect?: (id: string | null) => void;
  onExpand?: (id: string) => void;
  onContext?: (id: string, position: { x: number; y: number }) => void;
  onLayoutDone?: (info: LayoutDoneInfo) => void;
  onViewport?: (viewport: GraphViewport) => void;
  minFitZoom?: number;
  fitOn?: "every-layout" | "roots-change";
  handleRef?: Ref<GraphCanvasHandle>;
  className?: string;
  /** accessible name of the graph region */
  label?: string;
}

let extensionsRegistered = false;
function registerExtensions() {
  if (extensionsRegistered) return;
  cytoscape.use(fcose);
  cytoscape.use(elk);
  extensionsRegistered = true;
}

const ZOOM_STEP = 1.25;
/** on-screen size of a hovered or selected node's label, whatever the zoom */
const POINTED_LABEL_PX = 12;

// Software GL (SwiftShader, llvmpipe: a VM or remote desktop without a GPU) draws WebGL on the CPU
// at ~1 frame per second for 5,000 elements, where the canvas renderer with its viewport texture
// keeps 60 (bench explorer-render); WebGL is worth it only on a real GPU.
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

let hardwareWebgl: boolean | null = null;
/** Whether the browser has WebGL 2 on a hardware GPU (what Cytoscape's WebGL renderer needs to pay off). */
export function hardwareWebgl2(): boolean {
  if (hardwareWebgl === null) {
    try {
      const gl = document.createElement("canvas").getContext("webgl2");
      const info = gl?.getExtension("WEBGL_debug_renderer_info");
      const rendererName = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "";
      hardwareWebgl = gl !== null && !SOFTWARE_GL.test(rendererName);
      gl?.getExtension("WEBGL_lose_context")?.loseContext();
    } catch {
      hardwareWebgl = false;
    }
  }
  return hardwareWebgl;
}

function afterFirstFrame(cy: Core, webgl: boolean, done: () => void): void {
  if (webgl) requestAnimationFrame(() => requestAnimationFrame(() => done()));
  else cy.one("render", () => done());
}

export default function GraphCanvas(props: GraphCanvasProps) {
  const {
    elements,
    layout,
    rootIds = [],
    selectedId = null,
    highlightedIds = [],
    renderer = "auto",
    handleRef,
    className,
    label = "Graph",
    minFitZoom = 0,
    fitOn = "every-layout",
  } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const pendingCenter = useRef<string | null>(null);
  const centerPending = (cy: Core) => {
    const id = pendingCenter.current;
    const node = id ? cy.getElementById(id) : null;
    if (!node || node.empty()) return;
    pendingCenter.current = null;
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  };
  const fittedRoots = useRef<string | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  // Cytoscape's WebGL renderer needs WebGL 2 (without it, it fails outright) and a real GPU (on
  // software GL it is far slower than the canvas renderer); "auto" asks for it only then.
  const webgl = renderer === "webgl" || (renderer === "auto" && elements.length > WEBGL_ELEMENT_THRESHOLD && hardwareWebgl2());
  const large = elements.length > LARGE_ELEMENT_THRESHOLD;

  // One Cytoscape instance per renderer mode: WebGL cannot be switched on a live instance.
  useEffect(() => {
    registerExtensions();
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape(cytoscapeOptions({ container, webgl, large }));
    cy.on("tap", (event: EventObject) => {
      if (event.target === cy) callbacks.current.onSelect?.(null);
      else if (event.target.isNode?.()) callbacks.current.onSelect?.(event.target.id());
    });
    cy.on("dbltap", "node", (event: EventObject) => callbacks.current.onExpand?.(event.target.id()));
    cy.on("cxttap", "node", (event: EventObject) => {
      const rect = container.getBoundingClientRect();
      const position = event.renderedPosition ?? { x: 0, y: 0 };
      callbacks.current.onContext?.(event.target.id(), { x: rect.left + window.scrollX + position.x, y: rect.top + window.scrollY + position.y });
    });
    // A pointed-at or selected node's label is readable at any zoom: zoomed out, labels are
    // hidden or tiny (min-zoomed-font-size, graph-style.ts), so hovering names the node instead
    // of requiring a zoom in (issue 13, item 5).
    const pointed = (node: NodeSingular, on: boolean) => {
      if (on) {
        // read while a bypass may already be set (hovered, then selected): it is never below the base
        const base = parseFloat(node.style("font-size"));
        node.style({
          "font-size": Math.max(base, POINTED_LABEL_PX / cy.zoom()),
          "min-zoomed-font-size": 0,
          "z-index": 999,
          "text-background-color": "#0f1419",
          "text-background-opacity": 0.85,
        });
      } else if (!node.selected() && !node.hasClass("pointer-over"))
        node.removeStyle("font-size min-zoomed-font-size z-index text-background-color text-background-opacity");
    };
    cy.on("mouseover", "node", (event: EventObject) => {
      event.target.addClass("pointer-over");
      if (!event.target.data("decoration")) pointed(event.target, true);
    });
    cy.on("mouseout", "node", (event: EventObject) => {
      event.target.removeClass("pointer-over");
      pointed(event.target, false);
    });
    cy.on("select", "node", (event: EventObject) => pointed(event.target, true));
    cy.on("unselect", "node", (event: EventObject) => pointed(event.target, false));
    let viewportFrame = 0;
    cy.on("viewport resize", () => {
      if (viewportFrame) return;
      viewportFrame = requestAnimationFrame(() => {
        viewportFrame = 0;
        callbacks.current.onViewport?.({ zoom: cy.zoom(), pan: cy.pan() });
      });
    });
    // Cytoscape caches where its container is on the page and measures again only after a resize,
    // a scroll event or the end of a CSS transition. Content above the picture changing height (a
    // notice, a second source, a wrapped toolbar) moves the container without any of those, and a
    // press that comes before the scroll event's frame is read against the old place: either way
    // the click lands beside the node under the pointer. cy.resize() is Cytoscape's call for a
    // moved container; the pointer's arrival, moves and presses check the position first.
    // Where Cytoscape last measured the container: at creation, and at each of its resizes.
    let placedAt = container.getBoundingClientRect();
    cy.on("resize", () => {
      placedAt = container.getBoundingClientRect();
    });
    const followPlacement = () => {
      const now = container.getBoundingClientRect();
      if (now.left !== placedAt.left || now.top !== placedAt.top) cy.resize();
    };
    const placementEvents = ["pointerenter", "pointermove", "pointerdown"] as const;
    for (const name of placementEvents) container.addEventListener(name, followPlacement, { capture: true, passive: true });
    cyRef.current = cy;
    fittedRoots.current = null;
    container.dataset.renderer = webgl ? "webgl" : "canvas";
    return () => {
      for (const name of placementEvents) container.removeEventListener(name, followPlacement, { capture: true });
      cancelAnimationFrame(viewportFrame);
      cyRef.current = null;
      cy.destroy();
    };
  }, [webgl, large]);

  // Sync elements by id, then lay out when the set of elements changed.
  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const started = performance.now();
    const wanted = new Map(elements.map((element) => [element.data.id, element]));
    let structureChanged = false;
    cy.batch(() => {
      const stale = cy.elements().filter((element) => !wanted.has(element.id()));
      if (stale.nonempty()) {
        structureChanged = true;
        // removing a compound node removes what is inside it: take out what stays first
        stale
          .nodes()
          .children()
          .filter((child) => wanted.has(child.id()))
          .move({ parent: null });
        cy.remove(stale);
      }
      const added: ElementDefinition[] = [];
      const moves: { node: NodeSingular; parent: string | null }[] = [];
      for (const element of elements) {
        const existing = cy.getElementById(element.data.id);
        const position = "position" in element ? element.position : undefined;
        if (existing.empty()) added.push({ group: element.group, data: { ...element.data }, ...(position ? { position: { ...position } } : {}) });
        else {
          // Cytoscape changes a parent only through move(), never through data()
          const { parent = null, ...data } = element.data as typeof element.data & { parent?: string };
          if (existing.isNode() && (existing.data("parent") ?? null) !== parent) moves.push({ node: existing, parent });
          existing.data(data);
          if (position && layout === "preset") {
            const current = existing.position();
            if (current.x !== position.x || current.y !== position.y) {
              existing.position({ ...position });
              structureChanged = true;
            }
          }
        }
      }
      // compound nodes, then the nodes inside them, then edges: each finds what it refers to
      const rank = (element: ElementDefinition) => (element.group === "edges" ? 2 : element.data.parent ? 1 : 0);
      added.sort((a, b) => rank(a) - rank(b));
      if (added.length) {
        structureChanged = true;
        cy.add(added);
      }
      for (const { node, parent } of moves) node.move({ parent });
      if (moves.length) structureChanged = true;
      cy.nodes().removeClass("focus");
      for (const id of rootIds) cy.getElementById(id).addClass("focus");
    });
    container.dataset.elements = String(cy.elements().length);
    if (!structureChanged && container.dataset.layout === layout) return;

    const nodeCount = cy.nodes().length;
    const chosen = effectiveLayout(layout, nodeCount);
    container.dataset.layout = layout;
    container.dataset.ready = "false";
    // a collection, not a selector: numeric ids make invalid CSS id selectors
    const roots = rootIds.reduce((collection, id) => collection.union(cy.getElementById(id)), cy.collection());
    const rootKey = rootIds.join(",");
    const fit = fitOn === "every-layout" || fittedRoots.current !== rootKey;
    fittedRoots.current = rootKey;
    // the layout places, fitReadable frames: a plain fit would open a big picture unreadably small
    const run = cy.layout({ ...layoutOptions(chosen.name, nodeCount, roots, { compound: cy.nodes(":parent").nonempty() }), fit: false } as LayoutOptions);
    run.one("layoutstop", () => {
      if (fit) fitReadable(cy, minFitZoom);
      centerPending(cy);
      callbacks.current.onViewport?.({ zoom: cy.zoom(), pan: cy.pan() });
      // the first frame after the layout is the one the user sees. The canvas renderer announces
      // it with a "render" event; the WebGL renderer emits none, but draws on the next animation
      // frame, so the frame after that has been painted.
      afterFirstFrame(cy, webgl, () => {
        container.dataset.ready = "true";
        callbacks.current.onLayoutDone?.({
          requested: layout,
          ran: chosen.name,
          fallbackReason: chosen.fallbackReason,
          renderer: webgl ? "webgl" : "canvas",
          nodes: nodeCount,
          edges: cy.edges().length,
          ms: Math.round(performance.now() - started),
        });
      });
      cy.forceRender();
    });
    run.run();
    return () => {
      run.stop();
    };
    // rootIds is an array prop: compared by content
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements, layout, webgl, large, rootIds.join(","), minFitZoom, fitOn]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(":selected").unselect();
    if (selectedId) cy.getElementById(selectedId).select();
  }, [selectedId, elements, webgl, large]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass("highlighted faded");
      if (highlightedIds.length === 0) return;
      const onPath = new Set(highlightedIds);
      cy.elements().forEach((element) => {
        element.addClass(onPath.has(element.id()) ? "highlighted" : "faded");
      });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlightedIds.join(","), elements, webgl, large]);

  useImperativeHandle(
    handleRef,
    () => ({
      fit: () => cyRef.current?.fit(undefined, FIT_PADDING),
      zoomIn: () => zoomBy(cyRef.current, ZOOM_STEP),
      zoomOut: () => zoomBy(cyRef.current, 1 / ZOOM_STEP),
      center: (id: string) => {
        // a node not drawn yet (folded into a summary that the selection is about to open) is
        // centred when the next layout has placed it
        pendingCenter.current = id;
        const cy = cyRef.current;
        if (cy && containerRef.current?.dataset.ready !== "false") centerPending(cy);
      },
      exportPng: async () => {
        const cy = cyRef.current;
        if (!cy) throw new Error("the graph is not drawn yet");
        // print-only decorations (graph-style.ts) appear for the image: it has no HTML around it
        cy.nodes().addClass("printing");
        try {
          return await cy.png({ full: true, output: "blob-promise", bg: CANVAS_BACKGROUND, maxWidth: 8000, maxHeight: 8000 });
        } finally {
          cy.nodes().removeClass("printing");
        }
      },
    }),
    [],
  );

  return <div ref={containerRef} className={className ?? "graph-canvas"} role="img" aria-label={label} data-testid="graph-canvas" />;
}

function zoomBy(cy: Core | null, factor: number) {
  if (!cy) return;
  const level = cy.zoom() * factor;
  cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}
