import { describe, expect, it } from "vitest";
import { indexPosture } from "../posture-snapshot";
import { snapshotBuilder } from "../posture-snapshot-builder.test-helper";
import { secretInInstallStep, sharedRunnerWithSensitiveCredentials, unpinnedThirdPartyAction } from "./ci-rules";

const NOW = new Date("2026-11-01T00:00:00Z");
const npmInstall = { line: 21, command: "npm install", ignoreScripts: false };

describe("BM-NHI-002 secret in scope of an install step", () => {
  it("flags a secret in the environment of npm install with scripts enabled, at the secret's line", () => {
    const g = snapshotBuilder();
    const job = g.job("build", { installSteps: [npmInstall] });
    const secret = g.secret("NPM_TOKEN");
    g.edge("EXPOSES", job, secret, { exposure: "install", attributes: { line: 24 } });
    const [finding] = secretInInstallStep.evaluate(indexPosture(g.build()), NOW);
    expect(finding).toMatchObject({ ruleId: "BM-NHI-002", severity: "high", location: { file: ".github/workflows/release.yml", line: 24 } });
    expect(finding.reason).toContain('"npm install"');
  });

  it("quotes the install step whose environment holds the secret, not the job's first install", () => {
    const g = snapshotBuilder();
    const job = g.job("build", {
      installSteps: [
        { line: 12, command: "npm ci", ignoreScripts: false, step: "deps", secrets: [] },
        { line: 30, command: "npx vercel@latest deploy", ignoreScripts: false, step: "Deploy", secrets: ["VERCEL_TOKEN"] },
      ],
    });
    g.edge("EXPOSES", job, g.secret("VERCEL_TOKEN"), { exposure: "install", attributes: { line: 32 } });
    const [finding] = secretInInstallStep.evaluate(indexPosture(g.build()), NOW);
    expect(finding.reason).toContain('"npx vercel@latest deploy" (step "Deploy", line 30)');
    expect(finding.reason).not.toContain("npm ci");
    expect(finding.location).toMatchObject({ line: 32 });
  });

  it("a secret every install step holds (job env) quotes the first install with scripts on", () => {
    const g = snapshotBuilder();
    const job = g.job("build", {
      installSteps: [
        { line: 12, command: "npm ci --ignore-scripts", ignoreScripts: true, step: "a", secrets: ["NPM_TOKEN"] },
        { line: 14, command: "npm rebuild && npm install", ignoreScripts: false, step: "b", secrets: ["NPM_TOKEN"] },
      ],
    });
    g.edge("EXPOSES", job, g.secret("NPM_TOKEN"), { exposure: "install" });
    const [finding] = secretInInstallStep.evaluate(indexPosture(g.build()), NOW);
    expect(finding.reason).toContain('(step "b", line 14)');
  });

  it("does not flag install steps run with --ignore-scripts, nor secrets only used by later steps", () => {
    const g = snapshotBuilder();
    const safe = g.job("safe", { installSteps: [{ ...npmInstall, command: "npm ci --ignore-scripts", ignoreScripts: true }] });
    g.edge("EXPOSES", safe, g.secret("A"), { exposure: "install" });
    const later = g.job("later", { installSteps: [npmInstall] });
    g.edge("EXPOSES", later, g.secret("B"), { exposure: "job" });
    expect(secretInInstallStep.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-003 persistent self-hosted runner shared by jobs holding publish or cloud credentials", () => {
  function runnerGraph(runnerDetail: { persistent: boolean; shared: boolean; hosting?: string }) {
    const g = snapshotBuilder();
    const runner = g.runner("build-01", runnerDetail);
    const publish = g.job("publish");
    const test = g.job("test");
    g.edge("RUNS_ON", publish, runner);
    g.edge("RUNS_ON", test, runner);
    const token = g.identity("npm-publish", { identityKind: "registryPublishToken" });
    const secret = g.secret("NPM_TOKEN");
    g.edge("AUTHENTICATES_AS", secret, token);
    g.edge("EXPOSES", publish, secret, { exposure: "job" });
    return g.build();
  }

  it("flags a persistent shared runner where a job holds a publish token", () => {
    const [finding] = sharedRunnerWithSensitiveCredentials.evaluate(indexPosture(runnerGraph({ persistent: true, shared: true })), NOW);
    expect(finding).toMatchObject({ ruleId: "BM-NHI-003", severity: "critical", worstEntityRef: "runner:build-01" });
    expect(finding.entities.map((entity) => entity.kind).sort()).toEqual(["context", "runner", "secret"]);
  });

  it("does not flag an ephemeral runner, nor a GitHub-hosted one", () => {
    expect(sharedRunnerWithSensitiveCredentials.evaluate(indexPosture(runnerGraph({ persistent: false, shared: true })), NOW)).toEqual([]);
    expect(sharedRunnerWithSensitiveCredentials.evaluate(indexPosture(runnerGraph({ persistent: true, shared: true, hosting: "githubHosted" })), NOW)).toEqual(
      [],
    );
  });

  it("does not flag a shared persistent runner whose jobs hold no publish or cloud credentials", () => {
    const g = snapshotBuilder();
    const runner = g.runner("lint-01");
    const lint = g.job("lint");
    g.edge("RUNS_ON", lint, runner);
    g.edge("EXPOSES", lint, g.secret("CODECOV_TOKEN"), { exposure: "job" });
    expect(sharedRunnerWithSensitiveCredentials.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-010 third-party action not pinned to a commit SHA", () => {
  it("flags a third-party action used by tag, at the uses: line", () => {
    const g = snapshotBuilder();
    const action = g.action("tj-actions/changed-files");
    g.edge("USED_IN", action, g.job("build"), { attributes: { ref: "v45", pinned: false, line: 17 } });
    const [finding] = unpinnedThirdPartyAction.evaluate(indexPosture(g.build()), NOW);
    expect(finding).toMatchObject({ ruleId: "BM-NHI-010", location: { line: 17 } });
    expect(finding.reason).toContain("tj-actions/changed-files@v45");
  });

  it("does not flag a SHA-pinned third-party action nor GitHub's own actions", () => {
    const g = snapshotBuilder();
    const job = g.job("build");
    g.edge("USED_IN", g.action("tj-actions/changed-files"), job, { attributes: { ref: "a".repeat(40) } });
    g.edge("USED_IN", g.action("actions/checkout"), job, { attributes: { ref: "v4", pinned: false } });
    expect(unpinnedThirdPartyAction.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});
