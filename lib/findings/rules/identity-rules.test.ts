import { describe, expect, it } from "vitest";
import { indexPosture } from "../posture-snapshot";
import { snapshotBuilder } from "../posture-snapshot-builder.test-helper";
import { identityUnused, identityWithoutOwner, overprivilegedIdentity, publisherAccountRisk, secretReuse } from "./identity-rules";

const NOW = new Date("2026-11-01T00:00:00Z");

describe("BM-NHI-004 publisher without 2FA or with a recent recovery", () => {
  it("flags a publisher without 2FA and one recovered 10 days ago, naming their packages", () => {
    const g = snapshotBuilder();
    const noTwoFactor = g.publisher("qix", { twoFactorEnforced: false });
    g.edge("MAINTAINS", noTwoFactor, g.pkg("chalk"));
    g.publisher("recovered", { lastAccountRecoveryAt: new Date("2026-10-22T00:00:00Z") });
    const findings = publisherAccountRisk.evaluate(indexPosture(g.build()), NOW);
    expect(findings.map((finding) => finding.worstEntityRef)).toEqual(["publisher:npm/qix", "publisher:npm/recovered"]);
    expect(findings[0].reason).toContain('"chalk"');
    expect(findings[1].reason).toContain("account recovery on 2026-10-22");
  });

  it("does not flag a publisher with 2FA and an old recovery, nor one whose 2FA status is unknown", () => {
    const g = snapshotBuilder();
    g.publisher("careful", { lastAccountRecoveryAt: new Date("2025-01-01T00:00:00Z") });
    g.publisher("unknown", { twoFactorEnforced: null });
    expect(publisherAccountRisk.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-005 identity without an owner", () => {
  it("flags an identity with no owner", () => {
    const g = snapshotBuilder();
    g.identity("orphan", { owner: null });
    expect(identityWithoutOwner.evaluate(indexPosture(g.build()), NOW).map((finding) => finding.worstEntityRef)).toEqual(["identity:orphan"]);
  });

  it("does not flag an owned identity nor a per-job GITHUB_TOKEN", () => {
    const g = snapshotBuilder();
    g.identity("owned", { owner: "platform" });
    g.identity("github-token", { identityKind: "githubToken", owner: null, lifetime: "shortLived" });
    expect(identityWithoutOwner.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-006 identity unused for 90 days", () => {
  it("flags an identity last used 200 days ago", () => {
    const g = snapshotBuilder();
    g.identity("stale", { lastUsedAt: new Date("2026-04-15T00:00:00Z") });
    const [finding] = identityUnused.evaluate(indexPosture(g.build()), NOW);
    expect(finding).toMatchObject({ severity: "low" });
    expect(finding.reason).toContain("200 days ago");
  });

  it("does not flag an identity used last week nor one whose last use is unknown", () => {
    const g = snapshotBuilder();
    g.identity("busy", { lastUsedAt: new Date("2026-10-25T00:00:00Z") });
    g.identity("unknown");
    expect(identityUnused.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});

describe("BM-NHI-008 identity with broader privilege than its jobs use", () => {
  it("flags an identity with admin on a system that only CI jobs use", () => {
    const g = snapshotBuilder();
    const identity = g.identity("deployer");
    const secret = g.secret("DEPLOY_KEY");
    g.edge("AUTHENTICATES_AS", secret, identity);
    g.edge("CAN_ACCESS", identity, g.system("aws-prod"), { privilege: "admin" });
    g.edge("EXPOSES", g.job("deploy"), secret, { exposure: "job" });
    const [finding] = overprivilegedIdentity.evaluate(indexPosture(g.build()), NOW);
    expect(finding.reason).toContain('admin on "aws-prod"');
  });

  it("flags wildcard scopes, and does not flag a write-scoped identity or an admin one no job uses", () => {
    const g = snapshotBuilder();
    const wildcard = g.identity("wild", { scopes: ["*"] });
    const writer = g.identity("writer", { scopes: ["write:packages"] });
    const unused = g.identity("break-glass");
    g.edge("CAN_ACCESS", writer, g.system("registry", "registry"), { privilege: "write" });
    g.edge("CAN_ACCESS", unused, g.system("aws-root"), { privilege: "admin" });
    for (const identity of [wildcard, writer]) {
      const secret = g.secret(`${identity.name}-secret`);
      g.edge("AUTHENTICATES_AS", secret, identity);
      g.edge("EXPOSES", g.job(`${identity.name}-job`), secret, { exposure: "job" });
    }
    expect(overprivilegedIdentity.evaluate(indexPosture(g.build()), NOW).map((finding) => finding.worstEntityRef)).toEqual(["identity:wild"]);
  });
});

describe("BM-NHI-009 the same secret used in several contexts", () => {
  it("flags secrets sharing a fingerprint, one identity stored twice, and a secret read in two repositories", () => {
    const g = snapshotBuilder();
    g.secret("A", { fingerprint: "sha256:abc" });
    g.secret("B", { fingerprint: "sha256:abc" });
    const identity = g.identity("npm-bot");
    const c1 = g.secret("C1");
    const c2 = g.secret("C2");
    g.edge("AUTHENTICATES_AS", c1, identity);
    g.edge("AUTHENTICATES_AS", c2, identity);
    const org = g.secret("ORG_TOKEN");
    g.edge("EXPOSES", g.job("web", { repo: "acme/web" }), org, { exposure: "job" });
    g.edge("EXPOSES", g.job("api", { repo: "acme/api" }), org, { exposure: "job" });
    const reasons = secretReuse.evaluate(indexPosture(g.build()), NOW).map((finding) => finding.reason);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain("same fingerprint");
    expect(reasons[1]).toContain('"npm-bot" is stored as 2 secrets');
    expect(reasons[2]).toContain("2 repositories: acme/api, acme/web");
  });

  it("does not flag distinct secrets each used in one repository", () => {
    const g = snapshotBuilder();
    const a = g.secret("A", { fingerprint: "sha256:1" });
    const b = g.secret("B", { fingerprint: "sha256:2" });
    g.edge("EXPOSES", g.job("one"), a, { exposure: "job" });
    g.edge("EXPOSES", g.job("two"), b, { exposure: "job" });
    g.edge("EXPOSES", g.job("three"), b, { exposure: "job" });
    expect(secretReuse.evaluate(indexPosture(g.build()), NOW)).toEqual([]);
  });
});
