import { describe, expect, it } from "vitest";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { blastRadius } from "./blast-radius";
import { radius, reached } from "./radius-test-kit";
import { tinyGraph } from "./tiny-graph";

const keys = (result: TRadiusResult) => result.nodes.map((node) => node.key).sort();

// One CI job installing a package: the shape most rules hang off.
function ciGraph(options: { installScript?: boolean; ignoresScripts?: boolean } = {}) {
  return tinyGraph(
    [
      ["pkg:npm/evil@1.0.0", { hasInstallScript: options.installScript ?? true }],
      "pkg:npm/evil",
      ["context:acme/web/ci.yml/build", { ignoresScripts: options.ignoresScripts ?? false, repo: "acme/web" }],
      "secret:acme/web:NPM_TOKEN",
      "secret:acme/web:DEPLOY_KEY",
      ["identity:npm-bot", { lifetime: "longLived", identityKind: "registryPublishToken", owner: "release-team" }],
      ["identity:deployer", { lifetime: "longLived", identityKind: "cloudRole", owner: "platform" }],
      ["system:prod-db", { criticality: "critical" }],
    ],
    [
      ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
      ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/web/ci.yml/build"],
      ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:NPM_TOKEN", { exposure: "install" }],
      ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:DEPLOY_KEY", { exposure: "job" }],
      ["AUTHENTICATES_AS", "secret:acme/web:NPM_TOKEN", "identity:npm-bot"],
      ["AUTHENTICATES_AS", "secret:acme/web:DEPLOY_KEY", "identity:deployer"],
      ["CAN_ACCESS", "identity:deployer", "system:prod-db", { privilege: "admin" }],
    ],
  );
}

describe("blast radius: installed package versions", () => {
  it("a version with an install script reaches the job's secrets at their recorded exposure, then identities and systems", () => {
    const result = radius(ciGraph(), ["pkg:npm/evil@1.0.0"]);
    expect(reached(result, "context:acme/web/ci.yml/build")).toMatchObject({ hops: 1, exposure: "install", generation: 0 });
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toMatchObject({ hops: 2, exposure: "install" });
    expect(reached(result, "secret:acme/web:DEPLOY_KEY")).toMatchObject({ hops: 2, exposure: "job" });
    const db = reached(result, "system:prod-db")!;
    expect(db).toMatchObject({ hops: 4, exposure: "job", privilege: "admin", criticality: "critical" });
    expect(db.path.map((step) => step.kind)).toEqual(["INSTALLED_IN", "EXPOSES", "AUTHENTICATES_AS", "CAN_ACCESS"]);
    expect(db.path[0].attributes).toMatchObject({ phase: "install" });
    expect(result.summary.systemsByCriticality.critical).toBe(1);
    expect(result.summary.longLivedIdentities.map((i) => i.key).sort()).toEqual(["identity:deployer", "identity:npm-bot"]);
  });

  it("a reached identity carries the owner the inventory names (the picture of a big radius groups by it), a node without one none", () => {
    const result = radius(ciGraph(), ["pkg:npm/evil@1.0.0"]);
    expect(reached(result, "identity:npm-bot")).toMatchObject({ owner: "release-team" });
    expect(reached(result, "identity:deployer")).toMatchObject({ owner: "platform" });
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).not.toHaveProperty("owner");
  });

  it("when the job ignores install scripts the package still runs where imported, so secrets are reached at runtime level only", () => {
    const result = radius(ciGraph({ ignoresScripts: true }), ["pkg:npm/evil@1.0.0"]);
    expect(reached(result, "context:acme/web/ci.yml/build")).toMatchObject({ exposure: "runtime" });
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toMatchObject({ exposure: "runtime" });
    const installOnly = radius(ciGraph({ ignoresScripts: true }), ["pkg:npm/evil@1.0.0"], { exposures: ["install", "job", "runner"] });
    expect(keys(installOnly)).toEqual(["pkg:npm/evil@1.0.0"]);
  });

  it("a version without an install script is runtime-only even where scripts run", () => {
    const result = radius(ciGraph({ installScript: false }), ["pkg:npm/evil@1.0.0"]);
    expect(reached(result, "secret:acme/web:DEPLOY_KEY")).toMatchObject({ exposure: "runtime" });
  });

  it("the exposure filter keeps only what is reached at the listed levels", () => {
    const result = radius(ciGraph(), ["pkg:npm/evil@1.0.0"], { exposures: ["install"] });
    expect(reached(result, "secret:acme/web:NPM_TOKEN")).toBeDefined();
    expect(reached(result, "secret:acme/web:DEPLOY_KEY")).toBeUndefined();
    expect(reached(result, "system:prod-db")).toBeUndefined();
  });

  it("max hops bounds the walk", () => {
    const result = radius(ciGraph(), ["pkg:npm/evil@1.0.0"], { maxHops: 2 });
    expect(reached(result, "secret:acme/web:DEPLOY_KEY")).toBeDefined();
    expect(reached(result, "identity:deployer")).toBeUndefined();
    expect(Math.max(...result.nodes.map((n) => n.hops))).toBe(2);
  });

  it("a whole package is every one of its versions", () => {
    const graph = tinyGraph(
      ["pkg:npm/a", ["pkg:npm/a@1.0.0", { hasInstallScript: true }], "pkg:npm/a@2.0.0", "context:x/y/ci.yml/one", "context:x/y/ci.yml/two"],
      [
        ["VERSION_OF", "pkg:npm/a@1.0.0", "pkg:npm/a"],
        ["VERSION_OF", "pkg:npm/a@2.0.0", "pkg:npm/a"],
        ["INSTALLED_IN", "pkg:npm/a@1.0.0", "context:x/y/ci.yml/one"],
        ["INSTALLED_IN", "pkg:npm/a@2.0.0", "context:x/y/ci.yml/two"],
      ],
    );
    const result = radius(graph, ["pkg:npm/a"]);
    expect(reached(result, "context:x/y/ci.yml/one")).toMatchObject({ exposure: "install" });
    expect(reached(result, "context:x/y/ci.yml/two")).toMatchObject({ exposure: "runtime" });
    expect(result.summary.republishablePackages).toEqual([]);
  });
});

