import { z } from "zod";

// Graph facts: the one normalised shape every importer (workflow, lockfile, OSV, CycloneDX,
// inventory, the demo organisation) produces and lib/data/import/apply-graph-documents.ts stores.
// A document's facts replace what that document contributed before; nothing else is touched.

export const NODE_KINDS = ["publisher", "package", "packageVersion", "identity", "secret", "context", "runner", "system", "action", "advisory"] as const;
export const ZNodeKind = z.enum(NODE_KINDS);
export type TNodeKind = z.infer<typeof ZNodeKind>;

export const EDGE_KINDS = [
  "INSTALLED_IN",
  "EXPOSES",
  "AUTHENTICATES_AS",
  "ACTS_AS",
  "CAN_ACCESS",
  "CAN_PUBLISH",
  "MAINTAINS",
  "RUNS_ON",
  "TRIGGERS",
  "STORES",
  "USED_IN",
  "VERSION_OF",
  "DEPENDS_ON",
  "AFFECTS",
] as const;
export const ZEdgeKind = z.enum(EDGE_KINDS);
export type TEdgeKind = z.infer<typeof ZEdgeKind>;

export const EXPOSURES = ["install", "job", "runner", "runtime"] as const;
export const ZExposure = z.enum(EXPOSURES);
export type TExposure = z.infer<typeof ZExposure>;

export const ZPrivilege = z.enum(["read", "write", "admin"]);
export type TPrivilege = z.infer<typeof ZPrivilege>;

export const CRITICALITIES = ["low", "medium", "high", "critical"] as const;
export const ZCriticality = z.enum(CRITICALITIES);
export type TCriticality = z.infer<typeof ZCriticality>;

export const ZIdentityKind = z.enum([
  "registryPublishToken",
  "ciServiceAccount",
  "githubApp",
  "githubToken",
  "deployKey",
  "cloudRole",
  "workloadIdentity",
  "signingKey",
  "bot",
  "apiKey",
]);
export const ZLifetime = z.enum(["longLived", "shortLived"]);
export const ZSecretStore = z.enum(["ciSecret", "ciVariable", "envFile", "vault", "runnerDisk", "other"]);
export const ZContextKind = z.enum(["workstation", "ciJob"]);
export const ZRunnerHosting = z.enum(["githubHosted", "selfHosted", "other"]);
export const ZSystemKind = z.enum(["registry", "sourceControl", "cloudAccount", "database", "cluster", "signingService", "vault", "ciPlatform", "other"]);

const ZDate = z.coerce.date();
const ZKey = z.string().min(1).max(1000);

// Per-kind attributes map 1:1 onto the detail tables in prisma/schema.prisma.
export const ZPublisherAttrs = z.object({
  ecosystem: z.string().min(1),
  handle: z.string().min(1),
  twoFactorEnforced: z.boolean().nullable().optional(),
  isHuman: z.boolean().optional(),
  lastOwnershipChangeAt: ZDate.nullable().optional(),
  lastAccountRecoveryAt: ZDate.nullable().optional(),
});
export const ZPackageAttrs = z.object({
  ecosystem: z.string().min(1),
  name: z.string().min(1),
  purl: z.string().startsWith("pkg:"),
  trustedPublishing: z.boolean().optional(),
});
export const ZPackageVersionAttrs = z.object({
  /** key of the package node */
  packageKey: ZKey,
  version: z.string().min(1),
  purl: z.string().startsWith("pkg:"),
  hasInstallScript: z.boolean().optional(),
  hasProvenance: z.boolean().optional(),
  /** published through OIDC trusted publishing rather than with a token */
  trustedPublishing: z.boolean().optional(),
  publishedAt: ZDate.nullable().optional(),
  publishedBy: z.string().nullable().optional(),
  compromised: z.boolean().optional(),
  advisoryIds: z.array(z.string()).optional(),
});
export const ZIdentityAttrs = z.object({
  identityKind: ZIdentityKind,
  owner: z.string().nullable().optional(),
  humanAccount: z.boolean().optional(),
  issuedAt: ZDate.nullable().optional(),
  lastUsedAt: ZDate.nullable().optional(),
  expiresAt: ZDate.nullable().optional(),
  lifetime: ZLifetime,
  scopes: z.array(z.string()).optional(),
  provider: z.string().nullable().optional(),
});
export const ZSecretAttrs = z.object({
  secretName: z.string().min(1),
  secretType: z.string().min(1),
  storedIn: ZSecretStore,
  location: z.string().nullable().optional(),
  fingerprint: z.string().nullable().optional(),
  createdAt: ZDate.nullable().optional(),
  lastRotatedAt: ZDate.nullable().optional(),
});
/**
 * A dependency install in a job. `installs` says what it fetches: the lockfile of its directory
 * (`npm ci`, `pnpm install`, `yarn install`), or a fresh resolve of exactly the named packages
 * (`npx pkg@1.2.3`, `npm i -g pkg`, `pnpm dlx`, `yarn dlx`) and nothing else.
 */
