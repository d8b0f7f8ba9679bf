import { describe, expect, it } from "vitest";
import { ZFixesResult } from "@/lib/schemas/radius";
import { rankFixes } from "./fixes";
import { tinyGraph } from "./tiny-graph";

// Three packages installed in one release job that holds a token with admin on the production
// database; a fourth package sits in a job with nothing. The best single fix is to stop
// exposing that token to the job (cuts all three), and ignoring scripts there is as good under
// the default install/job/runner exposure levels.
const toy = () =>
  tinyGraph(
    [
      ["pkg:npm/a@1.0.0", { hasInstallScript: true }],
      ["pkg:npm/b@1.0.0", { hasInstallScript: true }],
      ["pkg:npm/c@1.0.0", { hasInstallScript: false }],
      ["pkg:npm/d@1.0.0", { hasInstallScript: true }],
      "context:acme/api/release.yml/deploy",
      "context:acme/docs/ci.yml/build",
      "secret:acme/api:DB_ADMIN",
      "secret:acme/docs:LOW",
      ["identity:db-admin", { lifetime: "longLived", identityKind: "cloudRole" }],
      "identity:docs-bot",
      ["system:prod-db", { criticality: "critical" }],
      ["system:wiki", { criticality: "low" }],
    ],
    [
      ["INSTALLED_IN", "pkg:npm/a@1.0.0", "context:acme/api/release.yml/deploy"],
      ["INSTALLED_IN", "pkg:npm/b@1.0.0", "context:acme/api/release.yml/deploy"],
      ["INSTALLED_IN", "pkg:npm/c@1.0.0", "context:acme/api/release.yml/deploy"],
      ["INSTALLED_IN", "pkg:npm/d@1.0.0", "context:acme/docs/ci.yml/build"],
      ["EXPOSES", "context:acme/api/release.yml/deploy", "secret:acme/api:DB_ADMIN", { exposure: "job" }],
      ["EXPOSES", "context:acme/docs/ci.yml/build", "secret:acme/docs:LOW", { exposure: "install" }],
      ["AUTHENTICATES_AS", "secret:acme/api:DB_ADMIN", "identity:db-admin"],
      ["AUTHENTICATES_AS", "secret:acme/docs:LOW", "identity:docs-bot"],
      ["CAN_ACCESS", "identity:db-admin", "system:prod-db", { privilege: "admin" }],
      ["CAN_ACCESS", "identity:docs-bot", "system:wiki", { privilege: "admin" }],
    ],
  );

describe("fixes", () => {
  it("ranks the single change that removes the most critical reach over every package first, with its reduction", () => {
    const result = ZFixesResult.parse(rankFixes(toy(), { top: 5 }));
    // a and b reach prod-db at install/job level; c has no install script, so only at runtime (not counted)
    expect(result.baseline).toBe(2);
    expect(result.exhaustive).toBe(true);
    expect(result.fixes.map((fix) => [fix.control, fix.reduction])).toEqual([
      ["ignore-scripts:context:acme/api/release.yml/deploy", 2],
      ["remove-secret:context:acme/api/release.yml/deploy=secret:acme/api:DB_ADMIN", 2],
      ["short-lived:identity:db-admin", 2],
    ]);
    expect(result.fixes[0]).toMatchObject({ rank: 1, reductionPercent: 100, sourcesAffected: 2 });
  });

  it("counts runtime-only reach when asked, which ignoring scripts does not remove", () => {
    const result = rankFixes(toy(), { top: 5, exposures: ["install", "job", "runner", "runtime"] });
    expect(result.baseline).toBe(3);
    expect(result.fixes[0]).toMatchObject({ control: "remove-secret:context:acme/api/release.yml/deploy=secret:acme/api:DB_ADMIN", reduction: 3 });
    expect(result.fixes.find((fix) => fix.kind === "ignore-scripts")).toBeUndefined();
  });

  it("a graph where nothing critical is reachable has no fixes to offer", () => {
    const graph = tinyGraph(["pkg:npm/x@1.0.0", "context:o/r/ci.yml/j"], [["INSTALLED_IN", "pkg:npm/x@1.0.0", "context:o/r/ci.yml/j"]]);
    expect(rankFixes(graph).fixes).toEqual([]);
  });
});