describe("blast radius: runners", () => {
  function runnerGraph(persistent: boolean) {
    return tinyGraph(
      [
        ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
        "context:acme/web/ci.yml/test",
        "context:acme/api/release.yml/publish",
        ["runner:shared-box", { persistent }],
        "secret:acme/api:PROD_KEY",
      ],
      [
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/web/ci.yml/test"],
        ["RUNS_ON", "context:acme/web/ci.yml/test", "runner:shared-box"],
        ["RUNS_ON", "context:acme/api/release.yml/publish", "runner:shared-box"],
        ["EXPOSES", "context:acme/api/release.yml/publish", "secret:acme/api:PROD_KEY", { exposure: "install" }],
      ],
    );
  }

  it("a job on a persistent runner poisons it, reaching every other job there and its secrets at runner level", () => {
    const result = radius(runnerGraph(true), ["pkg:npm/evil@1.0.0"]);
    expect(reached(result, "runner:shared-box")).toMatchObject({ exposure: "runner", hops: 2 });
    const secret = reached(result, "secret:acme/api:PROD_KEY")!;
    expect(secret).toMatchObject({ exposure: "runner", hops: 4 });
    expect(secret.path.map((s) => s.kind)).toEqual(["INSTALLED_IN", "RUNNER_PERSISTENCE", "RUNNER_SHARED", "EXPOSES"]);
  });

  it("an ephemeral runner does not leak between jobs", () => {
    const result = radius(runnerGraph(false), ["pkg:npm/evil@1.0.0"]);
    expect(keys(result)).toEqual(["context:acme/web/ci.yml/test", "pkg:npm/evil@1.0.0"]);
  });

  it("moving the job off the shared runner (what-if) cuts the leak, and the answer shows before and after", () => {
    const result = radius(runnerGraph(true), ["pkg:npm/evil@1.0.0"], { whatIf: ["off-runner:context:acme/web/ci.yml/test"] });
    expect(reached(result, "secret:acme/api:PROD_KEY")).toBeUndefined();
    expect(result.before?.countsByKind.secret).toBe(1);
    expect(result.summary.countsByKind.secret).toBe(0);
  });
});

