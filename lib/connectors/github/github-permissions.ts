// What each part of the collection needs, in the words of GitHub's settings pages: fine-grained
// token / GitHub App permission first, classic token scope second. The runner's error names it.
export const GITHUB_NEEDS = {
  repositories: "the organisation's repositories (fine-grained: Metadata read on all repositories; classic: repo)",
  orgWorkflowPermissions: "organisation permission Administration: read (classic: admin:org)",
  orgSecrets: "organisation permission Secrets: read (classic: admin:org)",
  runners: "organisation permission Self-hosted runners: read (classic: admin:org)",
  installations: "organisation permission Administration: read (classic: read:org)",
  fineGrainedTokens: "organisation permission Personal access tokens: read — GitHub answers this for GitHub App tokens only",
  repoWorkflowPermissions: "repository permission Administration: read (classic: repo)",
  repoSecrets: "repository permission Secrets: read (classic: repo)",
  environments: "repository permission Environments: read (classic: repo)",
  deployKeys: "repository permission Administration: read (classic: repo)",
  contents: "repository permission Contents: read (classic: repo)",
} as const;

export type GithubNeed = keyof typeof GITHUB_NEEDS;
