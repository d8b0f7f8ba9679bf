// Bundled by bench/explorer-render.bench.ts into one script for headless Chromium: the explorer's
// own path from a graph view to pixels — lib/graph-view/cytoscape-elements.ts, then the real
// <GraphCanvas> component (stylesheet, renderer choice, layout fallback) mounted with React.
import { createRef } from "react";
import { createRoot } from "react-dom/client";
import GraphCanvas, { type GraphCanvasHandle, type LayoutDoneInfo } from "@/components/graph/graph-canvas";
import type { TGraphLayoutName } from "@/components/graph/graph-layouts";
import { toCytoscapeElements } from "@/lib/graph-view/cytoscape-elements";
import type { TGraphView } from "@/lib/schemas/graph-view";

export interface RenderResult {
  ms: number;
  info: LayoutDoneInfo;
  elements: number;
  zoomFrameMs: number[];
  /** the graph's drawing area: a bench that draws into a 0-pixel box measures nothing */
  drawn: { width: number; height: number };
}

declare global {
  interface Window {
    renderExplorer(view: TGraphView, options: { renderer: "auto" | "canvas" | "webgl"; layout: TGraphLayoutName }): Promise<RenderResult>;
    /** starts recording animation-frame timestamps (the gesture the bench plays with the mouse) */
    startFrameLog(): void;
    /** stops recording; the intervals between frames in ms */
    stopFrameLog(): number[];
  }
}

// A frame that takes long to draw delays the next animation frame, so the intervals between
// frames during a real wheel-zoom or drag-pan are what the user sees as smooth or not.
let frameLog: number[] | null = null;
const logFrame = (time: number) => {
  if (!frameLog) return;
  frameLog.push(time);
  requestAnimationFrame(logFrame);
};
window.startFrameLog = () => {
  frameLog = [];
  requestAnimationFrame(logFrame);
};
window.stopFrameLog = () => {
  const times = frameLog ?? [];
  frameLog = null;
  return times.slice(1).map((time, i) => time - times[i]);
};

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

window.renderExplorer = (view, options) =>
  new Promise((resolve) => {
    const started = performance.now();
    const container = document.getElementById("root")!;
    const handle = createRef<GraphCanvasHandle>();
    const elements = toCytoscapeElements(view);
    const onLayoutDone = async (info: LayoutDoneInfo) => {
      // the frame is on screen once the browser paints it
      await nextFrame();
      const ms = performance.now() - started;
      // pan/zoom smoothness: time from a zoom step to the frame that shows it
      const zoomFrameMs: number[] = [];
      for (let i = 0; i < 12; i++) {
        const stepStarted = performance.now();
        if (i % 2 === 0) handle.current?.zoomIn();
        else handle.current?.zoomOut();
        await nextFrame();
        await nextFrame();
        zoomFrameMs.push(performance.now() - stepStarted);
      }
      const box = container.querySelector<HTMLElement>("[data-testid=graph-canvas]");
      resolve({ ms, info, elements: elements.length, zoomFrameMs, drawn: { width: box?.clientWidth ?? 0, height: box?.clientHeight ?? 0 } });
    };
    createRoot(container).render(
      <div style={{ width: 1100, height: 700 }}>
        <GraphCanvas
          elements={elements}
          layout={options.layout}
          rootIds={[String(view.focusId)]}
          renderer={options.renderer}
          onLayoutDone={onLayoutDone}
          handleRef={handle}
        />
      </div>,
    );
  });
