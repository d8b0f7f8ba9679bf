import type { TFindingsReport, TSeverity } from "@/lib/schemas/findings";

// SARIF 2.1.0 (OASIS) so code-scanning tools (GitHub code scanning, IDE viewers) show findings on
// the workflow file and line they concern. Findings without a file appear without a location.
export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const LEVEL: Record<TSeverity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note" };
// GitHub code scanning reads security-severity (0–10) to rank security alerts.
const SECURITY_SEVERITY: Record<TSeverity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

export interface SarifOptions {
  /** only findings of this repository (owner/name), or without a repository; SARIF uploads are per repository */
  repo?: string | null;
  toolVersion?: string;
  helpBaseUrl?: string;
}

export function toSarif(report: TFindingsReport, options: SarifOptions = {}) {
  const helpBase = options.helpBaseUrl ?? "https://github.com/blastmap/blastmap/blob/main/docs/findings.md";
  const findings = options.repo ? report.findings.filter((finding) => !finding.location?.repo || finding.location.repo === options.repo) : report.findings;
  const rules = report.rules.map((rule) => ({
    id: rule.id,
    name: rule.title.replace(/[^A-Za-z0-9]+/g, " ").trim().replace(/ (\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.remediation, markdown: `**Remediation:** ${rule.remediation}` },
    helpUri: `${helpBase}#${rule.id.toLowerCase()}`,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "non-human-identity", ...Object.values(rule.controls).flat()],
      "security-severity": SECURITY_SEVERITY[rule.severity],
      precision: "high",
    },
  }));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: `${finding.reason} ${finding.remediation}` },
    ...(finding.location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.location.file.replace(/^\.?\//, ""), uriBaseId: "%SRCROOT%" },
                ...(finding.location.line ? { region: { startLine: finding.location.line } } : {}),
              },
            },
          ],
        }
      : {}),
    partialFingerprints: { "blastmapFindingId/v1": finding.id },
    properties: {
      severity: finding.severity,
      entities: finding.entities.map((entity) => entity.key),
      repository: finding.location?.repo ?? null,
      worstEntityRef: finding.worstEntityRef,
    },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0" as const,
    runs: [
      {
        tool: { driver: { name: "Blastmap", informationUri: "https://github.com/blastmap/blastmap", version: options.toolVersion ?? "0.1.0", rules } },
        automationDetails: { id: `blastmap/findings/${options.repo ?? "all"}` },
        results,
        properties: { evaluatedAt: report.evaluatedAt, graphVersion: report.graphVersion },
      },
    ],
  };
}
