import { describe, expect, it } from "vitest";
import { describePath, type TPathNodeInfo } from "./describe-path";

const nodes = new Map<number, TPathNodeInfo>([
  [1, { name: "chalk@5.6.1", key: "pkg:npm/chalk@5.6.1", kind: "packageVersion", generation: 0 }],
  [2, { name: "acme/web release.yml/publish", key: "context:acme/web/release.yml/publish", kind: "context", generation: 0 }],
  [3, { name: "NPM_TOKEN", key: "secret:acme/web:NPM_TOKEN", kind: "secret", generation: 0 }],
  [4, { name: "npm-publish-token", key: "identity:npm-publish-token", kind: "identity", generation: 0 }],
  [5, { name: "pkg:npm/acme-ui", key: "pkg:npm/acme-ui", kind: "package", generation: 1 }],
]);

describe("describePath", () => {
  it("tells the chain from the compromise to a republished package in words", () => {
    const described = describePath(
      [
        { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" },
        { kind: "EXPOSES", from: 2, to: 3, exposure: "install" },
        { kind: "AUTHENTICATES_AS", from: 3, to: 4 },
        { kind: "CAN_PUBLISH", from: 4, to: 5 },
      ],
      nodes,
    );
    expect(described.text).toBe(
      "chalk@5.6.1 is installed in acme/web release.yml/publish (install script) → which exposes NPM_TOKEN (install) → which authenticates as npm-publish-token → which can publish pkg:npm/acme-ui (generation 1)",
    );
    expect(described.steps.map((step) => step.to)).toEqual([2, 3, 4, 5]);
  });

  it("says a source is where the compromise starts", () => {
    expect(describePath([], nodes, 1).text).toBe("chalk@5.6.1 is where the compromise starts.");
  });

  it("names the privilege reached on a system and the exposure of a later step", () => {
    const text = describePath(
      [
        { kind: "EXPOSES", from: 2, to: 3, exposure: "job" },
        { kind: "CAN_ACCESS", from: 3, to: 4, privilege: "admin" },
      ],
      nodes,
    ).text;
    expect(text).toBe("acme/web release.yml/publish exposes NPM_TOKEN (later in the job) → which can access npm-publish-token (admin)");
  });

  it("shows an unknown node as its id and an unknown rule by its name rather than dropping the step", () => {
    expect(describePath([{ kind: "SOME_NEW_RULE", from: 1, to: 42 }], nodes).text).toBe("chalk@5.6.1 leads to node #42 (some new rule)");
  });
});

describe("describePath with the engine's derived steps", () => {
  it("explains runner persistence and a worm republication", () => {
    const more = new Map(nodes);
    more.set(6, { name: "build-box", key: "runner:build-box", kind: "runner", generation: 0 });
    more.set(7, { name: "acme/api ci.yml/test", key: "context:acme/api/ci.yml/test", kind: "context", generation: 0 });
    more.set(8, { name: "acme/app ci.yml/build", key: "context:acme/app/ci.yml/build", kind: "context", generation: 1 });
    const text = describePath(
      [
        { kind: "RUNNER_PERSISTENCE", from: 2, to: 6, exposure: "runner" },
        { kind: "RUNNER_SHARED", from: 6, to: 7, exposure: "runner" },
        { kind: "WORM_REPUBLISH", from: 5, to: 8 },
      ],
      more,
    ).text;
    expect(text).toBe(
      "acme/web release.yml/publish persists on the self-hosted runner build-box → which poisons the later job acme/api ci.yml/test → which can be republished with the worm and then runs in acme/app ci.yml/build (generation 1)",
    );
  });
});

describe("describePath with timing, ranges and evidence", () => {
  const more = new Map<number, TPathNodeInfo>([
    [10, { name: "chalk@5.6.1", key: "pkg:npm/chalk@5.6.1", kind: "packageVersion", generation: 0, timing: "now" }],
    [11, { name: "acme/web ci.yml/build", key: "context:acme/web/ci.yml/build", kind: "context", generation: 0, timing: "next-resolve" }],
    [12, { name: "acme/web lint.yml/lint", key: "context:acme/web/lint.yml/lint", kind: "context", generation: 0, timing: "now" }],
    [13, { name: "ACME-2026-0001", key: "advisory:ACME-2026-0001", kind: "advisory", generation: 0, timing: "now" }],
    [14, { name: "@acme/icons", key: "pkg:npm/%40acme/icons", kind: "package", generation: 0, timing: "now" }],
    [15, { name: "acme/docs deploy.yml/build", key: "context:acme/docs/deploy.yml/build", kind: "context", generation: 1, timing: "next-resolve" }],
    [16, { name: "acme/cli npx.yml/run", key: "context:acme/cli/npx.yml/run", kind: "context", generation: 1, timing: "now" }],
    [17, { name: "GITHUB_TOKEN of acme/web/ci.yml/build", key: "identity:github-token:acme/web/ci.yml/build", kind: "identity", generation: 0, timing: "now" }],
    [18, { name: "acme/web release.yml/publish", key: "context:acme/web/release.yml/publish", kind: "context", generation: 0, timing: "now" }],
    [19, { name: "NPM_TOKEN", key: "secret:acme/web:NPM_TOKEN", kind: "secret", generation: 0, timing: "now" }],
    [20, { name: "@acme/ui-kit", key: "pkg:npm/%40acme/ui-kit", kind: "package", generation: 0, timing: "now" }],
  ]);
  const one = (step: Parameters<typeof describePath>[0][number]) => describePath([step], more).text;

  it("RANGE_ADMITS: names the pinned version, the range that admits the bad one, and that it is reached on the next resolve", () => {
    expect(
      one({
        kind: "RANGE_ADMITS",
        from: 10,
        to: 11,
        exposure: "runtime",
        attributes: { range: "^5.0.0", lockfile: "package-lock.json", installedVersion: "pkg:npm/chalk@5.6.0", resolve: "lockfile" },
      }),
    ).toBe(
      "chalk@5.6.1 reaches acme/web ci.yml/build (at run time): its lockfile (package-lock.json) pins chalk@5.6.0, but its range ^5.0.0 admits the bad version: reached on the next resolve",
    );
  });

  it("FRESH_RESOLVE: says the job resolves the package afresh at every run, with the command that does it", () => {
    expect(
      one({
        kind: "FRESH_RESOLVE",
        from: 10,
        to: 12,
        exposure: "install",
        attributes: { spec: "latest", command: "npx chalk@latest", file: "lint.yml", line: 14, resolve: "fresh" },
      }),
    ).toBe("chalk@5.6.1 runs in acme/web lint.yml/lint (install script), which resolves chalk afresh at every run (npx chalk@latest, lint.yml:14)");
  });

  it("ADVISORY_RANGE: the advisory names a version the job's range admits though its lockfile pins another", () => {
    expect(
      one({ kind: "ADVISORY_RANGE", from: 13, to: 11, exposure: "runtime", attributes: { range: "^5.0.0", installedVersion: "pkg:npm/chalk@5.6.0" } }),
    ).toBe("ACME-2026-0001 names a version that acme/web ci.yml/build's range ^5.0.0 admits (its lockfile pins chalk@5.6.0): reached on the next resolve");
  });

  it("WORM_REPUBLISH: now for a job that resolves afresh, on the next resolve for a lockfile whose range admits a new version", () => {
    expect(
      one({ kind: "WORM_REPUBLISH", from: 14, to: 15, exposure: "install", attributes: { range: "^2.4.1", installedVersion: "pkg:npm/%40acme/icons@2.4.1" } }),
    ).toBe(
      "@acme/icons can be republished with the worm and then runs in acme/docs deploy.yml/build (install script), reached on the next resolve: its range ^2.4.1 admits a new version (generation 1)",
    );
    expect(one({ kind: "WORM_REPUBLISH", from: 14, to: 16, exposure: "install", attributes: { resolve: "fresh", spec: "latest" } })).toBe(
      "@acme/icons can be republished with the worm and then runs in acme/cli npx.yml/run (install script) now: it resolves the package afresh at every run (generation 1)",
    );
  });

  it("TRIGGERS: names the trigger, where, and the assumption a missing permissions block makes", () => {
    expect(
      one({ kind: "TRIGGERS", from: 17, to: 18, attributes: { trigger: "workflow_dispatch", file: ".github/workflows/ci.yml", line: 9, assumed: true } }),
    ).toBe(
      "GITHUB_TOKEN of acme/web/ci.yml/build can trigger acme/web release.yml/publish (by workflow_dispatch, from .github/workflows/ci.yml:9), assuming its token has write access: the workflow has no permissions block and the repository default is unknown",
    );
    expect(one({ kind: "TRIGGERS", from: 12, to: 18, exposure: "job", attributes: { trigger: "workflow_run" } })).toBe(
      "acme/web lint.yml/lint can trigger acme/web release.yml/publish (by workflow_run)",
    );
  });

  it("CAN_PUBLISH: cites the publish step's file, line and command, and trusted publishing", () => {
    expect(
      one({
        kind: "CAN_PUBLISH",
        from: 19,
        to: 20,
        attributes: { evidence: "publish step", file: ".github/workflows/release.yml", line: 42, command: "npm publish --access public" },
      }),
    ).toBe("NPM_TOKEN can publish @acme/ui-kit (publish step at .github/workflows/release.yml:42: npm publish --access public)");
    expect(
      one({
        kind: "CAN_PUBLISH",
        from: 18,
        to: 20,
        exposure: "job",
        attributes: { evidence: "publish step", file: "release.yml", line: 40, command: "npm publish --provenance", trustedPublishing: true },
      }),
    ).toBe(
      "acme/web release.yml/publish can publish @acme/ui-kit (through trusted publishing (the job can mint an OIDC token); publish step at release.yml:40: npm publish --provenance)",
    );
    // an edge without evidence reads as before
    expect(one({ kind: "CAN_PUBLISH", from: 19, to: 20 })).toBe("NPM_TOKEN can publish @acme/ui-kit");
  });
});
