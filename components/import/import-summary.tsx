import type { TImportIssue, TImportResult } from "@/lib/schemas/import";
import { TableScroll } from "@/components/ui/table-scroll";

const where = (issue: TImportIssue) => [issue.line ? `line ${issue.line}` : null, issue.path ?? null].filter(Boolean).join(", ");

function IssueTable({ issues, label }: { issues: TImportIssue[]; label: string }) {
  return (
    <TableScroll label={label}>
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Where</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={`${issue.file}-${issue.line ?? ""}-${issue.path ?? ""}-${index}`}>
              <td>
                <code>{issue.file}</code>
              </td>
              <td>{where(issue) || "—"}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** What an import read and changed, per format, and every error and warning with its place. */
export function ImportSummary({ result }: { result: TImportResult }) {
  const formats = Object.entries(result.byFormat);
  return (
    <section aria-labelledby="import-result-title" data-testid="import-result">
      <h2 id="import-result-title">{result.ok ? (result.dryRun ? "Dry run" : "Imported") : "Refused"}</h2>
      <p className={result.ok ? "muted" : "error-box"} role={result.ok ? "status" : "alert"} data-testid="import-message">
        {result.message}
      </p>
      {result.errors.length > 0 ? <IssueTable issues={result.errors} label="Errors" /> : null}
      {formats.length > 0 && result.ok ? (
        <TableScroll label="Summary per format">
          <table className="table" aria-label="Summary per format">
            <thead>
              <tr>
                <th scope="col">Format</th>
                <th scope="col">Files</th>
                <th scope="col">Nodes created</th>
                <th scope="col">updated</th>
                <th scope="col">unchanged</th>
                <th scope="col">removed</th>
                <th scope="col">Edges created</th>
                <th scope="col">updated</th>
                <th scope="col">unchanged</th>
                <th scope="col">removed</th>
              </tr>
            </thead>
            <tbody>
              {formats.map(([format, counts]) => (
                <tr key={format} data-testid={`import-format-${format}`}>
                  <th scope="row">{format}</th>
                  <td>{counts.files}</td>
                  <td>{counts.nodes.created}</td>
                  <td>{counts.nodes.updated}</td>
                  <td>{counts.nodes.unchanged}</td>
                  <td>{counts.nodes.removed}</td>
                  <td>{counts.edges.created}</td>
                  <td>{counts.edges.updated}</td>
                  <td>{counts.edges.unchanged}</td>
                  <td>{counts.edges.removed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {result.warnings.length > 0 ? (
        <>
          <h3>Warnings</h3>
          <IssueTable issues={result.warnings} label="Warnings" />
        </>
      ) : null}
    </section>
  );
}
