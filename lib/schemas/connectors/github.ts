import { z } from "zod";

// The GitHub REST API responses the GitHub connector reads (lib/connectors/github/), only the
// fields Blastmap uses. The replay fixtures are checked against GitHub's own OpenAPI description
// (an extract of @octokit/openapi, test/fixtures/connectors/github/openapi-subset.json) in
// test/connectors/github-fixtures.test.ts, so these cannot drift from it unnoticed. Objects are not strict: GitHub adds fields.

const ZWhen = z.string().nullable().optional();

export const ZGithubRepository = z.object({
  name: z.string(),
  full_name: z.string(),
  owner: z.object({ login: z.string() }),
  archived: z.boolean().optional().default(false),
  fork: z.boolean(),
  disabled: z.boolean().optional(),
  default_branch: z.string().optional(),
  visibility: z.string().optional(),
  private: z.boolean(),
});
export type TGithubRepository = z.infer<typeof ZGithubRepository>;

/** GET /orgs/{org}/actions/permissions/workflow and /repos/{owner}/{repo}/actions/permissions/workflow */
export const ZGithubWorkflowPermissions = z.object({
  default_workflow_permissions: z.enum(["read", "write"]),
  can_approve_pull_request_reviews: z.boolean(),
});
export type TGithubWorkflowPermissions = z.infer<typeof ZGithubWorkflowPermissions>;

export const ZGithubSecret = z.object({
  name: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type TGithubSecret = z.infer<typeof ZGithubSecret>;

export const ZGithubOrgSecret = ZGithubSecret.extend({
  visibility: z.enum(["all", "private", "selected"]),
});
export type TGithubOrgSecret = z.infer<typeof ZGithubOrgSecret>;

export const ZGithubEnvironment = z.object({ name: z.string() });

export const ZGithubRunner = z.object({
  id: z.number(),
  name: z.string(),
  os: z.string(),
  status: z.string(),
  ephemeral: z.boolean().optional(),
  labels: z.array(z.object({ name: z.string() })),
});
export type TGithubRunner = z.infer<typeof ZGithubRunner>;

export const ZGithubRunnerGroup = z.object({
  id: z.number(),
  name: z.string(),
  visibility: z.string(),
  default: z.boolean(),
  allows_public_repositories: z.boolean(),
});
export type TGithubRunnerGroup = z.infer<typeof ZGithubRunnerGroup>;

export const ZGithubInstallation = z.object({
  id: z.number(),
  app_slug: z.string(),
  permissions: z.record(z.string(), z.string()),
  repository_selection: z.enum(["all", "selected"]),
  created_at: z.string(),
  suspended_at: ZWhen,
});
export type TGithubInstallation = z.infer<typeof ZGithubInstallation>;

const ZPermissionSet = z.record(z.string(), z.string()).optional();

/** GET /orgs/{org}/personal-access-tokens: fine-grained tokens the organisation approved */
export const ZGithubFineGrainedToken = z.object({
  id: z.number(),
  owner: z.object({ login: z.string() }),
  repository_selection: z.enum(["none", "all", "subset"]),
  permissions: z.object({ organization: ZPermissionSet, repository: ZPermissionSet, other: ZPermissionSet }),
  access_granted_at: z.string(),
  token_id: z.number(),
  token_name: z.string().optional(),
  token_expired: z.boolean(),
  token_expires_at: ZWhen,
  token_last_used_at: ZWhen,
});
export type TGithubFineGrainedToken = z.infer<typeof ZGithubFineGrainedToken>;

export const ZGithubDeployKey = z.object({
  id: z.number(),
  title: z.string(),
  read_only: z.boolean(),
  created_at: z.string(),
  last_used: ZWhen,
});
export type TGithubDeployKey = z.infer<typeof ZGithubDeployKey>;

export const ZGithubTree = z.object({
  sha: z.string(),
  truncated: z.boolean(),
  tree: z.array(z.object({ path: z.string(), type: z.string(), sha: z.string(), size: z.number().optional() })),
});
export type TGithubTree = z.infer<typeof ZGithubTree>;

export const ZGithubBlob = z.object({
  sha: z.string(),
  encoding: z.string(),
  content: z.string(),
});

/** A file read from a repository's default branch, its path relative to the repository root. */
export interface GithubFile {
  path: string;
  content: string;
}

export interface GithubRepositoryCollection {
  repository: TGithubRepository;
  /** null for an archived repository: it runs no workflow, so its settings are not read */
  workflowPermissions: TGithubWorkflowPermissions | null;
  secrets: TGithubSecret[];
  environments: { name: string; secrets: TGithubSecret[] }[];
  deployKeys: TGithubDeployKey[];
  files: GithubFile[];
  /** the default branch's tree was too large for one answer: some files may be missing */
  treeTruncated: boolean;
}

/** Everything the GitHub connector read about one organisation: the input of the pure mapping. */
export interface GithubOrgCollection {
  org: string;
  apiUrl: string;
  workflowPermissions: TGithubWorkflowPermissions;
  /** organisation secrets; `repositories` is the selected list, null when the visibility says it */
  orgSecrets: { secret: TGithubOrgSecret; repositories: string[] | null }[];
  runnerGroups: { group: TGithubRunnerGroup; repositories: string[] | null; runners: TGithubRunner[] }[];
  installations: TGithubInstallation[];
  fineGrainedTokens: TGithubFineGrainedToken[];
  repositories: GithubRepositoryCollection[];
}
