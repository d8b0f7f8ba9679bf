import { describe, expect, it } from "vitest";
import type { TFinding } from "@/lib/schemas/findings";
import { sortFindings } from "./sort-findings";

const finding = (id: string, severity: TFinding["severity"], ruleId: string, entity: string, file: string | null): TFinding => ({
  id,
  ruleId,
  severity,
  title: "t",
  reason: "r",
  remediation: "m",
  entities: [{ id: 1, key: `identity:${entity}`, kind: "identity", name: entity }],
  location: file ? { repo: "acme/web", file, line: 3 } : null,
  worstEntityRef: `identity:${entity}`,
});

const findings = [
  finding("a", "critical", "BM-NHI-003", "zeta", null),
  finding("b", "low", "BM-NHI-001", "alpha", ".github/workflows/ci.yml"),
  finding("c", "high", "BM-NHI-002", "Mid", null),
];
const ids = (list: TFinding[]) => list.map((item) => item.id);

describe("ordering findings", () => {
  it("keeps the report's order when no sort is asked for", () => {
    expect(ids(sortFindings(findings, {}))).toEqual(["a", "b", "c"]);
  });

  it("sorts by severity, rule, entity name (ignoring case) and place, either way", () => {
    expect(ids(sortFindings(findings, { sort: "severity", dir: "desc" }))).toEqual(["b", "c", "a"]);
    expect(ids(sortFindings(findings, { sort: "rule" }))).toEqual(["b", "c", "a"]);
    expect(ids(sortFindings(findings, { sort: "entity" }))).toEqual(["b", "c", "a"]);
    expect(ids(sortFindings(findings, { sort: "where" }))).toEqual(["b", "a", "c"]);
  });
});
