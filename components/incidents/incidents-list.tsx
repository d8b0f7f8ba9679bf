import Link from "next/link";
import type { TIncidentListItem } from "@/lib/schemas/incident";
import { TableScroll } from "@/components/ui/table-scroll";

export function IncidentsList({ incidents, canWrite }: { incidents: TIncidentListItem[]; canWrite: boolean }) {
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">Incidents</h1>
      <p className="muted">Open an incident from a blast radius or an advisory; its radius is snapshotted and a response checklist generated.</p>
      {canWrite ? (
        <p>
          <Link className="button button-danger" href="/incidents/new">
            Open incident
          </Link>
        </p>
      ) : null}
      {incidents.length === 0 ? (
        <div className="empty-state">
          <h2>No incidents</h2>
          <p>Nothing has been opened yet.</p>
        </div>
      ) : (
        <TableScroll label="Incidents">
          <table className="table" aria-label="Incidents">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Severity</th>
                <th scope="col">Commander</th>
                <th scope="col">Window start</th>
                <th scope="col">Rotated</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.id}>
                  <td>{incident.id}</td>
                  <td>
                    <Link href={`/incidents/${incident.id}`}>{incident.title}</Link>
                  </td>
                  <td>{incident.status}</td>
                  <td>
                    <span className={`badge badge-${incident.severity}`}>{incident.severity}</span>
                  </td>
                  <td>{incident.commander}</td>
                  <td>{incident.windowStart.toISOString().replace("T", " ").slice(0, 16)} UTC</td>
                  <td>{incident.rotations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
