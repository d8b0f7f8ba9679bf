import { identityKey, packageKey, packageVersionKey, runnerKey, secretKey, systemKey, contextKey } from "@/lib/graph-keys/refs";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";

// A small hand-built graph for the inventory and neighbourhood integration tests. "Now" is
// NOW below; the 90-day flags are worked out against it.
export const NOW = new Date("2026-06-01T00:00:00Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

export const KEYS = {
  deployBot: identityKey("deploy-bot"),
  npmToken: identityKey("npm-publish-token"),
  oidcRole: identityKey("aws-oidc-role"),
  orphan: identityKey("orphan-api-key"),
  npmSecret: secretKey("acme/web", "NPM_TOKEN"),
  awsSecret: secretKey("acme/web", "AWS_KEY"),
  vaultSecret: secretKey(null, "vault-db-password"),
  ciJob: contextKey("acme/web", "ci.yml", "build"),
  releaseJob: contextKey("acme/web", "release.yml", "publish"),
  sharedRunner: runnerKey("shared-linux"),
  ephemeralRunner: runnerKey("ephemeral"),
  registry: systemKey("npm registry"),
  prodDb: systemKey("prod-db"),
  chalk: packageKey("npm", "chalk"),
  chalkBad: packageVersionKey("npm", "chalk", "5.6.1"),
  chalkGood: packageVersionKey("npm", "chalk", "5.6.0"),
};

export const INVENTORY_FIXTURE: TGraphDocument = {
  key: "test:inventory",
  format: "test",
  nodes: [
    {
      kind: "identity",
      key: KEYS.deployBot,
      name: "deploy-bot",
      attrs: { identityKind: "bot", owner: "platform-team", lifetime: "longLived", issuedAt: daysBefore(400), lastUsedAt: daysBefore(2) },
    },
    {
      kind: "identity",
      key: KEYS.npmToken,
      name: "npm-publish-token",
      attrs: { identityKind: "registryPublishToken", owner: "Release Team", lifetime: "longLived", issuedAt: daysBefore(30), lastUsedAt: daysBefore(120) },
    },
    {
      kind: "identity",
      key: KEYS.oidcRole,
      name: "aws-oidc-role",
      attrs: { identityKind: "workloadIdentity", owner: "platform-team", lifetime: "shortLived", issuedAt: null, lastUsedAt: daysBefore(1) },
    },
    {
      kind: "identity",
      key: KEYS.orphan,
      name: "orphan-api-key",
      attrs: { identityKind: "apiKey", owner: null, lifetime: "longLived", issuedAt: daysBefore(200), lastUsedAt: null },
    },
    {
      kind: "secret",
      key: KEYS.npmSecret,
      name: "NPM_TOKEN",
      attrs: { secretName: "NPM_TOKEN", secretType: "npm token", storedIn: "ciSecret", location: "acme/web", lastRotatedAt: daysBefore(200) },
    },
    {
      kind: "secret",
      key: KEYS.awsSecret,
      name: "AWS_KEY",
      attrs: { secretName: "AWS_KEY", secretType: "aws access key", storedIn: "ciSecret", location: "acme/web", createdAt: daysBefore(10) },
    },
    {
      kind: "secret",
      key: KEYS.vaultSecret,
      name: "vault-db-password",
      attrs: { secretName: "vault-db-password", secretType: "password", storedIn: "vault", createdAt: daysBefore(365) },
    },
    {
      kind: "context",
      key: KEYS.ciJob,
      name: "acme/web ci build",
      attrs: { contextKind: "ciJob", repo: "acme/web", workflow: "ci.yml", job: "build", owner: null },
    },
    {
      kind: "context",
      key: KEYS.releaseJob,
      name: "acme/web release publish",
      attrs: { contextKind: "ciJob", repo: "acme/web", workflow: "release.yml", job: "publish", owner: "Release Team" },
    },
    {
      kind: "runner",
      key: KEYS.sharedRunner,
      name: "shared-linux",
      attrs: { hosting: "selfHosted", persistent: true, shared: true, labels: ["self-hosted", "linux"] },
    },
    { kind: "runner", key: KEYS.ephemeralRunner, name: "ephemeral", attrs: { hosting: "githubHosted", persistent: false, shared: false } },
    { kind: "system", key: KEYS.registry, name: "npm registry", attrs: { systemKind: "registry", criticality: "critical", owner: "Release Team" } },
    { kind: "system", key: KEYS.prodDb, name: "prod-db", attrs: { systemKind: "database", criticality: "high", owner: null } },
    { kind: "package", key: KEYS.chalk, name: "chalk", attrs: { ecosystem: "npm", name: "chalk", purl: KEYS.chalk } },
    {
      kind: "packageVersion",
      key: KEYS.chalkBad,
      name: "chalk@5.6.1",
      attrs: { packageKey: KEYS.chalk, version: "5.6.1", purl: KEYS.chalkBad, compromised: true, hasInstallScript: true },
    },
    { kind: "packageVersion", key: KEYS.chalkGood, name: "chalk@5.6.0", attrs: { packageKey: KEYS.chalk, version: "5.6.0", purl: KEYS.chalkGood } },
  ],
  edges: [
    { kind: "VERSION_OF", from: KEYS.chalkBad, to: KEYS.chalk },
    { kind: "VERSION_OF", from: KEYS.chalkGood, to: KEYS.chalk },
    { kind: "INSTALLED_IN", from: KEYS.chalkBad, to: KEYS.ciJob, exposure: "install" },
    { kind: "INSTALLED_IN", from: KEYS.chalkBad, to: KEYS.releaseJob, exposure: "install" },
    { kind: "EXPOSES", from: KEYS.ciJob, to: KEYS.awsSecret, exposure: "job" },
    { kind: "EXPOSES", from: KEYS.releaseJob, to: KEYS.npmSecret, exposure: "install" },
    { kind: "EXPOSES", from: KEYS.sharedRunner, to: KEYS.vaultSecret, exposure: "runner" },
    { kind: "RUNS_ON", from: KEYS.ciJob, to: KEYS.sharedRunner },
    { kind: "RUNS_ON", from: KEYS.releaseJob, to: KEYS.ephemeralRunner },
    { kind: "AUTHENTICATES_AS", from: KEYS.npmSecret, to: KEYS.npmToken },
    { kind: "AUTHENTICATES_AS", from: KEYS.awsSecret, to: KEYS.oidcRole },
    { kind: "CAN_PUBLISH", from: KEYS.npmToken, to: KEYS.chalk },
    { kind: "CAN_ACCESS", from: KEYS.npmToken, to: KEYS.registry, privilege: "write" },
    { kind: "CAN_ACCESS", from: KEYS.oidcRole, to: KEYS.prodDb, privilege: "admin" },
  ],
};
