import type { Core } from "cytoscape";

export const FIT_PADDING = 30;

/**
 * Fits the graph, but never below `minZoom`: a graph too big to fit at a readable size opens at
 * `minZoom` with its left edge in view, centred vertically, rather than as an unreadable
 * miniature (issue 13: the blast radius opened at zoom 0.3 with its labels hidden). Left, because
 * pictures read left to right from the compromise.
 */
export function fitReadable(cy: Core, minZoom: number): void {
  cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() >= minZoom || cy.elements().empty()) return;
  const box = cy.elements().boundingBox();
  cy.zoom(minZoom);
  cy.pan({ x: FIT_PADDING - box.x1 * minZoom, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * minZoom });
}
