import { describe, expect, it } from "vitest";
import { radius, reached } from "./radius-test-kit";
import { tinyGraph } from "./tiny-graph";

// The rules that make the answer true on real incidents: when a node is reached (now, or only on
// the next resolve), which pins stop a moved tag, where each worm generation's exposure starts,
// and the order an incident commander rotates in.

// chalk 5.6.1 is malicious; three repositories: one pins it, one pins 5.6.0 under "^5.0.0", one
// pins 5.3.0 exactly; a fourth job fetches chalk afresh with npx.
function chalkGraph() {
  return tinyGraph(
    [
      ["pkg:npm/chalk@5.6.1", { compromised: true }],
      "pkg:npm/chalk@5.6.0",
      "pkg:npm/chalk@5.3.0",
      "pkg:npm/chalk",
      "context:acme/bad/ci.yml/build",
      "context:acme/caret/ci.yml/build",
      "context:acme/exact/ci.yml/build",
      "context:acme/tool/ci.yml/lint",
      "secret:acme/bad:TOKEN",
      "secret:acme/caret:TOKEN",
      "secret:acme/exact:TOKEN",
      "secret:acme/tool:TOKEN",
      ["advisory:MAL-2025-46969", { affected: [{ package: { ecosystem: "npm", name: "chalk" }, versions: ["5.6.1"] }] }],
    ],
    [
      ["VERSION_OF", "pkg:npm/chalk@5.6.1", "pkg:npm/chalk"],
      ["VERSION_OF", "pkg:npm/chalk@5.6.0", "pkg:npm/chalk"],
      ["VERSION_OF", "pkg:npm/chalk@5.3.0", "pkg:npm/chalk"],
      ["INSTALLED_IN", "pkg:npm/chalk@5.6.1", "context:acme/bad/ci.yml/build", { attributes: { resolve: "lockfile", direct: true, range: "^5.0.0" } }],
      ["INSTALLED_IN", "pkg:npm/chalk@5.6.0", "context:acme/caret/ci.yml/build", { attributes: { resolve: "lockfile", direct: true, range: "^5.0.0" } }],
      ["INSTALLED_IN", "pkg:npm/chalk@5.3.0", "context:acme/exact/ci.yml/build", { attributes: { resolve: "lockfile", direct: true, range: "5.3.0" } }],
      ["INSTALLED_IN", "pkg:npm/chalk", "context:acme/tool/ci.yml/lint", { attributes: { resolve: "fresh", spec: "latest", runs: true } }],
      ["EXPOSES", "context:acme/bad/ci.yml/build", "secret:acme/bad:TOKEN", { exposure: "job" }],
      ["EXPOSES", "context:acme/caret/ci.yml/build", "secret:acme/caret:TOKEN", { exposure: "job" }],
      ["EXPOSES", "context:acme/exact/ci.yml/build", "secret:acme/exact:TOKEN", { exposure: "job" }],
      ["EXPOSES", "context:acme/tool/ci.yml/lint", "secret:acme/tool:TOKEN", { exposure: "install" }],
    ],
  );
}

