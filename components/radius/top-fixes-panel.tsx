"use client";

import type { TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import { useRadiusFixes } from "@/lib/queries/use-radius-fixes";

// The engine's ranked single changes for this radius (GET /api/fixes?ref=…), each one click from
// being tried: applying one adds its control to the URL's whatIf list, like ticking it below.

const TOP = 5;

export function TopFixesPanel({
  view,
  graphVersion,
  onApply,
}: {
  view: Pick<TRadiusViewState, "refs" | "advisory" | "exposures" | "whatIf">;
  graphVersion: number;
  onApply: (control: string) => void;
}) {
  const fixes = useRadiusFixes(view, graphVersion, TOP, true);
  const applied = new Set(view.whatIf);
  return (
    <section className="radius-panel" aria-labelledby="top-fixes-title" data-testid="top-fixes">
      <h2 id="top-fixes-title">Top fixes for this radius</h2>
      {fixes.isPending ? (
        <p className="muted" aria-busy="true">
          Ranking the single changes that shrink this radius most…
        </p>
      ) : fixes.error ? (
        <p role="alert" className="error-box">
          Could not rank the fixes: {fixes.error.message}
        </p>
      ) : fixes.data.fixes.length === 0 ? (
        <p className="muted">No single change removes a critical or high system or a republishable package from this radius.</p>
      ) : (
        <>
          <ol className="top-fixes">
            {fixes.data.fixes.map((fix) => (
              <li key={fix.control} data-testid="top-fix">
                <span>
                  {fix.description} <span className="radius-reduction">−{fix.reduction}</span> <span className="muted">({fix.reductionPercent}%)</span>
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={applied.has(fix.control)}
                  onClick={() => onApply(fix.control)}
                  aria-label={applied.has(fix.control) ? `Applied: ${fix.description}` : `Apply: ${fix.description}`}
                >
                  {applied.has(fix.control) ? "Applied" : "Apply"}
                </button>
              </li>
            ))}
          </ol>
          <p className="muted top-fixes-metric">
            Ranked by the critical and high systems plus republishable packages this radius reaches now
            {view.exposures.length ? ` at ${view.exposures.join(", ")} exposure` : " at every exposure level"}
            {fixes.data.exhaustive ? "." : " (the time budget ran out: the ranking may miss a better fix)."}
          </p>
        </>
      )}
    </section>
  );
}
