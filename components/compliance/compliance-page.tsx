import Link from "next/link";
import type { TComplianceReport } from "@/lib/schemas/findings";
import { TableScroll } from "@/components/ui/table-scroll";

export function CompliancePage({ frameworks }: { frameworks: TComplianceReport[] }) {
  return (
    <section aria-labelledby="compliance-title">
      <h1 id="compliance-title">Compliance</h1>
      <p className="muted">
        Posture findings mapped to framework controls. A control is a <strong>gap</strong> when a mapped rule has open findings, <strong>covered</strong> when
        its mapped rules find nothing, and <strong>not assessed</strong> when no posture rule bears on it.
      </p>
      <TableScroll label="Frameworks">
        <table className="table" aria-label="Frameworks">
          <thead>
            <tr>
              <th scope="col">Framework</th>
              <th scope="col">Controls</th>
              <th scope="col">Gaps</th>
              <th scope="col">Covered</th>
              <th scope="col">Not assessed</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {frameworks.map((compliance) => (
              <tr key={compliance.framework.id}>
                <td>
                  <Link href={`/compliance/${compliance.framework.id}`}>
                    {compliance.framework.name} {compliance.framework.version}
                  </Link>
                </td>
                <td>{compliance.controls.length}</td>
                <td data-testid={`gaps-${compliance.framework.id}`}>{compliance.counts.gap}</td>
                <td>{compliance.counts.covered}</td>
                <td>{compliance.counts["not-assessed"]}</td>
                <td>
                  <a href={compliance.framework.source.url} rel="noreferrer" target="_blank">
                    {compliance.framework.source.publication}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