describe("blast radius: identities, systems and stores", () => {
  const vault = (privilege: "read" | "write") =>
    tinyGraph(
      [
        "secret:VAULT_TOKEN",
        "identity:vault-reader",
        ["system:vault", { storesSecrets: true, criticality: "high" }],
        "secret:prod/db-password",
        "identity:db-admin",
        ["system:prod-db", { criticality: "critical" }],
      ],
      [
        ["AUTHENTICATES_AS", "secret:VAULT_TOKEN", "identity:vault-reader"],
        ["CAN_ACCESS", "identity:vault-reader", "system:vault", { privilege }],
        ["STORES", "system:vault", "secret:prod/db-password"],
        ["AUTHENTICATES_AS", "secret:prod/db-password", "identity:db-admin"],
        ["CAN_ACCESS", "identity:db-admin", "system:prod-db", { privilege: "admin" }],
      ],
    );

  it("read access to a vault does not yield the secrets it stores", () => {
    const result = radius(vault("read"), ["secret:VAULT_TOKEN"]);
    expect(reached(result, "system:vault")).toMatchObject({ privilege: "read" });
    expect(reached(result, "secret:prod/db-password")).toBeUndefined();
  });

  it("write access to a vault yields its secrets and what they unlock", () => {
    const result = radius(vault("write"), ["secret:VAULT_TOKEN"]);
    expect(reached(result, "system:prod-db")).toMatchObject({ hops: 5 });
    expect(result.rotationPlan[0]).toMatchObject({ key: "secret:prod/db-password", unlocks: { criticalSystems: 1 } });
  });

  it("a diamond takes the shortest branch, and a longer branch with write access still opens the vault", () => {
    const graph = tinyGraph(
      ["secret:S", "identity:a", "identity:b", "identity:c", ["system:vault", { storesSecrets: true }], "secret:inside"],
      [
        ["AUTHENTICATES_AS", "secret:S", "identity:a"],
        ["CAN_ACCESS", "identity:a", "system:vault", { privilege: "read" }],
        ["AUTHENTICATES_AS", "secret:S", "identity:b"],
        ["TRIGGERS", "identity:b", "identity:c"],
        ["STORES", "system:vault", "secret:inside"],
      ],
    );
    // identity -> identity TRIGGERS is not a rule: only contexts are triggered, so c stays unreached
    expect(reached(radius(graph, ["secret:S"]), "identity:c")).toBeUndefined();
    const withWriter = tinyGraph(
      [
        "secret:S",
        "identity:a",
        "identity:b",
        "context:o/r/deploy.yml/deploy",
        "secret:T",
        "identity:w",
        ["system:vault", { storesSecrets: true }],
        "secret:inside",
      ],
      [
        ["AUTHENTICATES_AS", "secret:S", "identity:a"],
        ["CAN_ACCESS", "identity:a", "system:vault", { privilege: "read" }],
        ["AUTHENTICATES_AS", "secret:S", "identity:b"],
        ["TRIGGERS", "identity:b", "context:o/r/deploy.yml/deploy"],
        ["EXPOSES", "context:o/r/deploy.yml/deploy", "secret:T", { exposure: "job" }],
        ["AUTHENTICATES_AS", "secret:T", "identity:w"],
        ["CAN_ACCESS", "identity:w", "system:vault", { privilege: "admin" }],
        ["STORES", "system:vault", "secret:inside"],
      ],
    );
    const result = radius(withWriter, ["secret:S"]);
    expect(reached(result, "system:vault")).toMatchObject({ privilege: "admin", hops: 5 });
    const inside = reached(result, "secret:inside")!;
    expect(inside.hops).toBe(6);
    expect(inside.path.map((s) => s.kind)).toEqual(["AUTHENTICATES_AS", "TRIGGERS", "EXPOSES", "AUTHENTICATES_AS", "CAN_ACCESS", "STORES"]);
    expect(inside.path[4].privilege).toBe("admin");
  });

  it("an identity reaches the contexts it can trigger, and a third-party action runs with each job's secrets", () => {
    const graph = tinyGraph(
      [
        "identity:release-bot",
        "context:acme/web/release.yml/publish",
        "secret:acme/web:SIGNING_KEY",
        "action:tj-actions/changed-files",
        "context:acme/web/ci.yml/lint",
      ],
      [
        ["TRIGGERS", "identity:release-bot", "context:acme/web/release.yml/publish"],
        ["EXPOSES", "context:acme/web/release.yml/publish", "secret:acme/web:SIGNING_KEY", { exposure: "job" }],
        ["USED_IN", "action:tj-actions/changed-files", "context:acme/web/ci.yml/lint"],
        ["USED_IN", "action:tj-actions/changed-files", "context:acme/web/release.yml/publish"],
      ],
    );
    expect(reached(radius(graph, ["identity:release-bot"]), "secret:acme/web:SIGNING_KEY")).toMatchObject({ hops: 2, exposure: "job" });
    const viaAction = radius(graph, ["action:tj-actions/changed-files"]);
    expect(keys(viaAction)).toContain("context:acme/web/ci.yml/lint");
    expect(reached(viaAction, "secret:acme/web:SIGNING_KEY")?.path.map((s) => s.kind)).toEqual(["USED_IN", "EXPOSES"]);
  });

  it("an untrusted pull request reaches only the jobs that run pull-request code", () => {
    const graph = tinyGraph(
      [
        ["context:acme/web/pr.yml/comment", { repo: "acme/web", untrustedCode: true }],
        ["context:acme/web/ci.yml/build", { repo: "acme/web" }],
        "secret:acme/web:BOT_TOKEN",
        "secret:acme/web:NPM_TOKEN",
      ],
      [
        ["EXPOSES", "context:acme/web/pr.yml/comment", "secret:acme/web:BOT_TOKEN", { exposure: "job" }],
        ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:NPM_TOKEN", { exposure: "job" }],
      ],
    );
    expect(keys(radius(graph, ["pr:acme/web"]))).toEqual(["context:acme/web/pr.yml/comment", "secret:acme/web:BOT_TOKEN"]);
  });
});

