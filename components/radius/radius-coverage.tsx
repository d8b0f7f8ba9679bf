import { RADIUS_PAGE_SIZE } from "@/lib/queries/use-blast-radius";
import type { TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import type { TRadiusResult } from "@/lib/schemas/radius";

/** How much of a big radius is on screen, and a way to load more (the most important come first). */
export function RadiusCoverage({
  result,
  display,
  more,
}: {
  result: TRadiusResult;
  display: TRadiusViewState["display"];
  more: { load: () => void; loading: boolean };
}) {
  const total = result.page?.total ?? result.nodes.length;
  const loaded = result.nodes.length;
  if (loaded >= total) return null;
  return (
    <p className="radius-coverage" data-testid="radius-coverage" role="status">
      Showing {loaded.toLocaleString("en")} of {total.toLocaleString("en")} nodes — the most important first: the paths to critical systems, the credentials at
      the top of the rotation plan, then what can be republished.
      {display === "picture" ? " The picture counts the rest in groups by kind, repository and owner; open a group to see its members." : ""}{" "}
      {loaded < total ? (
        <button type="button" className="button" onClick={more.load} disabled={more.loading} data-testid="radius-load-more">
          {more.loading ? "Loading…" : `Load ${Math.min(RADIUS_PAGE_SIZE, total - loaded).toLocaleString("en")} more`}
        </button>
      ) : null}
    </p>
  );
}
