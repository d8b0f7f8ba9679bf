import type { CytoscapeOptions } from "cytoscape";
import { graphStylesheet } from "./graph-style";

/** Above this many elements labels shrink, hide when zoomed out, and edges are straight. */
export const LARGE_ELEMENT_THRESHOLD = 1000;

/** The canvas's background (--panel in app/globals.css): WebGL and PNG exports paint it themselves. */
export const CANVAS_BACKGROUND = "#161d26";
const CANVAS_BACKGROUND_RGB = [1, 3, 5].map((at) => parseInt(CANVAS_BACKGROUND.slice(at, at + 2), 16));

/**
 * The options every Blastmap Cytoscape instance is made with: the canvas component's, and the
 * radius-render bench's, so the bench measures what the pages draw.
 */
export function cytoscapeOptions({ container, webgl, large }: { container: HTMLElement; webgl: boolean; large: boolean }): CytoscapeOptions {
  return {
    container,
    style: graphStylesheet({ webgl, large }),
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
    // Performance options for big views (Cytoscape's performance guide): fewer pixels, no
    // motion blur; on the canvas renderer, edges hidden and a cached texture while panning.
    pixelRatio: large ? 1 : "auto",
    motionBlur: false,
    hideEdgesOnViewport: large && !webgl,
    textureOnViewport: large && !webgl,
    ...(webgl ? { renderer: { name: "canvas", webgl: true, webglBgColor: CANVAS_BACKGROUND_RGB } } : {}),
  } as CytoscapeOptions;
}