describe("blast radius: the worm fixpoint", () => {
  // evil@1 -> ci of a -> NPM token -> can publish b -> b installed in ci of b -> token -> publish c -> c installed in ci of a (cycle)
  const worm = () =>
    tinyGraph(
      [
        ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
        "context:org/a/ci.yml/build",
        "secret:org/a:NPM_TOKEN",
        ["identity:maintainer-a", { lifetime: "longLived", identityKind: "registryPublishToken" }],
        "pkg:npm/b",
        "pkg:npm/b@2.0.0",
        "context:org/b/ci.yml/build",
        "secret:org/b:NPM_TOKEN",
        "identity:maintainer-b",
        "pkg:npm/c",
        "pkg:npm/c@3.0.0",
        ["context:org/c/ci.yml/build", { ignoresScripts: true }],
      ],
      [
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:org/a/ci.yml/build"],
        ["EXPOSES", "context:org/a/ci.yml/build", "secret:org/a:NPM_TOKEN", { exposure: "install" }],
        ["AUTHENTICATES_AS", "secret:org/a:NPM_TOKEN", "identity:maintainer-a"],
        ["CAN_PUBLISH", "identity:maintainer-a", "pkg:npm/b"],
        ["VERSION_OF", "pkg:npm/b@2.0.0", "pkg:npm/b"],
        ["INSTALLED_IN", "pkg:npm/b@2.0.0", "context:org/b/ci.yml/build"],
        ["EXPOSES", "context:org/b/ci.yml/build", "secret:org/b:NPM_TOKEN", { exposure: "install" }],
        ["AUTHENTICATES_AS", "secret:org/b:NPM_TOKEN", "identity:maintainer-b"],
        ["CAN_PUBLISH", "identity:maintainer-b", "pkg:npm/c"],
        ["VERSION_OF", "pkg:npm/c@3.0.0", "pkg:npm/c"],
        ["INSTALLED_IN", "pkg:npm/c@3.0.0", "context:org/a/ci.yml/build"],
        ["INSTALLED_IN", "pkg:npm/c@3.0.0", "context:org/c/ci.yml/build"],
      ],
    );

  it("each stolen publish right republishes a package and spreads one generation further, until nothing new is gained", () => {
    const result = radius(worm(), ["pkg:npm/evil@1.0.0"]);
    expect(reached(result, "pkg:npm/b")).toMatchObject({ generation: 0, hops: 4 });
    expect(reached(result, "context:org/b/ci.yml/build")).toMatchObject({ generation: 1, hops: 5, exposure: "install" });
    expect(reached(result, "pkg:npm/c")).toMatchObject({ generation: 1 });
    const c = reached(result, "context:org/c/ci.yml/build")!;
    expect(c).toMatchObject({ generation: 2, exposure: "runtime" });
    expect(c.path.map((s) => s.kind)).toContain("WORM_REPUBLISH");
    // the cycle back into org/a's job (already reached in generation 0) adds nothing
    expect(reached(result, "context:org/a/ci.yml/build")).toMatchObject({ generation: 0 });
    expect(result.summary.maxGeneration).toBe(2);
    expect(result.summary.republishablePackages.map((p) => p.key).sort()).toEqual(["pkg:npm/b", "pkg:npm/c"]);
    // a lockfile that does not pin the republished version gets it on its next resolve only
    expect(reached(result, "context:org/b/ci.yml/build")).toMatchObject({ timing: "next-resolve" });
    expect(reached(result, "context:org/a/ci.yml/build")).toMatchObject({ timing: "now" });
    // one row per credential: the token and the identity it authenticates as are one thing to rotate
    expect(result.rotationPlan[0]).toMatchObject({
      key: "secret:org/a:NPM_TOKEN",
      timing: "now",
      action: "rotate",
      identities: [expect.objectContaining({ key: "identity:maintainer-a" })],
      unlocks: { publishablePackages: 1 },
    });
    expect(result.rotationPlan[0].shortLivedReplacement).toMatch(/trusted publishing/);
    expect(result.rotationPlan.map((item) => item.key)).not.toContain("identity:maintainer-a");
    expect(result.rotationPlan[1]).toMatchObject({ key: "secret:org/b:NPM_TOKEN", timing: "next-resolve" });
  });

  it("a compromised publisher account republishes what it maintains (generation 1 reaches the installs)", () => {
    const graph = tinyGraph(
      ["publisher:npm/qix", "pkg:npm/chalk", "pkg:npm/chalk@5.6.1", "context:acme/web/ci.yml/build"],
      [
        ["MAINTAINS", "publisher:npm/qix", "pkg:npm/chalk"],
        ["VERSION_OF", "pkg:npm/chalk@5.6.1", "pkg:npm/chalk"],
        ["INSTALLED_IN", "pkg:npm/chalk@5.6.1", "context:acme/web/ci.yml/build"],
      ],
    );
    const result = radius(graph, ["publisher:npm/qix"]);
    expect(reached(result, "pkg:npm/chalk")).toMatchObject({ generation: 0, hops: 1 });
    expect(reached(result, "context:acme/web/ci.yml/build")).toMatchObject({ generation: 1, hops: 2, exposure: "install" });
    expect(reached(result, "context:acme/web/ci.yml/build")?.path.at(-1)?.attributes).toMatchObject({ installedVersion: "pkg:npm/chalk@5.6.1" });
  });

  it("dropping the stolen publish right (what-if) stops the worm at generation 0", () => {
    const result = radius(worm(), ["pkg:npm/evil@1.0.0"], { whatIf: ["drop-publish:identity:maintainer-a=pkg:npm/b"] });
    expect(result.summary.maxGeneration).toBe(0);
    expect(result.before?.maxGeneration).toBe(2);
    expect(reached(result, "context:org/b/ci.yml/build")).toBeUndefined();
  });
});