describe("timing: now or only on the next resolve", () => {
  it("a version pinned by a lockfile is reached now; a range that admits it while pinning another is reached on the next resolve; an exact pin is not reached", () => {
    const result = radius(chalkGraph(), ["pkg:npm/chalk@5.6.1"]);
    expect(reached(result, "context:acme/bad/ci.yml/build")).toMatchObject({ timing: "now", exposure: "runtime" });
    expect(reached(result, "secret:acme/bad:TOKEN")).toMatchObject({ timing: "now", exposure: "runtime" });
    const caret = reached(result, "context:acme/caret/ci.yml/build");
    expect(caret).toMatchObject({ timing: "next-resolve" });
    expect(caret!.path.at(-1)).toMatchObject({
      kind: "RANGE_ADMITS",
      attributes: expect.objectContaining({ range: "^5.0.0", installedVersion: "pkg:npm/chalk@5.6.0", timing: "next-resolve" }),
    });
    // the step that waits for the resolve says so; what follows it inherits the wait
    expect(reached(result, "secret:acme/caret:TOKEN")!.path.at(-1)!.attributes?.timing).toBeUndefined();
    expect(reached(result, "secret:acme/caret:TOKEN")).toMatchObject({ timing: "next-resolve" });
    expect(reached(result, "context:acme/exact/ci.yml/build")).toBeUndefined();
    expect(result.summary.now).toBe(result.nodes.filter((node) => node.timing === "now").length);
    expect(result.summary.now).toBeLessThan(result.summary.total);
  });

  it("a job that resolves the package afresh (npx) gets the bad version now, and the code runs with that step's secrets", () => {
    const result = radius(chalkGraph(), ["pkg:npm/chalk@5.6.1"]);
    expect(reached(result, "context:acme/tool/ci.yml/lint")).toMatchObject({ timing: "now", exposure: "install" });
    expect(reached(result, "context:acme/tool/ci.yml/lint")!.path.at(-1)).toMatchObject({ kind: "FRESH_RESOLVE" });
  });

  it("an advisory reaches what its versions reach, and the next resolve of ranges admitting a version no lockfile has", () => {
    const graph = chalkGraph();
    const result = radius(graph, [], { advisories: ["MAL-2025-46969"] });
    expect(reached(result, "context:acme/bad/ci.yml/build")).toMatchObject({ timing: "now" });
    expect(reached(result, "context:acme/caret/ci.yml/build")).toMatchObject({ timing: "next-resolve" });
    expect(reached(result, "context:acme/exact/ci.yml/build")).toBeUndefined();
  });

  it("--timing now leaves out what only the next resolve would give", () => {
    const result = radius(chalkGraph(), ["pkg:npm/chalk@5.6.1"], { timings: ["now"] });
    expect(result.nodes.every((node) => node.timing === "now")).toBe(true);
    expect(reached(result, "context:acme/caret/ci.yml/build")).toBeUndefined();
    expect(reached(result, "context:acme/bad/ci.yml/build")).toBeDefined();
  });

  it("a node reachable now and on the next resolve is now, whatever the hop counts", () => {
    const graph = tinyGraph(
      [
        ["pkg:npm/evil@2.0.0", { hasInstallScript: true }],
        "pkg:npm/evil@1.0.0",
        "pkg:npm/evil",
        "context:acme/a/ci.yml/build",
        "context:acme/b/ci.yml/build",
        "secret:SHARED",
      ],
      [
        ["VERSION_OF", "pkg:npm/evil@2.0.0", "pkg:npm/evil"],
        ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/a/ci.yml/build", { attributes: { range: "^1.0.0 || ^2.0.0" } }],
        ["INSTALLED_IN", "pkg:npm/evil@2.0.0", "context:acme/b/ci.yml/build"],
        ["EXPOSES", "context:acme/a/ci.yml/build", "secret:SHARED"],
        ["EXPOSES", "context:acme/b/ci.yml/build", "secret:SHARED"],
      ],
    );
    const result = radius(graph, ["pkg:npm/evil@2.0.0"]);
    expect(reached(result, "context:acme/a/ci.yml/build")).toMatchObject({ timing: "next-resolve" });
    expect(reached(result, "secret:SHARED")).toMatchObject({ timing: "now" });
  });
});

