import { describe, expect, it } from "vitest";
import { indexPosture } from "../posture-snapshot";
import { snapshotBuilder } from "../posture-snapshot-builder.test-helper";
import { humanTokenUsedByAutomation, longLivedCloudKeyDespiteOidc, longLivedPublishTokenInCi, secretNotRotated } from "./credential-rules";

const NOW = new Date("2026-11-01T00:00:00Z");

describe("BM-NHI-001 long-lived publish token used in CI", () => {
  it("flags a long-lived npm publish token whose secret a CI job reads, at the workflow line", () => {
    const g = snapshotBuilder();
    const token = g.identity("npm-publish", { identityKind: "registryPublishToken" });
    const secret = g.secret("NPM_TOKEN");
    const job = g.job("publish");
    g.edge("AUTHENTICATES_AS", secret, token);
    g.edge("EXPOSES", job, secret, { exposure: "job", attributes: { line: 42 } });
    const findings = longLivedPublishTokenInCi.evaluate(indexPosture(g.build()), NOW);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: "BM-NHI-001",
      severity: "critical",
      worstEntityRef: "identity:npm-publish",
      location: { repo: "acme/web", file: ".github/workflows/release.yml", line: 42 },
    });
    expect(findings[0].entities.map((entity) => entity.key)).toEqual(["identity:npm-publish", "secret:NPM_TOKEN", job.key]);
    expect(findings[0].reason).toContain('"NPM_TOKEN"');
  });

  it("does not flag a short-lived publish credential or one only on a workstation", () => {
    const g = snapshotBuilder();
    const oidc = g.identity("npm-oidc", { identityKind: "registryPublishToken", lifetime: "shortLived" });
    const laptopToken = g.identity("laptop-token", { identityKind: "registryPublishToken" });
    const s1 = g.secret("OIDC");
    const s2 = g.secret("NPMRC");
    g.edge("AUTHENTICATES_AS", s1, oidc);
    g.edge("AUTHENTICATES_AS", s2, laptopToken);
    g.edge("EXPOSES", g.job("publish"), s1, { exposure: "job" });
    g.edge("EXPOSES", g.job("laptop", { contextKind: "workstation", file: null }), s2, { exposure: "runtime" });
    expect(longLivedPublishTokenInCi.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-007 secret not rotated for 90 days", () => {
  it("flags a secret last rotated 120 days ago", () => {
    const g = snapshotBuilder();
    g.secret("OLD", { lastRotatedAt: new Date("2026-07-04T00:00:00Z") });
    const [finding] = secretNotRotated.evaluate(indexPosture(g.build()), NOW);
    expect(finding).toMatchObject({ ruleId: "BM-NHI-007", severity: "medium" });
    expect(finding.reason).toContain("120 days ago");
  });

  it("does not flag a recently rotated secret nor one whose age is unknown", () => {
    const g = snapshotBuilder();
    g.secret("FRESH", { createdAt: new Date("2025-01-01T00:00:00Z"), lastRotatedAt: new Date("2026-10-01T00:00:00Z") });
    g.secret("UNKNOWN");
    expect(secretNotRotated.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-011 long-lived cloud key where OIDC is available", () => {
  it("flags a job with id-token: write that reads a long-lived AWS key", () => {
    const g = snapshotBuilder();
    const job = g.job("deploy", { canMintOidc: true });
    const key = g.secret("AWS_ACCESS_KEY_ID");
    const role = g.identity("aws-deployer", { identityKind: "apiKey", provider: "aws" });
    g.edge("AUTHENTICATES_AS", key, role);
    g.edge("CAN_ACCESS", role, g.system("aws-prod"), { privilege: "write" });
    g.edge("EXPOSES", job, key, { exposure: "job", attributes: { line: 30 } });
    const findings = longLivedCloudKeyDespiteOidc.evaluate(indexPosture(g.build()), NOW);
    expect(findings).toHaveLength(1);
    expect(findings[0].location?.line).toBe(30);
  });

  it("does not flag the same key in a job that cannot mint OIDC tokens", () => {
    const g = snapshotBuilder();
    const job = g.job("deploy", { canMintOidc: false });
    const key = g.secret("AWS_ACCESS_KEY_ID");
    const role = g.identity("aws-deployer", { identityKind: "cloudRole" });
    g.edge("AUTHENTICATES_AS", key, role);
    g.edge("EXPOSES", job, key, { exposure: "job" });
    expect(longLivedCloudKeyDespiteOidc.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-012 a person's token used by automation", () => {
  it("flags a maintainer's personal token read by a CI job", () => {
    const g = snapshotBuilder();
    const personal = g.identity("alice-npm", { humanAccount: true, owner: "alice" });
    const secret = g.secret("ALICE_NPM_TOKEN");
    g.edge("AUTHENTICATES_AS", secret, personal);
    g.edge("EXPOSES", g.job("release"), secret, { exposure: "job" });
    const [finding] = humanTokenUsedByAutomation.evaluate(indexPosture(g.build()), NOW);
    expect(finding).toMatchObject({ ruleId: "BM-NHI-012", severity: "high", worstEntityRef: "identity:alice-npm" });
    expect(finding.reason).toContain("of alice");
  });

  it("does not flag a machine account used by CI, nor a personal token used only on a workstation", () => {
    const g = snapshotBuilder();
    const bot = g.identity("release-bot", { identityKind: "bot" });
    const personal = g.identity("alice-npm", { humanAccount: true });
    const s1 = g.secret("BOT_TOKEN");
    const s2 = g.secret("ALICE");
    g.edge("AUTHENTICATES_AS", s1, bot);
    g.edge("AUTHENTICATES_AS", s2, personal);
    g.edge("EXPOSES", g.job("release"), s1, { exposure: "job" });
    g.edge("EXPOSES", g.job("alice-laptop", { contextKind: "workstation" }), s2, { exposure: "runtime" });
    expect(humanTokenUsedByAutomation.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});
