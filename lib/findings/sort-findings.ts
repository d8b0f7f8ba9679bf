import { SEVERITIES, type TFinding, type TFindingsQuery } from "@/lib/schemas/findings";

type SortKey = NonNullable<TFindingsQuery["sort"]>;

const where = (finding: TFinding) =>
  finding.location ? `${finding.location.repo ?? ""}:${finding.location.file}:${String(finding.location.line ?? 0).padStart(6, "0")}` : "";

// Each column's order, ascending; ties keep the report's order (most severe first), so a sort
// never shuffles equal rows between two loads of the same link.
const COMPARE: Record<SortKey, (a: TFinding, b: TFinding) => number> = {
  severity: (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  rule: (a, b) => a.ruleId.localeCompare(b.ruleId),
  entity: (a, b) => a.entities[0].name.localeCompare(b.entities[0].name, "en", { sensitivity: "base" }),
  // findings with no file last in ascending order
  where: (a, b) => (where(a) === "" ? 1 : 0) - (where(b) === "" ? 1 : 0) || where(a).localeCompare(where(b)),
};

/** The findings in the order the query asks for; none asked, the report's own (most severe first). */
export function sortFindings(findings: TFinding[], query: Pick<TFindingsQuery, "sort" | "dir">): TFinding[] {
  if (!query.sort) return findings;
  const compare = COMPARE[query.sort];
  const sign = query.dir === "desc" ? -1 : 1;
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => sign * compare(a.finding, b.finding) || a.index - b.index)
    .map(({ finding }) => finding);
}