describe("blast radius: advisories and several sources", () => {
  const graph = () =>
    tinyGraph(
      [
        [
          "advisory:MAL-2025-1",
          {
            affected: [
              {
                package: { ecosystem: "npm", name: "debug" },
                versions: ["4.4.2"],
                ranges: [{ type: "SEMVER", events: [{ introduced: "5.0.0" }, { fixed: "5.0.2" }] }],
              },
            ],
          },
        ],
        "pkg:npm/debug",
        "pkg:npm/debug@4.4.1",
        "pkg:npm/debug@4.4.2",
        "pkg:npm/debug@5.0.1",
        "pkg:npm/debug@5.0.2",
        "context:x/y/ci.yml/one",
      ],
      [
        ["VERSION_OF", "pkg:npm/debug@4.4.1", "pkg:npm/debug"],
        ["VERSION_OF", "pkg:npm/debug@4.4.2", "pkg:npm/debug"],
        ["VERSION_OF", "pkg:npm/debug@5.0.1", "pkg:npm/debug"],
        ["VERSION_OF", "pkg:npm/debug@5.0.2", "pkg:npm/debug"],
        ["INSTALLED_IN", "pkg:npm/debug@5.0.1", "context:x/y/ci.yml/one"],
      ],
    );

  it("an advisory compromises the versions it lists and those inside its SEMVER ranges", () => {
    const result = radius(graph(), [], { advisories: ["MAL-2025-1"] });
    expect(result.source.description).toContain("2 affected version(s)");
    expect(keys(result)).toEqual(["advisory:MAL-2025-1", "context:x/y/ci.yml/one", "pkg:npm/debug@4.4.2", "pkg:npm/debug@5.0.1"]);
  });

  it("several refs give one combined radius", () => {
    const result = radius(graph(), ["pkg:npm/debug@4.4.1", "pkg:npm/debug@5.0.1"]);
    expect(result.source.nodes).toHaveLength(2);
    expect(keys(result)).toEqual(["context:x/y/ci.yml/one", "pkg:npm/debug@4.4.1", "pkg:npm/debug@5.0.1"]);
  });

  it("unknown refs are reported with the closest keys, not walked", () => {
    const answer = blastRadius(graph(), { refs: ["pkg:npm/debugg@4.4.1"], advisories: [], maxHops: null, exposures: [], whatIf: [], timings: [] });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.errors[0]).toMatchObject({ reason: "unknown", candidates: expect.arrayContaining(["pkg:npm/debug@4.4.1"]) });
  });
});