export const ZInstallStep = z.object({
  line: z.number().int().nullable(),
  command: z.string(),
  manager: z.enum(["npm", "yarn", "pnpm", "bun", "npx"]),
  ignoreScripts: z.boolean(),
  /** absent on data stored before the distinction: read as "lockfile" */
  installs: z.enum(["lockfile", "fresh"]).optional(),
  /** working directory relative to the repository root, "" for the root */
  directory: z.string().optional(),
  /** fresh resolves: each package and the spec asked for ("latest" when none is written) */
  packages: z.array(z.object({ name: z.string(), spec: z.string() })).optional(),
  /** the step's name, id or `uses`, as findings quote it */
  step: z.string().nullable().optional(),
  /** secrets in this step's environment (workflow, job and step env, `with:`) */
  secrets: z.array(z.string()).optional(),
  /** the file the step is written in when not the workflow itself (a local composite action) */
  file: z.string().nullable().optional(),
});
export type TInstallStep = z.infer<typeof ZInstallStep>;

/**
 * A publish in a job: evidence that the credentials in its environment can publish the packages of
 * its directory (or every public workspace package when it publishes recursively).
 */
export const ZPublishStep = z.object({
  line: z.number().int().nullable(),
  /** the command or action as written */
  command: z.string(),
  tool: z.enum(["npm", "pnpm", "yarn", "changesets", "lerna", "semantic-release", "other"]),
  directory: z.string(),
  /** publishes every workspace package (`-r`, `--workspaces`, changesets, lerna) */
  recursive: z.boolean(),
  /** secrets handed to the publish as NODE_AUTH_TOKEN, NPM_TOKEN or an .npmrc `_authToken` */
  secrets: z.array(z.string()),
  provenance: z.boolean(),
  /** the job can mint an OIDC token (`id-token: write`): npm trusted publishing needs no secret */
  trustedPublishing: z.boolean(),
  /** the file the step is written in when not the workflow itself (a local composite action) */
  file: z.string().nullable().optional(),
});
export type TPublishStep = z.infer<typeof ZPublishStep>;

