"use client";

import type { TRotationItem } from "@/lib/schemas/radius";
import { ShowMoreRows } from "./show-more-rows";
import { usePagedRows } from "./use-paged-rows";

/** What to rotate first, in the engine's order (what each unlocks, weighted by criticality). */
export function RotationPlanTable({ plan, onSelect }: { plan: readonly TRotationItem[]; onSelect: (key: string) => void }) {
  // A big radius has thousands to rotate; a new plan (another source, a what-if) starts from its top.
  const page = usePagedRows(plan);
  if (plan.length === 0) return <p className="muted">Nothing to rotate: no secret or identity is reached.</p>;
  return (
    <>
      <table className="table" aria-label="Rotation plan" aria-describedby={page.paged ? "rotation-plan-count" : undefined} data-testid="rotation-plan">
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">What</th>
            <th scope="col">Why</th>
            <th scope="col">Owner</th>
            <th scope="col">Unlocks</th>
            <th scope="col">Short-lived replacement</th>
          </tr>
        </thead>
        <tbody ref={page.containerRef}>
          {page.visible.map((item) => (
            <tr key={item.key}>
              <td>{item.rank}</td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(item.key)}>
                  {item.name}
                </button>
                <div className="muted">
                  {item.kind} · <code>{item.key}</code>
                </div>
              </td>
              <td>{item.reason}</td>
              <td>{item.owner ?? <span className="muted">unknown</span>}</td>
              <td>
                {item.unlocks.criticalSystems > 0 ? <span className="badge badge-critical">{item.unlocks.criticalSystems} critical</span> : null} {item.unlocks.systems} systems ·{" "}
                {item.unlocks.publishablePackages} packages
              </td>
              <td>{item.shortLivedReplacement ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMoreRows page={page} onShowMore={page.showMore} id="rotation-plan-count" order="most urgent first" />
    </>
  );
}