// A stolen npm token republishes @acme/ui; who installs the attacker's version?
function wormGraph() {
  return tinyGraph(
    [
      ["pkg:npm/%40ctrl/tinycolor@4.1.1", { hasInstallScript: true }],
      "pkg:npm/%40ctrl/tinycolor",
      ["context:workstation/dev-laptop", { contextKind: "workstation" }],
      "secret:npm-token-dev",
      ["identity:dev-npm", { lifetime: "longLived", identityKind: "registryPublishToken", provider: "npm" }],
      "pkg:npm/%40acme/ui",
      "pkg:npm/%40acme/ui@1.2.0",
      "context:acme/fresh/ci.yml/e2e",
      "context:acme/caret/ci.yml/build",
      "context:acme/exact/ci.yml/build",
      "secret:acme/caret:CLOUD_KEY",
    ],
    [
      ["VERSION_OF", "pkg:npm/%40ctrl/tinycolor@4.1.1", "pkg:npm/%40ctrl/tinycolor"],
      ["INSTALLED_IN", "pkg:npm/%40ctrl/tinycolor@4.1.1", "context:workstation/dev-laptop"],
      ["EXPOSES", "context:workstation/dev-laptop", "secret:npm-token-dev", { exposure: "install" }],
      ["AUTHENTICATES_AS", "secret:npm-token-dev", "identity:dev-npm"],
      ["CAN_PUBLISH", "identity:dev-npm", "pkg:npm/%40acme/ui"],
      ["VERSION_OF", "pkg:npm/%40acme/ui@1.2.0", "pkg:npm/%40acme/ui"],
      ["INSTALLED_IN", "pkg:npm/%40acme/ui", "context:acme/fresh/ci.yml/e2e", { attributes: { resolve: "fresh", spec: "latest", runs: true } }],
      ["INSTALLED_IN", "pkg:npm/%40acme/ui@1.2.0", "context:acme/caret/ci.yml/build", { attributes: { resolve: "lockfile", range: "^1.2.0" } }],
      ["INSTALLED_IN", "pkg:npm/%40acme/ui@1.2.0", "context:acme/exact/ci.yml/build", { attributes: { resolve: "lockfile", range: "1.2.0" } }],
      ["EXPOSES", "context:acme/caret/ci.yml/build", "secret:acme/caret:CLOUD_KEY", { exposure: "install" }],
    ],
  );
}

describe("write access gained only on the next resolve", () => {
  it("a vault read now but held with write only through a next-resolve path yields its secrets, as next-resolve", () => {
    const graph = tinyGraph(
      [
        "pkg:npm/evil@2.0.0",
        "pkg:npm/evil@1.0.0",
        "pkg:npm/evil",
        "context:acme/a/ci.yml/build",
        "context:acme/b/ci.yml/build",
        "secret:READER",
        "secret:WRITER",
        "identity:reader",
        "identity:writer",
        ["system:vault", { criticality: "critical", storesSecrets: true }],
        "secret:vault:db-root",
      ],
      [
        ["VERSION_OF", "pkg:npm/evil@2.0.0", "pkg:npm/evil"],
        ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
        ["INSTALLED_IN", "pkg:npm/evil@2.0.0", "context:acme/a/ci.yml/build"],
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/b/ci.yml/build", { attributes: { range: "^1.0.0 || ^2.0.0" } }],
        ["EXPOSES", "context:acme/a/ci.yml/build", "secret:READER"],
        ["EXPOSES", "context:acme/b/ci.yml/build", "secret:WRITER"],
        ["AUTHENTICATES_AS", "secret:READER", "identity:reader"],
        ["AUTHENTICATES_AS", "secret:WRITER", "identity:writer"],
        ["CAN_ACCESS", "identity:reader", "system:vault", { privilege: "read" }],
        ["CAN_ACCESS", "identity:writer", "system:vault", { privilege: "write" }],
        ["STORES", "system:vault", "secret:vault:db-root"],
      ],
    );
    const result = radius(graph, ["pkg:npm/evil@2.0.0"]);
    expect(reached(result, "system:vault")).toMatchObject({ timing: "now" });
    expect(reached(result, "secret:vault:db-root")).toMatchObject({ timing: "next-resolve" });
    expect(radius(graph, ["pkg:npm/evil@2.0.0"], { timings: ["now"] }).nodes.map((node) => node.key)).not.toContain("secret:vault:db-root");
  });
});

