import Link from "next/link";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { sortFindings } from "@/lib/findings/sort-findings";
import { NODE_KINDS } from "@/lib/schemas/graph-facts";
import { filterFindings, SEVERITIES, type TFindingsQuery, type TFindingsReport } from "@/lib/schemas/findings";
import styles from "./findings.module.css";
import { SeverityBadge } from "./severity-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { nodeHref } from "@/lib/graph-view/node-href";

const radiusHref = (ref: string) => `/radius?ref=${encodeURIComponent(ref)}`;

// A big organisation has tens of thousands of findings, and one finding can name thousands of
// entities (a build box exposing every token): the page draws a page of rows and the first
// entities of each, and the JSON (/api/findings) has all of them.
const FINDINGS_PAGE_SIZE = 100;
const ENTITIES_SHOWN = 12;

const findingsHref = (query: TFindingsQuery, patch: Partial<TFindingsQuery>) =>
  `/findings?${new URLSearchParams(
    Object.entries({ ...query, ...patch })
      .filter((entry): entry is [string, string | number] => (typeof entry[1] === "string" && entry[1] !== "") || typeof entry[1] === "number")
      .map(([name, value]) => [name, String(value)]),
  )}`;

export function FindingsPage({ report, query, error }: { report: TFindingsReport; query: TFindingsQuery; error: string | null }) {
  const findings = sortFindings(filterFindings(report.findings, query), query);
  const pages = Math.max(1, Math.ceil(findings.length / FINDINGS_PAGE_SIZE));
  const pageNumber = Math.min(query.page ?? 1, pages);
  const first = (pageNumber - 1) * FINDINGS_PAGE_SIZE;
  const shown = findings.slice(first, first + FINDINGS_PAGE_SIZE);
  const rulesById = new Map(report.rules.map((rule) => [rule.id, rule]));
  return (
    <section aria-labelledby="findings-title">
      <h1 id="findings-title">Findings</h1>
      <p className="muted">
        {report.rules.length} posture rules over graph version {report.graphVersion}, evaluated {report.evaluatedAt.slice(0, 16).replace("T", " ")} UTC ·{" "}
        <a href="/api/findings">JSON</a> · CLI: <code>npx blastmap findings --sarif</code>
      </p>
      {error ? (
        <p className="error-box" role="alert">
          Ignored invalid filter: {error}
        </p>
      ) : null}

      <ul className="card-grid" aria-label="Findings by severity">
        {SEVERITIES.map((severity) => (
          <li key={severity} className="card">
            <Link href={`/findings?severity=${severity}`} className="card-value" data-testid={`findings-count-${severity}`}>
              {report.counts.bySeverity[severity]}
            </Link>
            <span className="card-label">
              <SeverityBadge severity={severity} />
            </span>
          </li>
        ))}
        <li className="card">
          <Link href="/findings" className="card-value" data-testid="findings-count-total">
            {report.counts.total}
          </Link>
          <span className="card-label">All findings</span>
        </li>
      </ul>

      <form method="get" action="/findings" className={styles.filterBar} aria-label="Filter findings">
        {/* filtering keeps the table's order */}
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <label>
          Severity{" "}
          <select name="severity" defaultValue={query.severity ?? ""}>
            <option value="">any</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Rule{" "}
          <select name="rule" defaultValue={query.rule ?? ""}>
            <option value="">any</option>
            {report.rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.id} {rule.title} ({report.counts.byRule[rule.id] ?? 0})
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Entity kind{" "}
          <select name="kind" defaultValue={query.kind ?? ""}>
            <option value="">any</option>
            {NODE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {NODE_KIND_REGISTRY[kind].label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Text <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="key or words" />
        </label>{" "}
        <button type="submit" className="button">
          Filter
        </button>{" "}
        <Link href="/findings">Clear</Link>
      </form>

      <p className="muted" data-testid="findings-shown">
        {findings.length > FINDINGS_PAGE_SIZE
          ? `Showing ${first + 1}–${first + shown.length} of ${findings.length} matching (${report.counts.total} in all)`
          : `Showing ${findings.length} of ${report.counts.total}`}
      </p>
      {pages > 1 ? (
        <nav className={styles.pager} aria-label="Pages of findings" data-testid="findings-pager">
          {pageNumber > 1 ? <Link href={findingsHref(query, { page: pageNumber - 1 })}>← Previous</Link> : null}
          <span>
            Page {pageNumber} of {pages}
          </span>
          {pageNumber < pages ? <Link href={findingsHref(query, { page: pageNumber + 1 })}>Next →</Link> : null}
        </nav>
      ) : null}
      {findings.length === 0 ? (
        <div className="empty-state">
          <h2>No findings</h2>
          <p>{report.counts.total === 0 ? "No rule fires on the current graph." : "No finding matches these filters."}</p>
        </div>
      ) : (
        <TableScroll label="Findings">
          <table className="table" aria-label="Findings">
            <thead>
              <tr>
                <SortableHeader query={query} column="severity" label="Severity" />
                <SortableHeader query={query} column="rule" label="Rule" />
                <th scope="col">Finding</th>
                <SortableHeader query={query} column="entity" label="Entities" />
                <SortableHeader query={query} column="where" label="Where" />
              </tr>
            </thead>
            <tbody>
              {shown.map((finding) => (
                <tr key={finding.id} data-rule={finding.ruleId}>
                  <td>
                    <SeverityBadge severity={finding.severity} />
                  </td>
                  <td>
                    <span title={rulesById.get(finding.ruleId)?.description}>{finding.ruleId}</span>
                    <br />
                    <span className="muted">{finding.title}</span>
                  </td>
                  <td>
                    <p className={styles.reason}>{finding.reason}</p>
                    <details>
                      <summary>Remediation</summary>
                      <p>{finding.remediation}</p>
                    </details>
                    <Link href={radiusHref(finding.worstEntityRef)}>Blast radius of {finding.worstEntityRef}</Link>
                  </td>
                  <td>
                    <ul className={styles.plainList}>
                      {finding.entities.slice(0, ENTITIES_SHOWN).map((entity) => (
                        <li key={entity.id}>
                          <Link href={nodeHref(entity.id)} title={entity.key}>
                            {entity.name}
                          </Link>{" "}
                          <span className="muted">{NODE_KIND_REGISTRY[entity.kind].count.one}</span>
                        </li>
                      ))}
                      {finding.entities.length > ENTITIES_SHOWN ? (
                        <li className="muted" data-testid="finding-more-entities">
                          and {finding.entities.length - ENTITIES_SHOWN} more (all in the JSON)
                        </li>
                      ) : null}
                    </ul>
                  </td>
                  <td>
                    {finding.location ? (
                      <code>
                        {finding.location.repo ? `${finding.location.repo}: ` : ""}
                        {finding.location.file}
                        {finding.location.line ? `:${finding.location.line}` : ""}
                      </code>
                    ) : (
                      <span className="muted">—</span>
                    )}
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

/**
 * A column header that orders the table through the URL (?sort=rule&dir=desc), keeping the
 * filters, so the sorted view survives a reload and can be shared. Clicking the sorted column
 * again reverses it.
 */
function SortableHeader({ query, column, label }: { query: TFindingsQuery; column: NonNullable<TFindingsQuery["sort"]>; label: string }) {
  const active = query.sort === column;
  const descending = active && query.dir === "desc";
  const params = new URLSearchParams(
    Object.entries({ ...query, sort: column, dir: active && !descending ? "desc" : undefined }).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
    ),
  );
  return (
    <th scope="col" aria-sort={active ? (descending ? "descending" : "ascending") : undefined}>
      <Link href={`/findings?${params}`} className={styles.sortLink}>
        {label} <span aria-hidden="true">{active ? (descending ? "▼" : "▲") : "↕"}</span>
      </Link>
    </th>
  );
}
