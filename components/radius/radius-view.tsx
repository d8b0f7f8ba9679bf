import type { TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { PinnedNotReached } from "./pinned-not-reached";
import { RadiusCoverage } from "./radius-coverage";
import { RadiusFilters } from "./radius-filters";
import { RadiusSummaryCards } from "./radius-summary-cards";
import { RotationPlanTable } from "./rotation-plan-table";

/** A computed radius: heading, summary, filters, the picture or table beside its panels, the rotation plan. */
export function RadiusView({
  result,
  view,
  update,
  recomputing,
  refreshError,
  more,
  onRotationSelect,
  children,
}: {
  result: TRadiusResult;
  view: TRadiusViewState;
  update: (patch: Partial<TRadiusViewState>, history?: "push" | "replace") => void;
  recomputing: boolean;
  refreshError: Error | null;
  more: { load: () => void; loading: boolean };
  onRotationSelect: (key: string) => void;
  children: { main: React.ReactNode; side: React.ReactNode; toolbar: React.ReactNode };
}) {
  const sourceIds = new Set(result.source.nodes.map((node) => node.id));
  const reached = result.nodes.filter((node) => !sourceIds.has(node.id)).length;
  return (
    <>
      <div className="radius-heading">
        <p>
          <strong data-testid="radius-source">{result.source.description}</strong>{" "}
          <span className="muted">
            · graph version {result.graphVersion}
            {recomputing ? " · recomputing…" : ""}
          </span>
        </p>
        {view.refs.length > 1 ? (
          <ul className="radius-refs" aria-label="Sources">
            {view.refs.map((ref) => (
              <li key={ref}>
                <code>{ref}</code>{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${ref} from the sources`}
                  onClick={() => update({ refs: view.refs.filter((other) => other !== ref) }, "push")}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {refreshError ? (
        <p role="alert" className="error-box">
          Could not recompute: {refreshError.message}
        </p>
      ) : null}
      <div className="radius-summary-sticky" data-testid="radius-summary">
        <RadiusSummaryCards summary={result.summary} before={result.before} />
      </div>
      <div className="radius-toolbar">
        <RadiusFilters view={view} update={update} />
        <div className="radius-display" role="group" aria-label="Display">
          <button type="button" className="button" aria-pressed={view.display === "picture"} onClick={() => update({ display: "picture" })}>
            Picture
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={view.display === "table"}
            onClick={() => update({ display: "table" })}
            data-testid="show-table"
          >
            Table
          </button>
        </div>
        {children.toolbar}
      </div>
      {reached === 0 ? (
        <div className="empty-state" data-testid="radius-no-reach">
          <h2>Nothing reachable from {result.source.description}</h2>
          <p>
            No context installs it, or every path is cut by the current filters{result.options.whatIf.length ? " and what-if controls" : ""}.
            {view.maxHops !== null || view.exposures.length > 0 || view.timings.length > 0 ? " Try widening the max-hops, exposure or timing filter." : ""}
          </p>
        </div>
      ) : null}
      <RadiusCoverage result={result} display={view.display} more={more} />
      <div className="radius-main">
        <div className="radius-view">{children.main}</div>
        <aside className="radius-side" aria-label="Details">
          {children.side}
        </aside>
      </div>
      <PinnedNotReached pins={result.pinnedNotReached} />
      <h2>Rotation plan</h2>
      {result.page && result.page.rotationPlanTotal > result.rotationPlan.length ? (
        <p className="muted" data-testid="rotation-plan-partial">
          The first {result.rotationPlan.length.toLocaleString("en")} of {result.page.rotationPlanTotal.toLocaleString("en")} rows, in the order to act on them;
          the JSON and CSV exports and an incident hold them all.
        </p>
      ) : null}
      <RotationPlanTable plan={result.rotationPlan} onSelect={onRotationSelect} />
    </>
  );
}
