"use client";

import dynamic from "next/dynamic";
import "./graph.css";

// Cytoscape touches window and canvas at import time, so the canvas is never server-rendered.
export const GraphCanvasLazy = dynamic(() => import("./graph-canvas"), {
  ssr: false,
  loading: () => (
    <div className="graph-canvas graph-canvas-loading" aria-busy="true">
      Loading the graph…
    </div>
  ),
});
export type { GraphCanvasHandle, GraphCanvasProps, GraphViewport, LayoutDoneInfo } from "./graph-canvas";
