import type { TAuditEvent } from "@/lib/schemas/audit";
import { ErrorMessage } from "@/components/layout/error-message";
import { TableScroll } from "@/components/ui/table-scroll";

const summary = (value: unknown) => (value == null ? "" : JSON.stringify(value));

export function AuditPage({ events, filters, error }: { events: TAuditEvent[]; filters: Record<string, string>; error: string | null }) {
  const exportQuery = (format: string) => `/api/audit?${new URLSearchParams({ ...filters, format, limit: "10000" })}`;
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <p className="muted">Every change and sign-in, append-only: the database refuses to alter or delete an entry.</p>
      <form method="get" className="form form-inline" aria-label="Filter the audit log">
        <label>
          Action starts with
          <input name="action" defaultValue={filters.action ?? ""} placeholder="auth., token., import." />
        </label>
        <label>
          Actor
          <input name="actor" defaultValue={filters.actor ?? ""} />
        </label>
        <label>
          Target
          <input name="target" defaultValue={filters.target ?? ""} />
        </label>
        <label>
          Since
          <input name="since" type="date" defaultValue={filters.since ?? ""} />
        </label>
        <button className="button" type="submit">
          Filter
        </button>
        <a className="button" href={exportQuery("csv")}>
          Export CSV
        </a>
        <a className="button" href={exportQuery("json")}>
          Export JSON
        </a>
      </form>
      <ErrorMessage message={error} />
      {events.length === 0 ? (
        <div className="empty-state">
          <h2>No matching events</h2>
        </div>
      ) : (
        <TableScroll label="Audit events">
          <table className="table" aria-label="Audit events">
            <thead>
              <tr>
                <th>When (UTC)</th>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>From</th>
                <th>Before</th>
                <th>After</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{event.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td>
                    {event.actorName} <span className="muted">({event.actorKind})</span>
                  </td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>{event.target}</td>
                  <td>{event.ip}</td>
                  <td>
                    <code>{summary(event.before)}</code>
                  </td>
                  <td>
                    <code>{summary(event.after)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
