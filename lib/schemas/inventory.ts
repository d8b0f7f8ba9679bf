import { z } from "zod";
import { ZContextKind, ZCriticality, ZExposure, ZIdentityKind, ZLifetime, ZPrivilege, ZRunnerHosting, ZSecretStore, ZSystemKind } from "./graph-facts";

// The Blastmap inventory file: what no workflow, lockfile, advisory or SBOM says — publishers and
// their 2FA state, NHIs with owners and expiry, secrets kept in vaults, systems and their
// criticality, and who can access or publish what. docs/inventory.schema.json is generated from
// this file (npm run schema:inventory); never edit the JSON Schema by hand.
//
// References between entries use Blastmap refs (the same strings the CLI takes):
//   publisher:npm/<handle>   pkg:npm/<name>[@<version>]   identity:<name>   system:<name>
//   secret:<repo>:<NAME> (a repository's CI secret) or secret:<name>   runner:<name>
//   context:<owner>/<repo>/<workflow file>/<job id>   context:workstation/<name>

const ZWhen = z.iso.datetime({ offset: true }).or(z.iso.date()).describe("ISO 8601 date or date-time");
const ZName = z.string().trim().min(1).max(200);
const ZRef = z.string().trim().min(3).max(500);
const ZPurl = z.string().regex(/^pkg:[a-z0-9.+-]+\/.+/, "must be a package URL such as pkg:npm/chalk or pkg:npm/%40nx/devkit");

export const ZInventoryPublisher = z.strictObject({
  ecosystem: z.string().default("npm"),
  handle: ZName,
  twoFactorEnforced: z.boolean().nullable().optional().describe("null or absent when unknown"),
  isHuman: z.boolean().default(true).describe("a person's account, as opposed to a bot or organisation account"),
  lastOwnershipChangeAt: ZWhen.optional(),
  lastAccountRecoveryAt: ZWhen.optional(),
  maintains: z.array(ZPurl).default([]).describe("packages (purl without version) this account can publish"),
  mention: z
    .boolean()
    .optional()
    .describe("names the account without describing it (a connector that knows only the handle): what is already stored about it is kept"),
});

export const ZInventoryPackageVersion = z.strictObject({
  version: ZName,
  hasInstallScript: z.boolean().optional(),
  hasProvenance: z.boolean().optional(),
  trustedPublishing: z.boolean().optional().describe("published through OIDC trusted publishing rather than with a token"),
  publishedAt: ZWhen.optional(),
  publishedBy: z.string().optional().describe("publisher handle"),
});

export const ZInventoryPackage = z.strictObject({
  purl: ZPurl,
  trustedPublishing: z.boolean().optional().describe("published through OIDC trusted publishing"),
  versions: z.array(ZInventoryPackageVersion).default([]),
});

export const ZInventoryAccess = z.strictObject({
  system: ZRef.describe("system:<name>"),
  privilege: ZPrivilege,
});

export const ZInventoryIdentity = z.strictObject({
  name: ZName,
  kind: ZIdentityKind,
  owner: z.string().nullable().optional().describe("team or person; absent when nobody owns it"),
  humanAccount: z.boolean().optional().describe("a person's own credential used by automation"),
  issuedAt: ZWhen.optional(),
  lastUsedAt: ZWhen.optional(),
  expiresAt: ZWhen.optional(),
  lifetime: ZLifetime,
  scopes: z.array(z.string()).default([]),
  provider: z.string().optional().describe("npm, github, aws, gcp, sigstore, …"),
  canAccess: z.array(ZInventoryAccess).default([]),
  canPublish: z.array(ZPurl).default([]),
  actsAs: ZRef.optional().describe("publisher:<ecosystem>/<handle> whose rights this token carries"),
  triggers: z.array(ZRef).default([]).describe("contexts (jobs) this identity can start"),
});

export const ZInventorySecret = z.strictObject({
  name: ZName.describe("the secret's name, e.g. NPM_TOKEN; never its value"),
  repo: z.string().optional().describe("owner/repo for a repository CI secret: its ref is secret:<repo>:<name>"),
  type: ZName.describe("npm-token, github-pat, aws-access-key, ssh-key, …"),
  storedIn: ZSecretStore,
  location: z.string().optional().describe("vault path, file path or host"),
  fingerprint: z
    .string()
    .regex(/^[A-Za-z0-9+/=:_-]{6,128}$/, "a fingerprint (e.g. sha256:ab12…), never the value")
    .optional(),
  createdAt: ZWhen.optional(),
  lastRotatedAt: ZWhen.optional(),
  authenticatesAs: ZRef.optional().describe("identity:<name> that holding this secret acts as"),
  storedBy: z.array(ZRef).default([]).describe("systems or runners that keep a copy (system:<name>, runner:<name>)"),
});