describe("the worm: who installs the attacker's republished version", () => {
  it("a fresh resolver installs it now, a lockfile under a range on its next resolve, an exact pin never", () => {
    const result = radius(wormGraph(), ["pkg:npm/%40ctrl/tinycolor@4.1.1"]);
    expect(reached(result, "context:acme/fresh/ci.yml/e2e")).toMatchObject({ generation: 1, timing: "now" });
    expect(reached(result, "context:acme/caret/ci.yml/build")).toMatchObject({ generation: 1, timing: "next-resolve" });
    expect(reached(result, "context:acme/exact/ci.yml/build")).toBeUndefined();
  });

  it("each generation's exposure comes from its own foothold, so --exposure install still shows the worm", () => {
    const result = radius(wormGraph(), ["pkg:npm/%40ctrl/tinycolor@4.1.1"], { exposures: ["install"] });
    expect(reached(result, "context:acme/fresh/ci.yml/e2e")).toMatchObject({ generation: 1, exposure: "install" });
    expect(reached(result, "secret:acme/caret:CLOUD_KEY")).toMatchObject({ generation: 1, exposure: "install", timing: "next-resolve" });
  });

  it("a generation whose foothold runs only at runtime is runtime, whatever gave the publish right", () => {
    const graph = wormGraph();
    const result = radius(graph, ["pkg:npm/%40ctrl/tinycolor@4.1.1"], { whatIf: ["ignore-scripts:context:acme/caret/ci.yml/build"] });
    expect(reached(result, "context:acme/caret/ci.yml/build")).toMatchObject({ exposure: "runtime" });
  });
});

function actionGraph() {
  const sha = "0e58ed8671d6b60d0890c21b07f8835ace038e67";
  const clean = "a284dc1814e3fd07f2e34267fc8f81227ed29fb8";
  return {
    sha,
    clean,
    graph: tinyGraph(
      [
        "action:tj-actions/changed-files",
        "context:acme/web/ci.yml/changes",
        "context:acme/api/ci.yml/changes",
        "secret:acme/web:NPM_TOKEN",
        "secret:acme/api:AWS_KEY",
        ["advisory:GHSA-mrrh-fwg8-r2c3", { affected: [{ package: { ecosystem: "GitHub Actions", name: "tj-actions/changed-files" }, versions: [clean] }] }],
      ],
      [
        [
          "USED_IN",
          "action:tj-actions/changed-files",
          "context:acme/web/ci.yml/changes",
          { attributes: { ref: "v45", pinned: false, refs: ["v45"], shas: [], line: 12 } },
        ],
        [
          "USED_IN",
          "action:tj-actions/changed-files",
          "context:acme/api/ci.yml/changes",
          { attributes: { ref: clean, pinned: true, refs: [clean], shas: [clean], line: 14 } },
        ],
        ["EXPOSES", "context:acme/web/ci.yml/changes", "secret:acme/web:NPM_TOKEN", { exposure: "job" }],
        ["EXPOSES", "context:acme/api/ci.yml/changes", "secret:acme/api:AWS_KEY", { exposure: "job" }],
      ],
    ),
  };
}

describe("actions with refs", () => {
  it("a compromised action reaches every use by a tag, and lists uses pinned to a commit as pinned, not reached", () => {
    const { graph, clean } = actionGraph();
    const result = radius(graph, ["action:tj-actions/changed-files"]);
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toMatchObject({ exposure: "job", timing: "now" });
    expect(reached(result, "context:acme/api/ci.yml/changes")).toBeUndefined();
    expect(result.pinnedNotReached).toEqual([{ action: "action:tj-actions/changed-files", context: "context:acme/api/ci.yml/changes", ref: clean, line: 14 }]);
  });

  it("naming the pinned commit bad (action:owner/repo@sha) reaches the uses pinned to it", () => {
    const { graph, clean } = actionGraph();
    const result = radius(graph, ["action:tj-actions/changed-files", `action:tj-actions/changed-files@${clean}`]);
    expect(reached(result, "secret:acme/api:AWS_KEY")).toBeDefined();
    expect(result.pinnedNotReached).toEqual([]);
  });

  it("an OSV advisory for the GitHub Actions ecosystem starts from the action and from the commits it lists", () => {
    const { graph } = actionGraph();
    const result = radius(graph, [], { advisories: ["GHSA-mrrh-fwg8-r2c3"] });
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toBeDefined();
    expect(reached(result, "secret:acme/api:AWS_KEY")).toBeDefined();
  });

  it("pin-action removes the tag use from the radius", () => {
    const { graph } = actionGraph();
    const result = radius(graph, ["action:tj-actions/changed-files"], {
      whatIf: ["pin-action:context:acme/web/ci.yml/changes=action:tj-actions/changed-files"],
    });
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toBeUndefined();
    expect(result.before?.total).toBeGreaterThan(result.summary.total);
  });
});

