import { AUDIT_PAGE_SIZES, type TAuditPage } from "@/lib/schemas/audit";
import { ErrorMessage } from "@/components/layout/error-message";
import { AuditPager } from "./audit-pager";
import { TableScroll } from "@/components/ui/table-scroll";

const summary = (value: unknown) => (value == null ? "" : JSON.stringify(value));
/** The most one export request returns (GET /api/audit's limit); the API pages on with Link headers. */
const EXPORT_LIMIT = 10_000;

/** `filters`: the query as typed (without the page cursor), kept by every link; `pageSize` the page's size. */
export function AuditPage({ page, filters, pageSize, error }: { page: TAuditPage; filters: Record<string, string>; pageSize: number; error: string | null }) {
  const { events } = page;
  const { limit: _limit, ...exportFilters } = filters;
  const exportQuery = (format: string) => `/api/audit?${new URLSearchParams({ ...exportFilters, format, limit: String(EXPORT_LIMIT) })}`;
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
        <label>
          Per page
          <select name="limit" defaultValue={String(pageSize)}>
            {AUDIT_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
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
      {page.total > EXPORT_LIMIT ? (
        <p className="muted">
          An export holds the newest {EXPORT_LIMIT.toLocaleString("en-US")} matching events; narrow the filter (or page through <code>GET /api/audit</code> with
          its <code>Link</code> headers) for the rest.
        </p>
      ) : null}
      <AuditPager page={page} base={filters} />
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
      {events.length > 0 ? <AuditPager page={page} base={filters} /> : null}
    </section>
  );
}