export const ZInventorySystem = z.strictObject({
  name: ZName,
  kind: ZSystemKind,
  criticality: ZCriticality,
  owner: z.string().optional(),
  storesSecrets: z.boolean().optional().describe("a vault or CI settings store: write/admin access yields its secrets"),
  defaultTokenPermissions: z
    .record(z.string().regex(/^(\*|[^/\s]+\/[^/\s]+)$/, 'a key is "*" (the organisation) or "owner/repo"'), z.enum(["read", "write"]))
    .optional()
    .describe(
      'source control (system github:<org>): the default GITHUB_TOKEN permissions of workflows without a permissions block, by "*" (organisation) and "owner/repo"; without it write is assumed and marked so',
    ),
  actionsCanApprovePullRequests: z
    .record(z.string().regex(/^(\*|[^/\s]+\/[^/\s]+)$/, 'a key is "*" (the organisation) or "owner/repo"'), z.boolean())
    .optional()
    .describe('source control (system github:<org>): whether GitHub Actions may approve pull requests, by "*" (organisation) and "owner/repo"'),
});

export const ZInventoryRunner = z.strictObject({
  name: ZName,
  hosting: ZRunnerHosting,
  persistent: z.boolean().default(false),
  shared: z.boolean().default(false),
  labels: z.array(z.string()).default([]),
  group: z.string().optional(),
  repositories: z
    .array(z.string().regex(/^(\*|[^/\s]+\/[^/\s]+)$/, 'a repository is "owner/repo", or "*" for every repository'))
    .default([])
    .describe('repositories allowed to use this runner ("owner/repo"; "*" every repository of the organisation); empty when unknown'),
});

export const ZInventoryFreshResolve = z.strictObject({
  package: ZPurl.describe("the package, without a version (pkg:npm/vercel)"),
  spec: z.string().trim().min(1).max(200).default("latest").describe('the version or range asked for, "latest" when none'),
  runs: z.boolean().default(false).describe("the package's own code runs in that step (npx, dlx), install script or not"),
});

export const ZInventoryCiInstall = z.strictObject({
  context: ZRef.describe("context:<owner>/<repo>/<workflow file>/<job id> (a job from an imported workflow)"),
  installs: z.array(ZPurl).default([]).describe("package versions installed there from a lockfile or image (purl with version)"),
  resolves: z.array(ZInventoryFreshResolve).default([]).describe("packages fetched afresh at every run"),
});

export const ZInventoryContext = z.strictObject({
  name: ZName.describe("a workstation name; CI jobs come from workflow files"),
  kind: ZContextKind.default("workstation"),
  owner: z.string().optional(),
  ignoresScripts: z.boolean().optional(),
  installs: z.array(ZPurl).default([]).describe("package versions installed there (purl with version)"),
  resolves: z.array(ZInventoryFreshResolve).default([]).describe("packages fetched afresh (npx, global installs) whenever used"),
  exposes: z
    .array(z.strictObject({ secret: ZRef, exposure: ZExposure }))
    .default([])
    .describe("secrets readable there and how"),
  runsOn: ZRef.optional().describe("runner:<name>"),
});

export const ZInventory = z.strictObject({
  $schema: z.string().optional(),
  blastmapInventory: z.literal(1).describe("format version"),
  organisation: z.string().optional(),
  publishers: z.array(ZInventoryPublisher).default([]),
  packages: z.array(ZInventoryPackage).default([]),
  identities: z.array(ZInventoryIdentity).default([]),
  secrets: z.array(ZInventorySecret).default([]),
  systems: z.array(ZInventorySystem).default([]),
  runners: z.array(ZInventoryRunner).default([]),
  contexts: z.array(ZInventoryContext).default([]),
  ciInstalls: z.array(ZInventoryCiInstall).default([]).describe("what CI jobs install beyond what their workflow files show"),
});
export type TInventory = z.infer<typeof ZInventory>;
export type TInventoryInput = z.input<typeof ZInventory>;
