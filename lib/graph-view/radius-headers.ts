import type { TRadiusLayout } from "./radius-layout";

// Where the blast-radius picture's band titles and column headings go on screen. They are HTML
// above the canvas rather than Cytoscape labels, because a label scales with the zoom: at the
// fit of a big radius (zoom ≈ 0.3) the headings were 5–7 px (issue 13). HTML keeps them at a
// fixed, readable size and only follows the pan and zoom horizontally.

export interface TScreenHeader {
  id: string;
  label: string;
  /** nodes in the column; null for a band */
  count: number | null;
  /** pixels from the canvas's left edge */
  left: number;
  width: number;
}

export interface TViewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** Band titles and column headings in canvas pixels; `canvasWidth` drops those scrolled out of view. */
export function screenHeaders(
  layout: Pick<TRadiusLayout, "bands" | "columns">,
  viewport: TViewport,
  canvasWidth: number,
): { bands: TScreenHeader[]; columns: TScreenHeader[] } {
  const toScreen = (left: number, width: number) => ({ left: left * viewport.zoom + viewport.pan.x, width: width * viewport.zoom });
  const visible = (header: TScreenHeader) => header.left + header.width > 0 && header.left < canvasWidth;
  return {
    bands: layout.bands.map((band) => ({ id: `band:${band.generation}`, label: band.label, count: null, ...toScreen(band.x, band.width) })).filter(visible),
    columns: layout.columns
      .map((column) => ({
        id: `heading:${column.generation}:${column.stage}`,
        label: column.label,
        count: column.count,
        ...toScreen(column.left, column.width),
      }))
      .filter(visible),
  };
}
