import { z } from "zod";
import { ZNodeKind } from "./graph-facts";

// Posture findings and framework compliance: one schema shared by lib/findings, GET /api/findings,
// `blastmap findings --json`, `blastmap compliance --json`, the evidence export and the pages.

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const ZSeverity = z.enum(SEVERITIES);
export type TSeverity = z.infer<typeof ZSeverity>;

export const ZFindingEntity = z.object({
  id: z.number().int(),
  key: z.string(),
  kind: ZNodeKind,
  name: z.string(),
});
export type TFindingEntity = z.infer<typeof ZFindingEntity>;

/** Where in a repository the finding shows: a workflow file and line, for code-scanning tools. */
export const ZFindingLocation = z.object({
  repo: z.string().nullable(),
  /** path relative to the repository root, e.g. .github/workflows/release.yml */
  file: z.string(),
  line: z.number().int().positive().nullable(),
});
export type TFindingLocation = z.infer<typeof ZFindingLocation>;

export const ZFinding = z.object({
  /** stable across runs: rule id + the keys of the entities concerned */
  id: z.string(),
  ruleId: z.string(),
  severity: ZSeverity,
  title: z.string(),
  reason: z.string(),
  remediation: z.string(),
  entities: z.array(ZFindingEntity).min(1),
  location: ZFindingLocation.nullable(),
  /** the entity whose blast radius shows what this weakness puts at stake (/radius?ref=…) */
  worstEntityRef: z.string(),
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZFindingRule = z.object({
  id: z.string(),
  title: z.string(),
  severity: ZSeverity,
  description: z.string(),
  remediation: z.string(),
  /** control ids per framework id */
  controls: z.record(z.string(), z.array(z.string())),
});
export type TFindingRule = z.infer<typeof ZFindingRule>;

export const ZFindingsReport = z.object({
  evaluatedAt: z.string(),
  graphVersion: z.number().int(),
  counts: z.object({
    total: z.number().int(),
    bySeverity: z.record(ZSeverity, z.number().int()),
    byRule: z.record(z.string(), z.number().int()),
  }),
  rules: z.array(ZFindingRule),
  findings: z.array(ZFinding),
});
export type TFindingsReport = z.infer<typeof ZFindingsReport>;

export const FRAMEWORK_IDS = ["owasp-nhi", "nist-csf-2", "nist-ai-rmf"] as const;
export const ZFrameworkId = z.enum(FRAMEWORK_IDS);
export type TFrameworkId = z.infer<typeof ZFrameworkId>;

export const ZControlStatus = z.enum(["gap", "covered", "not-assessed"]);
export type TControlStatus = z.infer<typeof ZControlStatus>;

export const ZComplianceControl = z.object({
  id: z.string(),
  title: z.string(),
  group: z.string(),
  note: z.string().nullable(),
  mappedRules: z.array(z.string()),
  openFindings: z.number().int(),
  affectedEntities: z.number().int(),
  findingsBySeverity: z.record(ZSeverity, z.number().int()),
  status: ZControlStatus,
  /** the findings behind the status, for the evidence export */
  findingIds: z.array(z.string()),
});
export type TComplianceControl = z.infer<typeof ZComplianceControl>;

export const ZComplianceReport = z.object({
  framework: z.object({
    id: ZFrameworkId,
    name: z.string(),
    version: z.string(),
    source: z.object({ publication: z.string(), url: z.string(), scope: z.string() }),
  }),
  evaluatedAt: z.string(),
  graphVersion: z.number().int(),
  counts: z.record(ZControlStatus, z.number().int()),
  controls: z.array(ZComplianceControl),
});
export type TComplianceReport = z.infer<typeof ZComplianceReport>;

/** The columns findings can be ordered by (the page's column headers, GET /api/findings). */
export const FINDING_SORTS = ["severity", "rule", "entity", "where"] as const;

/** Filters and order shared by GET /api/findings and the findings page's query string. */
export const ZFindingsQuery = z.object({
  sort: z.enum(FINDING_SORTS, { error: `must be one of ${FINDING_SORTS.join(", ")}` }).optional(),
  dir: z.enum(["asc", "desc"], { error: "must be asc or desc" }).optional(),
  severity: ZSeverity.optional(),
  rule: z
    .string()
    .regex(/^BM-NHI-\d{3}$/, "must be a rule id such as BM-NHI-001")
    .optional(),
  kind: ZNodeKind.optional(),
  q: z.string().max(200).optional(),
  /** the page of the table (FINDINGS_PAGE_SIZE rows), from 1 */
  page: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100_000).optional(),
});
export type TFindingsQuery = z.infer<typeof ZFindingsQuery>;

/** Applies the filters: a finding matches a kind when one of its entities is of that kind. */
export function filterFindings(findings: TFinding[], query: TFindingsQuery): TFinding[] {
  const needle = query.q?.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      (!query.severity || finding.severity === query.severity) &&
      (!query.rule || finding.ruleId === query.rule) &&
      (!query.kind || finding.entities.some((entity) => entity.kind === query.kind)) &&
      (!needle || finding.reason.toLowerCase().includes(needle) || finding.entities.some((entity) => entity.key.toLowerCase().includes(needle))),
  );
}
