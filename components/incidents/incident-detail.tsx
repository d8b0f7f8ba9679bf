import Link from "next/link";
import { recomputeIncidentAction, setChecklistItemAction, updateIncidentStatusAction } from "@/lib/actions/incidents";
import type { TIncidentRadii } from "@/lib/schemas/incident";
import { reviewStatus, rotationStatus } from "@/lib/incidents/rotation-status";
import { INCIDENT_STATUSES, type TIncident } from "@/lib/schemas/incident";
import styles from "./incidents.module.css";
import { RadiusFigures } from "./radius-figures";
import { RotationRowForm } from "./rotation-row-form";
import { UndoRotationButton } from "./undo-rotation-button";
import { TableScroll } from "@/components/ui/table-scroll";

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "ongoing");

export function IncidentDetail({ incident, radii, canWrite }: { incident: TIncident; radii: TIncidentRadii; canWrite: boolean }) {
  const rows = rotationStatus(incident);
  const done = rows.filter((row) => row.rotation).length;
  const reviews = rows.filter((row) => row.action === "review");
  const reviewed = reviews.filter((row) => reviewStatus(incident, row)?.done).length;
  const sources = [...incident.sourceRefs, ...incident.advisoryIds.map((id) => `advisory:${id}`)];
  return (
    <article aria-labelledby="incident-title">
      <p>
        <Link href="/incidents">← Incidents</Link>
      </p>
      <header className={styles.header}>
        <div>
          <h1 id="incident-title">
            #{incident.id} {incident.title}
          </h1>
          <p>
            <span className={`badge badge-${incident.severity}`}>{incident.severity}</span>{" "}
            <span className="badge" data-testid="incident-status">
              {incident.status}
            </span>
          </p>
        </div>
        <div className={styles.actions}>
          <a className="button" href={`/api/incidents/${incident.id}/report`} download data-testid="export-markdown">
            Export Markdown
          </a>
          <Link className="button" href={`/incidents/${incident.id}/print`} target="_blank">
            Print view (PDF)
          </Link>
          {canWrite ? (
            <form action={updateIncidentStatusAction} className={styles.inline}>
              <input type="hidden" name="incidentId" value={incident.id} />
              <label>
                Status{" "}
                <select name="status" defaultValue={incident.status} aria-label="Status">
                  {INCIDENT_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {status}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button">
                Update
              </button>
            </form>
          ) : null}
        </div>
      </header>

      <dl className={styles.meta}>
        <dt>Commander</dt>
        <dd>{incident.commander}</dd>
        <dt>Compromise window</dt>
        <dd>
          {when(incident.windowStart)} – {when(incident.windowEnd)}
        </dd>
        <dt>Source</dt>
        <dd>
          {sources.map((source) => (
            <code key={source}>{source} </code>
          ))}
        </dd>
        <dt>Opened</dt>
        <dd>
          {when(incident.createdAt)} by {incident.createdBy}, graph version {incident.graphVersionAtOpen}
        </dd>
      </dl>

      <h2>Blast radius</h2>
      <p className="muted">
        The radius was snapshotted when the incident opened. The residual is the same radius on today&apos;s graph (version {radii.graphVersion}) without the{" "}
        {incident.rotations.length} secrets and identities marked rotated or revoked.{" "}
        <Link
          href={`/radius?${new URLSearchParams([...incident.sourceRefs.map((ref) => ["ref", ref]), ...incident.advisoryIds.map((id) => ["advisory", id])]).toString()}`}
        >
          Open the live radius
        </Link>
      </p>
      {radii.problems.length ? <p className="error-box">{radii.problems.join("; ")}</p> : null}
      <RadiusFigures original={incident.snapshot.summary} residual={radii.residual?.summary ?? null} />

      <h3>Against today&apos;s graph</h3>
      {canWrite ? (
        <form action={recomputeIncidentAction}>
          <input type="hidden" name="incidentId" value={incident.id} />
          <button type="submit" className="button">
            Recompute against today&apos;s graph
          </button>
        </form>
      ) : null}
      {radii.recomputed ? (
        <div data-testid="recompute-diff">
          <p>
            Today: <strong>{radii.recomputed.after.total}</strong> nodes (at opening {radii.recomputed.before.total}); {radii.recomputed.added.length} newly
            reached, {radii.recomputed.removed.length} no longer reached.
          </p>
          {radii.recomputed.added.length ? (
            <p>
              Newly reached:{" "}
              {radii.recomputed.added.slice(0, 30).map((node) => (
                <code key={node.key}>{node.key} </code>
              ))}
            </p>
          ) : null}
          {radii.recomputed.removed.length ? (
            <p>
              No longer reached:{" "}
              {radii.recomputed.removed.slice(0, 30).map((node) => (
                <code key={node.key}>{node.key} </code>
              ))}
            </p>
          ) : null}
        </div>
      ) : null}

      <h2>Rotation</h2>
      <p data-testid="rotation-progress">
        {done} of {rows.length} rotated or revoked, in the rotation plan&apos;s order.
        {reviews.length ? (
          <>
            {" "}
            {reviews.length} of them are ephemeral job tokens that expired at job end: review what they did during the window ({reviewed} reviewed — tick their
            checklist items).
          </>
        ) : null}
      </p>
      <TableScroll label="Rotation plan">
        <table className="table" aria-label="Rotation plan">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Credential</th>
              <th scope="col">Action</th>
              <th scope="col">Timing</th>
              <th scope="col">Why</th>
              <th scope="col">Status</th>
              {canWrite ? <th scope="col">Mark</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const review = reviewStatus(incident, row);
              return (
                <tr key={row.key} data-key={row.key} data-action={row.action ?? undefined} className={row.action === "review" ? styles.reviewRow : undefined}>
                  <td>{row.rank ?? "—"}</td>
                  <td>
                    <strong>{row.name}</strong> <span className="muted">{row.kind}</span>
                    <br />
                    <code>{row.key}</code>
                    {row.members.length > 1 ? (
                      <div className="muted">
                        with{" "}
                        {row.members
                          .filter((member) => member.key !== row.key)
                          .map((member) => (
                            <code key={member.key}>{member.key} </code>
                          ))}
                      </div>
                    ) : null}
                    {row.owner ? <div className="muted">owner {row.owner}</div> : null}
                  </td>
                  <td data-testid="rotation-action">
                    {row.action === "review" ? (
                      <span className="badge" title="an ephemeral job token: nothing to rotate, review what it did during the window">
                        review: expired at job end
                      </span>
                    ) : row.action ? (
                      <span className="badge badge-danger">rotate</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{row.timing === "next-resolve" ? "next resolve" : (row.timing ?? "—")}</td>
                  <td>{row.reason ?? "marked outside the plan"}</td>
                  <td data-testid="rotation-status">
                    {row.rotation ? (
                      <>
                        <strong>{row.rotation.action}</strong> by {row.rotation.by}, {when(row.rotation.at)}
                        {row.rotation.note ? <div className="muted">{row.rotation.note}</div> : null}
                      </>
                    ) : review?.done ? (
                      <>
                        <strong>reviewed</strong> by {review.doneBy}, {when(review.doneAt)}
                      </>
                    ) : (
                      <span className="muted">{row.action === "review" ? "to review" : "pending"}</span>
                    )}
                  </td>
                  {canWrite ? (
                    <td>
                      {row.action === "review" && !row.rotation ? (
                        <span className="muted">nothing to rotate: tick its checklist item when reviewed</span>
                      ) : row.rotation ? (
                        <UndoRotationButton incidentId={incident.id} nodeKey={row.key} name={row.name} action={row.rotation.action} />
                      ) : (
                        <RotationRowForm incidentId={incident.id} nodeKey={row.key} name={row.name} />
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <h2>Response checklist</h2>
      <ul className={styles.checklist} aria-label="Response checklist">
        {incident.checklist.map((item) => (
          <li key={item.id} data-item={item.id}>
            {canWrite ? (
              <form action={setChecklistItemAction}>
                <input type="hidden" name="incidentId" value={incident.id} />
                <input type="hidden" name="itemId" value={item.id} />
                <input type="hidden" name="done" value={item.done ? "false" : "true"} />
                <button type="submit" className="button" aria-label={`${item.done ? "Untick" : "Tick"}: ${item.text}`}>
                  {item.done ? "☑" : "☐"}
                </button>
              </form>
            ) : (
              <span aria-hidden="true">{item.done ? "☑" : "☐"}</span>
            )}
            <span className={item.done ? styles.done : undefined}>
              {item.text}
              {item.done && item.doneBy ? (
                <span className="muted">
                  {" "}
                  — {item.doneBy}, {when(item.doneAt)}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>

      <h2>Timeline</h2>
      <ol className={styles.timeline} aria-label="Timeline">
        {incident.events.map((event) => (
          <li key={event.id}>
            <span className="muted">{when(event.at)}</span> <strong>{event.type}</strong> by {event.actor}
            {typeof event.details.summary === "string" ? `: ${event.details.summary}` : ""}
          </li>
        ))}
      </ol>
    </article>
  );
}