describe("assumed write tokens", () => {
  const graph = (defaults?: Record<string, string>) =>
    tinyGraph(
      [
        "context:acme/web/pr-title.yml/check",
        "secret:acme/web:GITHUB_TOKEN@pr-title.yml/check",
        ["identity:github-token:acme/web/pr-title.yml/check", { identityKind: "githubToken", lifetime: "shortLived" }],
        ["system:github:acme", { criticality: "high", defaultTokenPermissions: defaults ?? null }],
        "context:acme/web/publish.yml/publish",
        "secret:acme/web:NPM_TOKEN",
      ],
      [
        ["EXPOSES", "context:acme/web/pr-title.yml/check", "secret:acme/web:GITHUB_TOKEN@pr-title.yml/check", { exposure: "job" }],
        ["AUTHENTICATES_AS", "secret:acme/web:GITHUB_TOKEN@pr-title.yml/check", "identity:github-token:acme/web/pr-title.yml/check"],
        ["CAN_ACCESS", "identity:github-token:acme/web/pr-title.yml/check", "system:github:acme", { privilege: "write", attributes: { assumed: true } }],
        [
          "TRIGGERS",
          "identity:github-token:acme/web/pr-title.yml/check",
          "context:acme/web/publish.yml/publish",
          { attributes: { assumed: true, repo: "acme/web", trigger: "workflow_dispatch" } },
        ],
        ["EXPOSES", "context:acme/web/publish.yml/publish", "secret:acme/web:NPM_TOKEN", { exposure: "job" }],
      ],
    );

  it("with no permissions block and no stated default, write is assumed and what it reaches says so", () => {
    const result = radius(graph(), ["context:acme/web/pr-title.yml/check"]);
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toMatchObject({ assumed: true, timing: "now" });
    expect(reached(result, "system:github:acme")).toMatchObject({ assumed: true, privilege: "write" });
  });

  it("an organisation default of read, stated in the inventory, removes what only a write token could do", () => {
    const result = radius(graph({ "*": "read" }), ["context:acme/web/pr-title.yml/check"]);
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toBeUndefined();
    expect(reached(result, "system:github:acme")).toMatchObject({ privilege: "read" });
    expect(reached(result, "system:github:acme")!.assumed).toBeUndefined();
  });

  it("a repository default of write keeps the reach without the assumption", () => {
    const result = radius(graph({ "*": "read", "acme/web": "write" }), ["context:acme/web/pr-title.yml/check"]);
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toBeDefined();
    expect(reached(result, "secret:acme/web:NPM_TOKEN")!.assumed).toBeUndefined();
  });
});

