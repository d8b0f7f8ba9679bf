import { describe, expect, it } from "vitest";
import { resolveRef, resolveRefs } from "./resolve-ref";
import { tinyGraph } from "./tiny-graph";

const graph = () =>
  tinyGraph(
    [
      "pkg:npm/%40nx/devkit",
      "pkg:npm/%40nx/devkit@21.5.0",
      "pkg:npm/chalk",
      "pkg:npm/chalk@5.6.1",
      "secret:acme/web:NPM_TOKEN",
      "secret:acme/api:NPM_TOKEN",
      "secret:acme/web:SLACK_WEBHOOK",
      "identity:release-bot",
    ],
    [
      ["VERSION_OF", "pkg:npm/%40nx/devkit@21.5.0", "pkg:npm/%40nx/devkit"],
      ["VERSION_OF", "pkg:npm/chalk@5.6.1", "pkg:npm/chalk"],
    ],
  );

describe("resolving refs", () => {
  it("a scoped purl resolves whether the @ is encoded or not", () => {
    const g = graph();
    for (const ref of ["pkg:npm/%40nx/devkit@21.5.0", "pkg:npm/@nx/devkit@21.5.0"]) {
      const resolved = resolveRef(g, ref);
      expect("reason" in resolved ? resolved.message : g.keys[resolved.node!]).toBe("pkg:npm/%40nx/devkit@21.5.0");
    }
  });

  it("a purl without a version is the package with every version as sources", () => {
    const resolved = resolveRef(graph(), "pkg:npm/chalk");
    expect("reason" in resolved ? [] : resolved.sources.length).toBe(2);
  });

  it("secret:<NAME> finds the one repository secret of that name, and lists candidates when several match", () => {
    expect(resolveRef(graph(), "secret:SLACK_WEBHOOK")).toMatchObject({ description: "secret:acme/web:SLACK_WEBHOOK" });
    expect(resolveRef(graph(), "secret:NPM_TOKEN")).toMatchObject({
      reason: "ambiguous",
      candidates: ["secret:acme/api:NPM_TOKEN", "secret:acme/web:NPM_TOKEN"],
    });
  });

  it("an unknown ref names the closest keys of the same kind", () => {
    const resolved = resolveRef(graph(), "identity:relase-bot");
    expect(resolved).toMatchObject({ reason: "unknown", candidates: ["identity:release-bot"] });
    expect("reason" in resolved && resolved.message).toContain("closest: identity:release-bot");
  });

  it("an unknown advisory and a bad purl are both reported, nothing is resolved", () => {
    const result = resolveRefs(graph(), ["pkg:"], ["MAL-0000-1"]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.reason)).toEqual(["invalid", "unknown"]);
  });
});
