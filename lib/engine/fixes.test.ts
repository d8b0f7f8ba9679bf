import { describe, expect, it } from "vitest";
import { ZFixesResult } from "@/lib/schemas/radius";
import { topFixesForRadius } from "./blast-radius";
import { DEFAULT_FIX_EXPOSURES, enumerateCandidates, fixSources, radiusScore, rankFixes } from "./fixes";
import { RadiusWorkspace } from "./radius";
import { applyControls, controlString, emptyOverlay, parseControls } from "./what-if";
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

  it("restricted to one radius, the fixes rank only what that radius' sources reach, walked together", () => {
    const graph = toy();
    const both = topFixesForRadius(graph, { top: 5, exposures: [], refs: ["pkg:npm/a@1.0.0", "pkg:npm/d@1.0.0"], advisories: [] });
    expect(both.ok).toBe(true);
    const result = ZFixesResult.parse(both.ok && both.result);
    // a and d taken together reach prod-db once (the critical system), not once per source
    expect(result).toMatchObject({ baseline: 1, sources: 2, scope: expect.stringContaining("pkg:npm/a@1.0.0") });
    // as the radius does, no exposure filter counts every level: ignoring scripts only moves the
    // reach to run time, so it is no fix here
    expect(result.exposures).toEqual(["install", "job", "runner", "runtime"]);
    expect(result.fixes.map((fix) => fix.control)).toEqual([
      "remove-secret:context:acme/api/release.yml/deploy=secret:acme/api:DB_ADMIN",
      "short-lived:identity:db-admin",
    ]);
    const installTime = topFixesForRadius(graph, {
      top: 5,
      exposures: ["install", "job", "runner"],
      refs: ["pkg:npm/a@1.0.0", "pkg:npm/d@1.0.0"],
      advisories: [],
    });
    expect(installTime.ok && installTime.result.fixes[0].control).toBe("ignore-scripts:context:acme/api/release.yml/deploy");
    // the docs job's radius reaches nothing critical: nothing to fix there, whatever other sources reach
    const docs = topFixesForRadius(graph, { top: 5, exposures: [], refs: ["pkg:npm/d@1.0.0"], advisories: [] });
    expect(docs.ok && docs.result.fixes).toEqual([]);
    expect(rankFixes(graph).fixes.length).toBeGreaterThan(0);
    // an unknown source is refused as the radius refuses it
    expect(topFixesForRadius(graph, { top: 5, exposures: [], refs: ["pkg:npm/nope@1.0.0"], advisories: [] }).ok).toBe(false);
  });

  it("a graph where nothing critical is reachable has no fixes to offer", () => {
    const graph = tinyGraph(["pkg:npm/x@1.0.0", "context:o/r/ci.yml/j"], [["INSTALLED_IN", "pkg:npm/x@1.0.0", "context:o/r/ci.yml/j"]]);
    expect(rankFixes(graph).fixes).toEqual([]);
  });
});

describe("fixes against brute force", () => {
  // A seeded random organisation small enough to try every control on every source.
  function randomOrganisation(seed: number) {
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const versions = Array.from({ length: 12 }, (_, i) => `pkg:npm/p${i}@1.0.0`);
    const packages = Array.from({ length: 12 }, (_, i) => `pkg:npm/p${i}`);
    const contexts = Array.from({ length: 8 }, (_, i) => `context:o/r/ci.yml/j${i}`);
    const secrets = Array.from({ length: 10 }, (_, i) => `secret:S${i}`);
    const identities = Array.from({ length: 10 }, (_, i) => `identity:i${i}`);
    const systems = Array.from({ length: 5 }, (_, i) => `system:s${i}`);
    const nodes: Parameters<typeof tinyGraph>[0] = [
      ...versions.map((key) => [key, { hasInstallScript: random() < 0.5 }] as [string, { hasInstallScript: boolean }]),
      ...packages,
      ...contexts,
      ...secrets,
      ...identities.map((key) => [key, { lifetime: random() < 0.7 ? "longLived" : "shortLived" }] as [string, { lifetime: "longLived" | "shortLived" }]),
      ...systems.map(
        (key, i) =>
          [key, { criticality: i < 2 ? "critical" : "low", storesSecrets: i === 4 }] as [string, { criticality: "critical" | "low"; storesSecrets: boolean }],
      ),
      "publisher:npm/pub",
      ["runner:box", { persistent: true }],
    ];
    const edges: Parameters<typeof tinyGraph>[1] = [];
    versions.forEach((version, i) => {
      edges.push(["VERSION_OF", version, packages[i]]);
      edges.push(["INSTALLED_IN", version, pick(contexts)]);
    });
    contexts.forEach((context, i) => {
      edges.push(["EXPOSES", context, pick(secrets), { exposure: random() < 0.5 ? "install" : "job" }]);
      if (i % 3 === 0) edges.push(["RUNS_ON", context, "runner:box"]);
    });
    secrets.forEach((secret, i) => edges.push(["AUTHENTICATES_AS", secret, identities[i]]));
    identities.forEach((identity) => {
      edges.push(["CAN_ACCESS", identity, pick(systems), { privilege: random() < 0.5 ? "read" : "admin" }]);
      if (random() < 0.3) edges.push(["CAN_PUBLISH", identity, pick(packages)]);
    });
    edges.push(["STORES", systems[4], pick(secrets)]);
    edges.push(["MAINTAINS", "publisher:npm/pub", pick(packages)]);
    const unique = new Map(edges.map((edge) => [`${edge[0]} ${edge[1]} ${edge[2]}`, edge]));
    return tinyGraph(nodes, [...unique.values()]);
  }

  it.each([1, 2, 3, 4, 5])("the ranking equals trying every control on every source (seed %i)", (seed) => {
    const graph = randomOrganisation(seed);
    const sources = fixSources(graph);
    const workspace = new RadiusWorkspace(graph);
    const total = (overlay: ReturnType<typeof emptyOverlay> | null) =>
      sources.reduce((sum, s) => sum + radiusScore(workspace.walk([s], { exposures: DEFAULT_FIX_EXPOSURES, overlay, nextResolve: false })), 0);
    const baseline = total(null);
    const bruteForce = enumerateCandidates(graph)
      .candidates.map((candidate) => {
        const control = controlString(graph, candidate.kind, candidate.a, candidate.b);
        const parsed = parseControls(graph, [control]);
        if (!parsed.ok) throw new Error(parsed.errors[0].message);
        return { control, reduction: baseline - total(applyControls(emptyOverlay(graph), parsed.controls)) };
      })
      .filter((fix) => fix.reduction > 0)
      .sort((a, b) => b.reduction - a.reduction);
    const ranked = rankFixes(graph, { top: 5 });
    expect(bruteForce.length).toBeGreaterThan(0);
    expect(ranked.baseline).toBe(baseline);
    expect(ranked.fixes.map((fix) => fix.reduction)).toEqual(bruteForce.slice(0, 5).map((fix) => fix.reduction));
    for (const fix of ranked.fixes) expect(bruteForce.find((b) => b.control === fix.control)?.reduction).toBe(fix.reduction);
  });
});
