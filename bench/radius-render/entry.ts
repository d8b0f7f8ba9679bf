// Bundled by bench/radius-render.bench.ts into one script for headless Chromium: the same
// element building, preset layout and stylesheet the blast-radius page uses, with Cytoscape.
import cytoscape from "cytoscape";
import { graphStylesheet } from "@/components/graph/graph-style";
import { radiusPicture } from "@/lib/graph-view/radius-elements";
import type { TRadiusResult } from "@/lib/schemas/radius";

declare global {
  interface Window {
    renderRadius(result: TRadiusResult, webgl: boolean, decorations?: boolean): Promise<{ ms: number; pictureMs: number; elements: number; nodes: number; edges: number }>;
  }
}

// The canvas component's options for a view of this size (components/graph/graph-canvas.tsx).
window.renderRadius = (result, webgl, decorations = true) =>
  new Promise((resolve) => {
    const started = performance.now();
    const picture = radiusPicture(result, { decorations });
    const pictureMs = performance.now() - started;
    const container = document.getElementById("cy")!;
    const large = picture.elements.length > 1000;
    const cy = cytoscape({
      container,
      style: graphStylesheet({ webgl, large }),
      minZoom: 0.02,
      maxZoom: 4,
      pixelRatio: large ? 1 : "auto",
      motionBlur: false,
      hideEdgesOnViewport: large && !webgl,
      textureOnViewport: large && !webgl,
      ...(webgl ? { renderer: { name: "canvas", webgl: true, webglBgColor: [22, 29, 38] } } : {}),
    } as cytoscape.CytoscapeOptions);
    cy.add(picture.elements as unknown as cytoscape.ElementDefinition[]);
    const layout = cy.layout({ name: "preset", fit: true, padding: 30, animate: false });
    layout.one("layoutstop", () => {
      cy.one("render", () => {
        // the frame is drawn once the browser paints it
        requestAnimationFrame(() =>
          resolve({ ms: performance.now() - started, pictureMs, elements: cy.elements().length, nodes: cy.nodes().length, edges: cy.edges().length }),
        );
      });
      cy.forceRender();
    });
    layout.run();
  });
