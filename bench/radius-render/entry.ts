// Bundled by bench/radius-render.bench.ts into one script for headless Chromium: the same
// element building, preset layout, Cytoscape options, stylesheet and first framing the
// blast-radius page uses (imported from the page's own modules, never copied).
import cytoscape from "cytoscape";
import { fitReadable } from "@/components/graph/fit-readable";
import { cytoscapeOptions, LARGE_ELEMENT_THRESHOLD } from "@/components/graph/cytoscape-options";
import { RADIUS_READABLE_ZOOM } from "@/components/graph/graph-style";
import { radiusPicture } from "@/lib/graph-view/radius-elements";
import type { TRadiusResult } from "@/lib/schemas/radius";

export interface TRenderFigures {
  ms: number;
  pictureMs: number;
  elements: number;
  nodes: number;
  edges: number;
  zoom: number;
  /** the smallest label font on screen, in CSS pixels (font size × zoom) */
  labelPx: number;
  /** labelled nodes whose centre is inside the canvas at the first view */
  labelledInView: number;
}

declare global {
  interface Window {
    renderRadius(result: TRadiusResult, webgl: boolean, options?: { summarise?: boolean }): Promise<TRenderFigures>;
  }
}

window.renderRadius = (result, webgl, options = {}) =>
  new Promise((resolve) => {
    const started = performance.now();
    // what radius-page.tsx draws: every loaded node, long columns and big bands folded into groups
    const picture = radiusPicture(result, options.summarise === false ? { summariseAbove: Number.POSITIVE_INFINITY } : {});
    const pictureMs = performance.now() - started;
    const container = document.getElementById("cy")!;
    const large = picture.elements.length > LARGE_ELEMENT_THRESHOLD;
    // the canvas component's own options for a picture of this size
    const cy = cytoscape(cytoscapeOptions({ container, webgl, large }));
    cy.add(picture.elements as unknown as cytoscape.ElementDefinition[]);
    const layout = cy.layout({ name: "preset", fit: false, animate: false });
    layout.one("layoutstop", () => {
      fitReadable(cy, RADIUS_READABLE_ZOOM);
      cy.one("render", () => {
        // the frame is drawn once the browser paints it
        requestAnimationFrame(() => {
          const ms = performance.now() - started;
          const labelled = cy.nodes().filter((node) => node.visible() && !node.data("decoration") && node.style("label") !== "");
          const inView = labelled.filter((node) => {
            const { x, y } = (node as cytoscape.NodeSingular).renderedPosition();
            return x >= 0 && y >= 0 && x <= cy.width() && y <= cy.height();
          });
          const labelPx = Math.min(...labelled.map((node) => parseFloat(node.style("font-size")) * cy.zoom()));
          resolve({
            ms,
            pictureMs,
            elements: cy.elements().length,
            nodes: cy.nodes().length,
            edges: cy.edges().length,
            zoom: cy.zoom(),
            labelPx,
            labelledInView: inView.length,
          });
        });
      });
      cy.forceRender();
    });
    layout.run();
  });
