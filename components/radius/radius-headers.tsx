import { screenHeaders, type TViewport } from "@/lib/graph-view/radius-headers";
import type { TRadiusLayout } from "@/lib/graph-view/radius-layout";

/** The picture's band titles and column headings, in HTML at a fixed size, following pan and zoom. */
export function RadiusHeaders({ layout, viewport, width }: { layout: TRadiusLayout; viewport: TViewport | null; width: number }) {
  const headers = viewport ? screenHeaders(layout, viewport, width) : { bands: [], columns: [] };
  return (
    <div className="radius-headers" data-testid="radius-headers" aria-hidden="true">
      {headers.bands.map((band) => (
        <span key={band.id} className="radius-header radius-header-band" style={{ left: band.left, width: band.width }} title={band.label}>
          {band.label}
        </span>
      ))}
      {headers.columns.map((column) => (
        <span
          key={column.id}
          className="radius-header radius-header-column"
          style={{ left: column.left, width: column.width }}
          title={`${column.label} (${column.count})`}
        >
          {column.label} <span className="radius-header-count">{column.count}</span>
        </span>
      ))}
    </div>
  );
}
