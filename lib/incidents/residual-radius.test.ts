import { describe, expect, it } from "vitest";
import { diffRadius } from "./diff-radius";
import { incidentGraph, radiusOf } from "./incident-test-graph.test-helper";
import { residualRadius } from "./residual-radius";

const input = { refs: ["pkg:npm/evil@1.0.0"], advisories: [], maxHops: null, exposures: [] };

describe("residualRadius", () => {
  it("with nothing rotated it equals the radius", () => {
    const graph = incidentGraph();
    const residual = residualRadius(graph, input, []);
    expect(residual.ok && residual.result.nodes.map((node) => node.key).sort()).toEqual(
      radiusOf(graph)
        .nodes.map((node) => node.key)
        .sort(),
    );
  });

  it("rotating the deploy key removes it, its identity and the database it reached; rotating the token removes the republishable package", () => {
    const graph = incidentGraph();
    const original = radiusOf(graph);
    const oneRotated = residualRadius(graph, input, ["secret:acme/web:DEPLOY_KEY"]);
    if (!oneRotated.ok) throw new Error("unexpected");
    const keys = oneRotated.result.nodes.map((node) => node.key);
    expect(keys).not.toContain("secret:acme/web:DEPLOY_KEY");
    expect(keys).not.toContain("system:prod-db");
    expect(keys).toContain("identity:npm-bot");
    const twoRotated = residualRadius(graph, input, ["secret:acme/web:DEPLOY_KEY", "secret:acme/web:NPM_TOKEN"]);
    if (!twoRotated.ok) throw new Error("unexpected");
    expect(twoRotated.result.summary.total).toBeLessThan(oneRotated.result.summary.total);
    expect(oneRotated.result.summary.total).toBeLessThan(original.summary.total);
    expect(twoRotated.result.summary.republishablePackages).toEqual([]);
    const diff = diffRadius(original, twoRotated.result);
    expect(diff.added).toEqual([]);
    expect(diff.removed.map((node) => node.key).sort()).toEqual([
      "identity:deployer",
      "identity:npm-bot",
      "pkg:npm/web-lib",
      "secret:acme/web:DEPLOY_KEY",
      "secret:acme/web:NPM_TOKEN",
      "system:prod-db",
    ]);
  });

  it("ignores rotated nodes that no longer exist in today's graph, and reports unknown sources as errors", () => {
    const graph = incidentGraph();
    expect(residualRadius(graph, input, ["secret:gone"]).ok).toBe(true);
    const unknown = residualRadius(graph, { ...input, refs: ["pkg:npm/nope@1.0.0"] }, []);
    expect(unknown.ok).toBe(false);
  });
});
