import type { TIncidentRadii } from "@/lib/schemas/incident";
import { reviewStatus, rotationStatus } from "@/lib/incidents/rotation-status";
import type { TIncident } from "@/lib/schemas/incident";
import styles from "./incident-print.module.css";
import { RadiusFigures } from "./radius-figures";

const when = (iso: string | null) => (iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "ongoing");

/** A plain, print-friendly page: the browser's "Print → Save as PDF" gives the report. */
export function IncidentPrint({ incident, radii, generatedAt }: { incident: TIncident; radii: TIncidentRadii; generatedAt: string }) {
  const rows = rotationStatus(incident);
  return (
    <article className={styles.page}>
      <h1>
        Incident #{incident.id}: {incident.title}
      </h1>
      <p>
        Status <strong>{incident.status}</strong> · severity <strong>{incident.severity}</strong> · commander {incident.commander} · window{" "}
        {when(incident.windowStart)} – {when(incident.windowEnd)}
      </p>
      <p>Source: {[...incident.sourceRefs, ...incident.advisoryIds.map((id) => `advisory ${id}`)].join(", ")}</p>
      <p className={styles.muted}>
        Opened {when(incident.createdAt)} by {incident.createdBy} (graph version {incident.graphVersionAtOpen}); report generated {when(generatedAt)} on graph
        version {radii.graphVersion}.
      </p>
      <h2>Blast radius</h2>
      <RadiusFigures original={incident.snapshot.summary} residual={radii.residual?.summary ?? null} />
      <h2>Rotation status</h2>
      <table className="table">
        <thead>
          <tr>
            <th>#</th>
            <th>Credential</th>
            <th>Action</th>
            <th>Timing</th>
            <th>Status</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const review = reviewStatus(incident, row);
            return (
              <tr key={row.key}>
                <td>{row.rank ?? "—"}</td>
                <td>
                  {row.name} <code>{row.key}</code>
                  {row.members.length > 1
                    ? ` (with ${row.members
                        .filter((member) => member.key !== row.key)
                        .map((member) => member.key)
                        .join(", ")})`
                    : ""}
                </td>
                <td>{row.action === "review" ? "review: expired at job end" : (row.action ?? "—")}</td>
                <td>{row.timing === "next-resolve" ? "next resolve" : (row.timing ?? "—")}</td>
                <td>
                  {row.rotation
                    ? `${row.rotation.action} by ${row.rotation.by}, ${when(row.rotation.at)}`
                    : review?.done
                      ? `reviewed by ${review.doneBy ?? "?"}, ${when(review.doneAt)}`
                      : row.action === "review"
                        ? "to review"
                        : "pending"}
                </td>
                <td>{row.rotation?.note ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Response checklist</h2>
      <ul>
        {incident.checklist.map((item) => (
          <li key={item.id}>
            {item.done ? "☑" : "☐"} {item.text}
            {item.done && item.doneBy ? ` — ${item.doneBy}, ${when(item.doneAt)}` : ""}
          </li>
        ))}
      </ul>
      <h2>Timeline</h2>
      <ul>
        {incident.events.map((event) => (
          <li key={event.id}>
            {when(event.at)} — {event.type} by {event.actor}
            {typeof event.details.summary === "string" ? `: ${event.details.summary}` : ""}
          </li>
        ))}
      </ul>
    </article>
  );
}
