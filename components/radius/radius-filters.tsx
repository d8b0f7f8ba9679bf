import { EXPOSURES, type TExposure } from "@/lib/schemas/graph-facts";
import type { TRadiusViewState } from "@/lib/graph-view/radius-view-state";

/** Max hops, exposure and timing: each a field of the view state, so each is in the permalink. */
export function RadiusFilters({ view, update }: { view: TRadiusViewState; update: (patch: Partial<TRadiusViewState>) => void }) {
  const toggleExposure = (exposure: TExposure, on: boolean) => {
    const current = view.exposures.length ? view.exposures : [...EXPOSURES];
    const next = on ? [...new Set([...current, exposure])] : current.filter((other) => other !== exposure);
    // all four ticked = no filter, which keeps the permalink short
    update({ exposures: next.length === EXPOSURES.length ? [] : EXPOSURES.filter((level) => next.includes(level)) });
  };
  return (
    <div className="radius-filters">
      <label>
        Max hops{" "}
        <select
          value={view.maxHops ?? ""}
          onChange={(event) => update({ maxHops: event.target.value ? Number(event.target.value) : null })}
          data-testid="max-hops"
        >
          <option value="">no limit</option>
          {[1, 2, 3, 4, 5, 6, 8, 10, 15, 20].map((hops) => (
            <option key={hops} value={hops}>
              {hops}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="radius-exposures">
        <legend>Exposure</legend>
        {EXPOSURES.map((exposure) => (
          <label key={exposure}>
            <input
              type="checkbox"
              checked={view.exposures.length === 0 || view.exposures.includes(exposure)}
              onChange={(event) => toggleExposure(exposure, event.target.checked)}
            />{" "}
            {exposure}
          </label>
        ))}
      </fieldset>
      <fieldset className="radius-timing-filter" data-testid="timing-filter">
        <legend>When</legend>
        <label title="what the attacker has now and what the next resolve of a range would give">
          <input type="radio" name="radius-timing" checked={view.timings.length === 0} onChange={() => update({ timings: [] })} /> all
        </label>
        <label title="leave out what is reached only when the next npm install, update or Renovate bump resolves">
          <input
            type="radio"
            name="radius-timing"
            checked={view.timings.length === 1 && view.timings[0] === "now"}
            onChange={() => update({ timings: ["now"] })}
          />{" "}
          now only
        </label>
      </fieldset>
    </div>
  );
}