describe("what-if controls", () => {
  it("a short-lived identity stops its stored token from authenticating, and removing a secret from a job cuts what it gave", () => {
    const shortLived = radius(ciGraph(), ["pkg:npm/evil@1.0.0"], { whatIf: ["short-lived:identity:deployer"] });
    expect(reached(shortLived, "secret:acme/web:DEPLOY_KEY")).toBeDefined();
    expect(reached(shortLived, "system:prod-db")).toBeUndefined();
    expect(shortLived.before?.systemsByCriticality.critical).toBe(1);
    const removed = radius(ciGraph(), ["pkg:npm/evil@1.0.0"], { whatIf: ["remove-secret:context:acme/web/ci.yml/build=secret:acme/web:DEPLOY_KEY"] });
    expect(reached(removed, "secret:acme/web:DEPLOY_KEY")).toBeUndefined();
    const ignored = radius(ciGraph(), ["pkg:npm/evil@1.0.0"], { whatIf: ["ignore-scripts:context:acme/web/ci.yml/build"] });
    expect(reached(ignored, "secret:acme/web:NPM_TOKEN")).toMatchObject({ exposure: "runtime" });
  });

  it("a control that names nothing it could change is refused with the reason", () => {
    const answer = blastRadius(ciGraph(), {
      refs: ["pkg:npm/evil@1.0.0"],
      advisories: [],
      maxHops: null,
      exposures: [],
      whatIf: ["remove-secret:context:acme/web/ci.yml/build=secret:acme/web:NOPE", "drop-publish:identity:deployer=pkg:npm/evil", "rotate:identity:deployer"],
      timings: [],
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.errors.map((e) => e.reason)).toEqual(["unknown", "invalid", "invalid"]);
      expect(answer.errors[1].message).toContain("identity:deployer cannot publish pkg:npm/evil");
      expect(answer.errors[2].message).toContain('unknown what-if control "rotate:identity:deployer"');
    }
  });
});
