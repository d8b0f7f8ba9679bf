import Link from "next/link";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { describeFindingCounts } from "@/lib/findings/describe-finding-counts";
import type { TComplianceReport, TFinding } from "@/lib/schemas/findings";
import { ControlStatusBadge } from "./control-status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { nodeHref } from "@/lib/graph-view/node-href";

export function FrameworkCompliancePage({ compliance, findings, canExport }: { compliance: TComplianceReport; findings: TFinding[]; canExport: boolean }) {
  const { framework } = compliance;
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const evidence = (format: "csv" | "json") => `/api/compliance/${framework.id}/evidence?format=${format}`;
  return (
    <section aria-labelledby="framework-title">
      <p>
        <Link href="/compliance">← Compliance</Link>
      </p>
      <h1 id="framework-title">
        {framework.name} {framework.version}
      </h1>
      <p className="muted">
        Source:{" "}
        <a href={framework.source.url} rel="noreferrer" target="_blank">
          {framework.source.publication}
        </a>
        . {framework.source.scope}
      </p>
      <p>
        <strong data-testid="count-gap">{compliance.counts.gap}</strong> gaps · <strong>{compliance.counts.covered}</strong> covered ·{" "}
        <strong>{compliance.counts["not-assessed"]}</strong> not assessed · graph version {compliance.graphVersion}
      </p>
      {canExport ? (
        <p>
          <a className="button" href={evidence("csv")} download>
            Export evidence (CSV)
          </a>{" "}
          <a className="button" href={evidence("json")} download>
            Export evidence (JSON)
          </a>
        </p>
      ) : (
        <p className="muted">Evidence export needs the admin or auditor role.</p>
      )}
      <TableScroll label="Controls">
        <table className="table" aria-label="Controls">
          <thead>
            <tr>
              <th scope="col">Control</th>
              <th scope="col">Status</th>
              <th scope="col">Mapped rules</th>
              <th scope="col">Open findings</th>
              <th scope="col">Affected</th>
            </tr>
          </thead>
          <tbody>
            {compliance.controls.map((control) => (
              <tr key={control.id} data-control={control.id}>
                <td>
                  <strong>{control.id}</strong> {control.title}
                  <br />
                  <span className="muted">{control.group}</span>
                  {control.note ? (
                    <>
                      <br />
                      <span className="muted">Note: {control.note}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <ControlStatusBadge status={control.status} />
                </td>
                <td>
                  {control.mappedRules.length === 0
                    ? "—"
                    : control.mappedRules.map((ruleId) => (
                        <div key={ruleId}>
                          <Link href={`/findings?rule=${ruleId}`}>{ruleId}</Link>
                        </div>
                      ))}
                </td>
                <td>
                  {control.openFindings === 0 ? (
                    "0"
                  ) : (
                    <FindingsEvidence
                      counts={describeFindingCounts(control.openFindings, control.findingsBySeverity)}
                      findings={control.findingIds.slice(0, 20).flatMap((id) => byId.get(id) ?? [])}
                      more={control.findingIds.length - 20}
                    />
                  )}
                </td>
                <td>{control.affectedEntities}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** A control's open findings: the labelled counts, then each finding linked to the entity it concerns. */
function FindingsEvidence({ counts, findings, more }: { counts: ReturnType<typeof describeFindingCounts>; findings: TFinding[]; more: number }) {
  return (
    <details>
      <summary>
        {counts.heading}:{" "}
        {counts.parts.map((part, i) => (
          <span key={part.severity}>
            {i > 0 ? ", " : null}
            <span className={`badge badge-${part.severity}`}>{part.text}</span>
          </span>
        ))}
      </summary>
      <ul>
        {findings.map((finding) => (
          <li key={finding.id} data-finding={finding.id}>
            {finding.entities.map((entity, i) => (
              <span key={entity.id}>
                {i > 0 ? ", " : null}
                <Link href={nodeHref(entity.id)}>{entity.name}</Link> <span className="muted">({NODE_KIND_REGISTRY[entity.kind].count.one})</span>
              </span>
            ))}
            : {finding.reason}
          </li>
        ))}
        {more > 0 ? <li>… and {more} more (all of them are in the evidence export)</li> : null}
      </ul>
    </details>
  );
}