export const ZContextAttrs = z.object({
  contextKind: ZContextKind,
  repo: z.string().nullable().optional(),
  workflow: z.string().nullable().optional(),
  workflowName: z.string().nullable().optional(),
  job: z.string().nullable().optional(),
  triggers: z.array(z.string()).optional(),
  /** GITHUB_TOKEN permissions in force; null = repository default (unknown, possibly write) */
  tokenPermissions: z.record(z.string(), z.string()).nullable().optional(),
  canMintOidc: z.boolean().optional(),
  ignoresScripts: z.boolean().optional(),
  installSteps: z.array(ZInstallStep).optional(),
  /** `npm publish` and its kin in this job (docs/MODEL.md, publish rights from workflows) */
  publishSteps: z.array(ZPublishStep).optional(),
  /** images the job's code runs in: `container:` and `docker://` steps */
  containerImages: z.array(z.string()).optional(),
  /** `on.workflow_run.workflows`: the workflow names whose completion starts this job */
  workflowRuns: z.array(z.string()).optional(),
  /** reusable workflows this job calls (`uses:` at job level, as written) */
  calls: z.array(z.string()).optional(),
  untrustedCode: z.boolean().optional(),
  environment: z.string().nullable().optional(),
  /** `runs-on` labels (resolved from the matrix where possible; unresolvable expressions verbatim) */
  runnerLabels: z.array(z.string()).optional(),
  file: z.string().nullable().optional(),
  line: z.number().int().nullable().optional(),
  owner: z.string().nullable().optional(),
});
export const ZRunnerAttrs = z.object({
  hosting: ZRunnerHosting,
  persistent: z.boolean().optional(),
  shared: z.boolean().optional(),
  labels: z.array(z.string()).optional(),
  group: z.string().nullable().optional(),
  /** repositories allowed to use it ("owner/repo"; "*" every repository), when known */
  repositories: z.array(z.string()).optional(),
});
export const ZSystemAttrs = z.object({
  systemKind: ZSystemKind,
  criticality: ZCriticality,
  owner: z.string().nullable().optional(),
  storesSecrets: z.boolean().optional(),
  /**
   * Source control only: the default GITHUB_TOKEN permissions of workflows without a
   * `permissions:` block, "*" for the organisation and "owner/repo" for a repository.
   */
  defaultTokenPermissions: z.record(z.string(), z.enum(["read", "write"])).optional(),
  /** Source control only: whether GitHub Actions may approve pull requests, by "*" and "owner/repo". */
  actionsCanApprovePullRequests: z.record(z.string(), z.boolean()).optional(),
});
export const ZActionAttrs = z.object({
  slug: z.string().min(1),
  owner: z.string().min(1),
  repo: z.string().min(1),
});
export const ZAdvisoryAttrs = z.object({
  advisoryId: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  summary: z.string().nullable().optional(),
  details: z.string().nullable().optional(),
  publishedAt: ZDate.nullable().optional(),
  modifiedAt: ZDate.nullable().optional(),
  malicious: z.boolean().optional(),
  affected: z.array(z.unknown()).optional(),
});

const node = <K extends TNodeKind, A extends z.ZodTypeAny>(kind: K, attrs: A) =>
  z.object({
    kind: z.literal(kind),
    key: ZKey,
    name: z.string().min(1).max(500),
    attrs,
    /**
     * A mention, not a description: the node is created with these attributes if it does not
     * exist, but an existing node keeps its own (a workflow naming the GitHub org must not reset
     * the criticality an inventory file gave it).
     */
    reference: z.boolean().optional(),
  });

export const ZNodeFact = z.discriminatedUnion("kind", [
  node("publisher", ZPublisherAttrs),
  node("package", ZPackageAttrs),
  node("packageVersion", ZPackageVersionAttrs),
  node("identity", ZIdentityAttrs),
  node("secret", ZSecretAttrs),
  node("context", ZContextAttrs),
  node("runner", ZRunnerAttrs),
  node("system", ZSystemAttrs),
  node("action", ZActionAttrs),
  node("advisory", ZAdvisoryAttrs),
]);
export type TNodeFact = z.infer<typeof ZNodeFact>;

export const ZEdgeFact = z.object({
  kind: ZEdgeKind,
  from: ZKey,
  to: ZKey,
  exposure: ZExposure.nullable().optional(),
  privilege: ZPrivilege.nullable().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type TEdgeFact = z.infer<typeof ZEdgeFact>;

/** Everything one source document contributes to the graph. */
export const ZGraphDocument = z.object({
  /** stable across imports, e.g. workflow:acme/web:.github/workflows/release.yml */
  key: ZKey,
  format: z.string().min(1),
  nodes: z.array(ZNodeFact),
  edges: z.array(ZEdgeFact),
});
export type TGraphDocument = z.infer<typeof ZGraphDocument>;

export const ZChangeCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
});
export type TChangeCounts = z.infer<typeof ZChangeCounts>;

export const ZFormatSummary = z.object({
  files: z.number().int(),
  nodes: ZChangeCounts,
  edges: ZChangeCounts,
});
export type TFormatSummary = z.infer<typeof ZFormatSummary>;

export const ZApplySummary = z.object({
  importId: z.number().int().nullable(),
  dryRun: z.boolean(),
  graphVersion: z.number().int().nullable(),
  byFormat: z.record(z.string(), ZFormatSummary),
  unchangedDocuments: z.number().int(),
});
export type TApplySummary = z.infer<typeof ZApplySummary>;
