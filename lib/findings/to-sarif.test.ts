import { describe, expect, it } from "vitest";
import { evaluatePosture } from "./evaluate-posture";
import { snapshotBuilder } from "./posture-snapshot-builder.test-helper";
import { entityPseudoPath, keySlug, SARIF_SCHEMA, toSarif } from "./to-sarif";

const NOW = new Date("2026-11-01T00:00:00Z");

function report() {
  const g = snapshotBuilder();
  g.edge("USED_IN", g.action("tj-actions/changed-files"), g.job("build"), { attributes: { ref: "v45", pinned: false, line: 17 } });
  g.identity("orphan", { owner: null });
  g.edge("USED_IN", g.action("other/action"), g.job("api", { repo: "acme/api", file: ".github/workflows/ci.yml" }), {
    attributes: { ref: "main", pinned: false, line: 9 },
  });
  return evaluatePosture(g.build(), NOW);
}

describe("toSarif", () => {
  it("produces a SARIF 2.1.0 log with the rules as the driver's rules", () => {
    const sarif = toSarif(report());
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toBe(SARIF_SCHEMA);
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules).toHaveLength(12);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^BM-NHI-\d{3}$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(5);
      expect(rule.fullDescription.text.length).toBeGreaterThan(5);
      expect(rule).not.toHaveProperty("helpUri");
    }
  });

  it("places a workflow finding on its file (relative to the repository) and line", () => {
    const results = toSarif(report(), { repo: "acme/web" }).runs[0].results;
    const pinned = results.find((result) => result.ruleId === "BM-NHI-010");
    expect(pinned?.level).toBe("warning");
    expect(pinned?.locations?.[0].physicalLocation).toEqual({
      artifactLocation: { uri: ".github/workflows/release.yml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 17 },
    });
    expect(results.some((result) => result.properties.repository === "acme/api")).toBe(false);
  });

  it("places a finding without a workflow line on a stable pseudo-path of its entity, and maps severities to levels", () => {
    const results = toSarif(report()).runs[0].results;
    const orphan = results.find((result) => result.ruleId === "BM-NHI-005");
    expect(orphan?.locations[0].physicalLocation.artifactLocation).toEqual({ uri: "blastmap/entities/identity/identity-orphan", uriBaseId: "%SRCROOT%" });
    expect(orphan?.level).toBe("warning");
    expect(orphan?.message.text).toContain('"orphan"');
    for (const result of results) expect(result.ruleIndex).toBeGreaterThanOrEqual(0);
  });

  it("places it on the file its entity was declared in when that is known", () => {
    const built = report();
    const orphan = built.findings.find((finding) => finding.ruleId === "BM-NHI-005")!;
    const results = toSarif(built, { sourceFiles: new Map([[orphan.entities[0].id, "./inventory/nhi.json"]]) }).runs[0].results;
    const location = results.find((result) => result.ruleId === "BM-NHI-005")?.locations[0];
    expect(location?.physicalLocation.artifactLocation.uri).toBe("inventory/nhi.json");
    expect(location?.message?.text).toContain("orphan");
  });

  it("makes pseudo-paths from entity keys that stay path segments", () => {
    expect(entityPseudoPath({ kind: "packageVersion", key: "pkg:npm/@acme/ui@1.2.0" })).toBe("blastmap/entities/package-version/pkg-npm-acme-ui-1.2.0");
    expect(keySlug("..//")).toBe("entity");
  });
});