describe("the rotation plan of an incident", () => {
  function incidentGraph() {
    return tinyGraph(
      [
        ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
        "pkg:npm/evil",
        "pkg:npm/evil@0.9.0",
        "context:acme/web/release.yml/publish",
        "context:acme/other/ci.yml/build",
        "secret:acme/web:GITHUB_TOKEN@release.yml/publish",
        ["identity:github-token:acme/web/release.yml/publish", { identityKind: "githubToken", lifetime: "shortLived" }],
        "secret:acme/web:NPM_TOKEN",
        ["identity:npm-release", { identityKind: "registryPublishToken", lifetime: "longLived", provider: "npm" }],
        "secret:acme/web:AWS_ACCESS_KEY_ID",
        ["identity:aws-deployer", { identityKind: "ciServiceAccount", lifetime: "longLived", provider: "aws" }],
        "secret:acme/web:SENTRY_TOKEN",
        "secret:acme/other:PROD_DB_URL",
        ["system:prod-db", { criticality: "critical" }],
        ["system:aws-prod", { criticality: "critical" }],
        "pkg:npm/%40acme/web",
      ],
      [
        ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
        ["VERSION_OF", "pkg:npm/evil@0.9.0", "pkg:npm/evil"],
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/web/release.yml/publish"],
        ["INSTALLED_IN", "pkg:npm/evil@0.9.0", "context:acme/other/ci.yml/build", { attributes: { range: "^0.9.0 || ^1.0.0" } }],
        ["EXPOSES", "context:acme/web/release.yml/publish", "secret:acme/web:GITHUB_TOKEN@release.yml/publish", { exposure: "install" }],
        ["AUTHENTICATES_AS", "secret:acme/web:GITHUB_TOKEN@release.yml/publish", "identity:github-token:acme/web/release.yml/publish"],
        ["EXPOSES", "context:acme/web/release.yml/publish", "secret:acme/web:NPM_TOKEN", { exposure: "job" }],
        ["AUTHENTICATES_AS", "secret:acme/web:NPM_TOKEN", "identity:npm-release"],
        ["CAN_PUBLISH", "identity:npm-release", "pkg:npm/%40acme/web"],
        ["EXPOSES", "context:acme/web/release.yml/publish", "secret:acme/web:AWS_ACCESS_KEY_ID", { exposure: "install" }],
        ["AUTHENTICATES_AS", "secret:acme/web:AWS_ACCESS_KEY_ID", "identity:aws-deployer"],
        ["CAN_ACCESS", "identity:aws-deployer", "system:aws-prod", { privilege: "admin" }],
        ["EXPOSES", "context:acme/web/release.yml/publish", "secret:acme/web:SENTRY_TOKEN", { exposure: "job" }],
        ["EXPOSES", "context:acme/other/ci.yml/build", "secret:acme/other:PROD_DB_URL", { exposure: "install" }],
      ],
    );
  }

  it("publish rights first, then critical systems; next-resolve after now; ephemeral job tokens last, to review", () => {
    const result = radius(incidentGraph(), ["pkg:npm/evil@1.0.0"]);
    const plan = result.rotationPlan;
    expect(plan.map((row) => row.key)).toEqual([
      "secret:acme/web:NPM_TOKEN",
      "secret:acme/web:AWS_ACCESS_KEY_ID",
      "secret:acme/web:SENTRY_TOKEN",
      "secret:acme/other:PROD_DB_URL",
      "secret:acme/web:GITHUB_TOKEN@release.yml/publish",
    ]);
    expect(plan[0]).toMatchObject({ action: "rotate", timing: "now", lifetime: "longLived", unlocks: { publishablePackages: 1 } });
    expect(plan[0].shortLivedReplacement).toMatch(/trusted publishing/);
    expect(plan[1]).toMatchObject({ unlocks: { criticalSystems: 1, highestPrivilege: "admin" } });
    expect(plan[1].shortLivedReplacement).toMatch(/OIDC federation/);
    expect(plan[3]).toMatchObject({ timing: "next-resolve" });
    expect(plan[4]).toMatchObject({ action: "review", shortLivedReplacement: null });
    expect(plan[4].reason).toMatch(/expired at job end/);
    expect(plan[4].identities.map((i) => i.key)).toEqual(["identity:github-token:acme/web/release.yml/publish"]);
  });

  it("a runtime-only secret comes after every secret reached by install-time code", () => {
    const graph = tinyGraph(
      [
        "pkg:npm/evil@1.0.0",
        "context:acme/web/ci.yml/build",
        "context:acme/api/ci.yml/build",
        "secret:acme/web:RUNTIME_ONLY",
        ["identity:big", { identityKind: "cloudRole", lifetime: "longLived" }],
        ["system:prod", { criticality: "critical" }],
        "secret:acme/api:INSTALL_READ",
      ],
      [
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/web/ci.yml/build"],
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/api/ci.yml/build", { attributes: { runs: true } }],
        ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:RUNTIME_ONLY", { exposure: "job" }],
        ["AUTHENTICATES_AS", "secret:acme/web:RUNTIME_ONLY", "identity:big"],
        ["CAN_ACCESS", "identity:big", "system:prod", { privilege: "admin" }],
        ["EXPOSES", "context:acme/api/ci.yml/build", "secret:acme/api:INSTALL_READ", { exposure: "install" }],
      ],
    );
    const plan = radius(graph, ["pkg:npm/evil@1.0.0"]).rotationPlan;
    expect(plan.map((row) => [row.key, row.exposure])).toEqual([
      ["secret:acme/api:INSTALL_READ", "install"],
      ["secret:acme/web:RUNTIME_ONLY", "runtime"],
    ]);
  });
});
