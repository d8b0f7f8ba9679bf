"use client";

import type { TRotationItem } from "@/lib/schemas/radius";
import { ShowMoreRows } from "./show-more-rows";
import { TimingBadge } from "./timing-badge";
import { usePagedRows } from "./use-paged-rows";
import { TableScroll } from "@/components/ui/table-scroll";

// One row per credential: a secret merged with the identity it authenticates as (or an identity
// reached without a stored secret), in the engine's incident order — what the attacker has now
// before what a next resolve gives, publish rights first, ephemeral job tokens last. A job token
// (GITHUB_TOKEN, an OIDC token) expired when its job ended: its row says to review what it did
// during the window, never to rotate it.

const REVIEW_TITLE =
  "an ephemeral job token: it expired when the job ended, so there is nothing to rotate — review what it did during the window (the run's logs, the audit log)";

export function RotationActionBadge({ action }: { action: TRotationItem["action"] }) {
  return action === "review" ? (
    <span className="badge badge-review" title={REVIEW_TITLE} data-action="review">
      review: expired at job end
    </span>
  ) : (
    <span className="badge badge-rotate" data-action="rotate">
      rotate
    </span>
  );
}

/** The secrets and identities a row stands for, besides the row's own key. */
function Members({ item }: { item: TRotationItem }) {
  const secrets = item.secrets.filter((secret) => secret.key !== item.key);
  const identities = item.identities.filter((identity) => identity.key !== item.key);
  if (secrets.length === 0 && identities.length === 0) return null;
  return (
    <ul className="rotation-members muted" aria-label={`What ${item.name} stands for`}>
      {secrets.map((secret) => (
        <li key={secret.key}>
          secret <code>{secret.key}</code>
        </li>
      ))}
      {identities.map((identity) => (
        <li key={identity.key}>
          identity <code>{identity.key}</code>
          {identity.identityKind ? ` (${identity.identityKind})` : ""}
        </li>
      ))}
    </ul>
  );
}

/**
 * Rows drawn at first and added by each "show more": a row is a whole credential now (its secrets'
 * copies and identity merged), and the first twenty are what a response team works first.
 */
export const ROTATION_PAGE_SIZE = 20;

export function RotationPlanTable({ plan, onSelect }: { plan: readonly TRotationItem[]; onSelect: (key: string) => void }) {
  // A big radius has thousands to rotate; a new plan (another source, a what-if) starts from its top.
  const page = usePagedRows(plan, { first: ROTATION_PAGE_SIZE, step: ROTATION_PAGE_SIZE });
  if (plan.length === 0) return <p className="muted">Nothing to rotate: no secret or identity is reached.</p>;
  return (
    <>
      <TableScroll label="Rotation plan">
        <table className="table" aria-label="Rotation plan" aria-describedby={page.paged ? "rotation-plan-count" : undefined} data-testid="rotation-plan">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Credential</th>
              <th scope="col">Action</th>
              <th scope="col">When</th>
              <th scope="col">Exposure</th>
              <th scope="col">Why</th>
              <th scope="col">Owner</th>
              <th scope="col">Unlocks</th>
              <th scope="col">Short-lived replacement</th>
            </tr>
          </thead>
          <tbody ref={page.containerRef}>
            {page.visible.map((item) => (
              <tr key={item.key} className={item.action === "review" ? "rotation-review" : undefined} data-action={item.action} data-testid="rotation-row">
                <td>{item.rank}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(item.key)}>
                    {item.name}
                  </button>
                  <div className="muted">
                    {item.kind} · <code>{item.key}</code>
                    {item.lifetime !== "unknown" ? ` · ${item.lifetime === "longLived" ? "long-lived" : "short-lived"}` : ""}
                  </div>
                  <Members item={item} />
                </td>
                <td data-testid="rotation-action">
                  <RotationActionBadge action={item.action} />
                </td>
                <td>
                  <TimingBadge timing={item.timing} />
                </td>
                <td>{item.exposure ?? <span className="muted">—</span>}</td>
                <td>{item.reason}</td>
                <td>{item.owner ?? <span className="muted">unknown</span>}</td>
                <td>
                  {item.unlocks.criticalSystems > 0 ? <span className="badge badge-critical">{item.unlocks.criticalSystems} critical</span> : null}{" "}
                  {item.unlocks.systems} systems · {item.unlocks.publishablePackages} packages
                  {item.unlocks.highestPrivilege ? <div className="muted">up to {item.unlocks.highestPrivilege}</div> : null}
                </td>
                <td>{item.shortLivedReplacement ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ShowMoreRows page={page} onShowMore={page.showMore} id="rotation-plan-count" order="most urgent first" />
    </>
  );
}
