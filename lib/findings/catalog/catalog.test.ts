import { describe, expect, it } from "vitest";
import { FRAMEWORK_IDS } from "@/lib/schemas/findings";
import { RULE_CONTROLS } from "../rule-controls";
import { POSTURE_RULES } from "../rules";
import { FRAMEWORKS } from ".";

describe("the framework catalog", () => {
  it("lists the OWASP NHI Top 10 (2025) with the project's exact ids and titles", () => {
    expect(FRAMEWORKS["owasp-nhi"].controls.map((control) => `${control.id} ${control.title}`)).toEqual([
      "NHI1:2025 Improper Offboarding",
      "NHI2:2025 Secret Leakage",
      "NHI3:2025 Vulnerable Third-Party NHI",
      "NHI4:2025 Insecure Authentication",
      "NHI5:2025 Overprivileged NHI",
      "NHI6:2025 Insecure Cloud Deployment Configurations",
      "NHI7:2025 Long-Lived Secrets",
      "NHI8:2025 Environment Isolation",
      "NHI9:2025 NHI Reuse",
      "NHI10:2025 Human Use of NHI",
    ]);
  });

  it("writes CSF 2.0 ids as FUNCTION.CATEGORY-NN and never uses the withdrawn PR.AC category", () => {
    for (const control of FRAMEWORKS["nist-csf-2"].controls) expect(control.id).toMatch(/^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/);
    const ids = FRAMEWORKS["nist-csf-2"].controls.map((control) => control.id);
    expect(ids.some((id) => id.startsWith("PR.AC"))).toBe(false);
    const leastPrivilege = FRAMEWORKS["nist-csf-2"].controls.find((control) => control.id === "PR.AA-05");
    expect(leastPrivilege?.note).toContain("PR.AC-4");
  });

  it("writes AI RMF ids as FUNCTION n.n", () => {
    for (const control of FRAMEWORKS["nist-ai-rmf"].controls) expect(control.id).toMatch(/^(GOVERN|MAP|MEASURE|MANAGE) \d\.\d$/);
  });

  it("cites a source for every framework and has no duplicate ids", () => {
    for (const framework of Object.values(FRAMEWORKS)) {
      expect(framework.source.url).toMatch(/^https:\/\//);
      expect(framework.source.publication.length).toBeGreaterThan(10);
      const ids = framework.controls.map((control) => control.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("maps every rule to existing controls of every framework, and nothing else", () => {
    expect(Object.keys(RULE_CONTROLS).sort()).toEqual(POSTURE_RULES.map((rule) => rule.id).sort());
    for (const [ruleId, byFramework] of Object.entries(RULE_CONTROLS)) {
      for (const frameworkId of FRAMEWORK_IDS) {
        const known = new Set(FRAMEWORKS[frameworkId].controls.map((control) => control.id));
        expect(byFramework[frameworkId].length, `${ruleId} → ${frameworkId}`).toBeGreaterThan(0);
        for (const controlId of byFramework[frameworkId]) expect(known.has(controlId), `${ruleId} → ${controlId}`).toBe(true);
      }
    }
  });

  it("gives every rule a stable, unique BM-NHI id", () => {
    const ids = POSTURE_RULES.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    for (const id of ids) expect(id).toMatch(/^BM-NHI-\d{3}$/);
    expect(new Set(ids).size).toBe(12);
  });
});
