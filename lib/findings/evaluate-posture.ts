import { SEVERITIES, type TFinding, type TFindingRule, type TFindingsReport, type TSeverity } from "@/lib/schemas/findings";
import { indexPosture, type PostureSnapshot } from "./posture-snapshot";
import { RULE_CONTROLS } from "./rule-controls";
import { POSTURE_RULES } from "./rules";

// code-unit order: deterministic and much faster than localeCompare on 100k findings
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SEVERITY_RANK: Record<TSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The rules as data (ids, wording, mapped controls), for pages, SARIF and the evidence export. */
export function describeRules(): TFindingRule[] {
  return POSTURE_RULES.map(({ id, title, severity, description, remediation }) => ({
    id,
    title,
    severity,
    description,
    remediation,
    controls: RULE_CONTROLS[id] ?? {},
  }));
}

/** Every rule over the snapshot. `now` is a parameter so results are reproducible. */
export function evaluatePosture(snapshot: PostureSnapshot, now: Date): TFindingsReport {
  const index = indexPosture(snapshot);
  const findings: TFinding[] = POSTURE_RULES.flatMap((rule) => rule.evaluate(index, now)).sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compare(a.ruleId, b.ruleId) || compare(a.id, b.id),
  );
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<TSeverity, number>;
  const byRule = Object.fromEntries(POSTURE_RULES.map((rule) => [rule.id, 0])) as Record<string, number>;
  for (const finding of findings) {
    bySeverity[finding.severity] += 1;
    byRule[finding.ruleId] += 1;
  }
  return {
    evaluatedAt: now.toISOString(),
    graphVersion: snapshot.graphVersion,
    counts: { total: findings.length, bySeverity, byRule },
    rules: describeRules(),
    findings,
  };
}
