import { describe, expect, it } from "vitest";
import { evaluatePosture } from "./evaluate-posture";
import { snapshotBuilder } from "./posture-snapshot-builder.test-helper";
import { complianceEvidenceCsv, summariseCompliance } from "./summarise-compliance";

const NOW = new Date("2026-11-01T00:00:00Z");

function reportWithOneOrphan() {
  const g = snapshotBuilder();
  g.identity("orphan", { owner: null });
  return evaluatePosture(g.build(), NOW);
}

describe("summariseCompliance", () => {
  it("marks controls with open findings as gaps, mapped controls without findings as covered, unmapped as not assessed", () => {
    const compliance = summariseCompliance("owasp-nhi", reportWithOneOrphan());
    const byId = new Map(compliance.controls.map((control) => [control.id, control]));
    expect(byId.get("NHI1:2025")).toMatchObject({ status: "gap", openFindings: 1, affectedEntities: 1, mappedRules: ["BM-NHI-005", "BM-NHI-006"] });
    expect(byId.get("NHI7:2025")?.status).toBe("covered");
    const csf = summariseCompliance("nist-csf-2", reportWithOneOrphan());
    expect(csf.controls.find((control) => control.id === "RS.AN-08")?.status).toBe("not-assessed");
    expect(csf.counts.gap + csf.counts.covered + csf.counts["not-assessed"]).toBe(csf.controls.length);
  });

  it("exports evidence as CSV with one row per control finding, quoted and formula-safe", () => {
    const report = reportWithOneOrphan();
    const csv = complianceEvidenceCsv(summariseCompliance("owasp-nhi", report), report);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "framework,control_id,control_title,status,mapped_rules,open_findings,affected_entities,finding_id,rule_id,severity,reason,entities,location,evaluated_at,graph_version,source",
    );
    expect(lines).toHaveLength(11); // 10 controls, NHI1 with its one finding
    const gap = lines.find((line) => line.includes("NHI1:2025"));
    expect(gap).toContain("BM-NHI-005:identity:orphan");
    expect(gap).toContain('"""orphan"" (apiKey) has no recorded owner."');
  });
});
