import { SEVERITIES, type TComplianceControl, type TComplianceReport, type TFindingsReport, type TFrameworkId, type TSeverity } from "@/lib/schemas/findings";
import { FRAMEWORKS } from "./catalog";

/**
 * Each control of a framework with the rules mapped to it and their open findings. Status: "gap"
 * when a mapped rule has open findings, "covered" when mapped rules found nothing, "not-assessed"
 * when no posture rule bears on the control (the evidence must come from elsewhere).
 */
export function summariseCompliance(frameworkId: TFrameworkId, report: TFindingsReport): TComplianceReport {
  const framework = FRAMEWORKS[frameworkId];
  const controls: TComplianceControl[] = framework.controls.map((control) => {
    const mappedRules = report.rules.filter((rule) => (rule.controls[frameworkId] ?? []).includes(control.id)).map((rule) => rule.id);
    const findings = report.findings.filter((finding) => mappedRules.includes(finding.ruleId));
    const findingsBySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<TSeverity, number>;
    for (const finding of findings) findingsBySeverity[finding.severity] += 1;
    const affected = new Set(findings.flatMap((finding) => finding.entities.map((entity) => entity.id)));
    return {
      id: control.id,
      title: control.title,
      group: control.group,
      note: control.note ?? null,
      mappedRules,
      openFindings: findings.length,
      affectedEntities: affected.size,
      findingsBySeverity,
      status: mappedRules.length === 0 ? "not-assessed" : findings.length > 0 ? "gap" : "covered",
      findingIds: findings.map((finding) => finding.id),
    };
  });
  const counts = { gap: 0, covered: 0, "not-assessed": 0 };
  for (const control of controls) counts[control.status] += 1;
  return {
    framework: { id: framework.id, name: framework.name, version: framework.version, source: framework.source },
    evaluatedAt: report.evaluatedAt,
    graphVersion: report.graphVersion,
    counts,
    controls,
  };
}

/** One row per (control, finding) — or per control without findings — for an auditor's spreadsheet. */
export function complianceEvidenceCsv(compliance: TComplianceReport, report: TFindingsReport): string {
  const byId = new Map(report.findings.map((finding) => [finding.id, finding]));
  const header = [
    "framework",
    "control_id",
    "control_title",
    "status",
    "mapped_rules",
    "open_findings",
    "affected_entities",
    "finding_id",
    "rule_id",
    "severity",
    "reason",
    "entities",
    "location",
    "evaluated_at",
    "graph_version",
    "source",
  ];
  const rows: string[][] = [];
  const framework = `${compliance.framework.name} ${compliance.framework.version}`;
  for (const control of compliance.controls) {
    const base = [
      framework,
      control.id,
      control.title,
      control.status,
      control.mappedRules.join(" "),
      String(control.openFindings),
      String(control.affectedEntities),
    ];
    const tail = [compliance.evaluatedAt, String(compliance.graphVersion), compliance.framework.source.url];
    if (control.findingIds.length === 0) rows.push([...base, "", "", "", "", "", "", ...tail]);
    for (const findingId of control.findingIds) {
      const finding = byId.get(findingId);
      if (!finding) continue;
      const location = finding.location
        ? `${finding.location.repo ? `${finding.location.repo}:` : ""}${finding.location.file}${finding.location.line ? `:${finding.location.line}` : ""}`
        : "";
      rows.push([
        ...base,
        finding.id,
        finding.ruleId,
        finding.severity,
        finding.reason,
        finding.entities.map((entity) => entity.key).join(" "),
        location,
        ...tail,
      ]);
    }
  }
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

// RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
