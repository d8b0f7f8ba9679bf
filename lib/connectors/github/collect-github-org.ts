import type { z } from "zod";
import { formatFromPath } from "@/lib/ingest/source/detect-format";
import {
  ZGithubBlob,
  ZGithubDeployKey,
  ZGithubEnvironment,
  ZGithubFineGrainedToken,
  ZGithubInstallation,
  ZGithubOrgSecret,
  ZGithubRepository,
  ZGithubRunner,
  ZGithubRunnerGroup,
  ZGithubSecret,
  ZGithubTree,
  ZGithubWorkflowPermissions,
  type GithubFile,
  type GithubOrgCollection,
  type GithubRepositoryCollection,
  type TGithubRepository,
} from "@/lib/schemas/connectors/github";
import { ConnectorError } from "../connector-error";
import type { GithubApi } from "./github-octokit";
import { GITHUB_NEEDS, type GithubNeed } from "./github-permissions";

// Reads one organisation through the REST API: what the pure mapping (lib/ingest/connectors/github)
// turns into files and an inventory. Every answer is parsed with its Zod schema; any refusal ends
// the run with a ConnectorError naming the permission it needed, so a partial picture is never
// imported.

export interface CollectGithubOptions {
  org: string;
  apiUrl: string;
  tokenEnv: string;
  /** GitHub lists approved fine-grained tokens to GitHub App tokens only: let other tokens skip them */
  skipFineGrainedTokens?: boolean;
  /** the largest file read from a repository (bytes); larger ones are reported and skipped */
  maxFileBytes: number;
}

interface HttpFailure {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

const isHttpFailure = (error: unknown): error is HttpFailure =>
  typeof error === "object" && error !== null && typeof (error as { status?: unknown }).status === "number";

/** Turns an API refusal into the error a person can act on. */
function explain(error: unknown, need: GithubNeed, what: string, options: CollectGithubOptions): never {
  if (error instanceof ConnectorError) throw error;
  if (!isHttpFailure(error)) throw error;
  const status = error.status;
  const reason = error.message.split("\n")[0].slice(0, 200);
  const headers = error.response?.headers ?? {};
  if (status === 401) {
    throw new ConnectorError(
      `GitHub refused the token in $${options.tokenEnv} (401 ${reason})`,
      `set $${options.tokenEnv} to a valid token for ${options.apiUrl}`,
    );
  }
  if ((status === 403 || status === 429) && (headers["x-ratelimit-remaining"] === "0" || /rate limit/i.test(reason))) {
    const reset = Number(headers["x-ratelimit-reset"]);
    const when = Number.isFinite(reset) && reset > 0 ? ` (resets at ${new Date(reset * 1000).toISOString()})` : "";
    throw new ConnectorError(
      `GitHub's rate limit is exhausted while reading ${what}${when}; nothing was imported`,
      "run it again after the reset, or with a token that has its own limit",
    );
  }
  if (status === 403 || status === 404) {
    // GitHub names what a fine-grained token or App lacked in X-Accepted-GitHub-Permissions
    const accepted = typeof headers["x-accepted-github-permissions"] === "string" ? ` (GitHub accepts: ${headers["x-accepted-github-permissions"]})` : "";
    throw new ConnectorError(
      `GitHub refused ${what} (${status} ${reason}): the token in $${options.tokenEnv} needs ${GITHUB_NEEDS[need]}${accepted}; nothing was imported`,
      need === "fineGrainedTokens" ? "run with --skip-fine-grained-tokens to collect the rest with this token" : undefined,
    );
  }
  if (status >= 500 && /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket/i.test(reason)) {
    throw new ConnectorError(`could not reach the GitHub API at ${options.apiUrl} (${reason}); nothing was imported`, "check --api-url and the network");
  }
  throw new ConnectorError(`GitHub answered ${status} for ${what} (${reason}); nothing was imported`);
}

/** "GET /orgs/acme/actions/secrets": the request as a person reads it in an error. */
const describeRequest = (route: string, params: Record<string, string | number>) => route.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

function parseAll<T extends z.ZodType>(schema: T, items: unknown[], what: string): z.infer<T>[] {
  return items.map((item, i) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) throw new ConnectorError(`GitHub's answer for ${what} is not what its API describes (item ${i}: ${parsed.error.issues[0]?.message})`);
    return parsed.data;
  });
}

export async function collectGithubOrg(api: GithubApi, options: CollectGithubOptions, progress: (line: string) => void): Promise<GithubOrgCollection> {
  const { org } = options;
  const list = async <T extends z.ZodType>(need: GithubNeed, route: string, params: Record<string, string | number>, schema: T): Promise<z.infer<T>[]> => {
    const what = describeRequest(route, params);
    try {
      const items = await api.paginate(route, { ...params, per_page: 100 });
      return parseAll(schema, items as unknown[], what);
    } catch (error) {
      explain(error, need, what, options);
    }
  };
  /** One answer; `missing` statuses mean "nothing there" (null) instead of a refusal. */
  const find = async <T extends z.ZodType>(
    need: GithubNeed,
    route: string,
    params: Record<string, string | number>,
    schema: T,
    missing: number[] = [],
  ): Promise<z.infer<T> | null> => {
    const what = describeRequest(route, params);
    try {
      const response = await api.request(route, params);
      return parseAll(schema, [response.data], what)[0];
    } catch (error) {
      if (isHttpFailure(error) && missing.includes(error.status)) return null;
      explain(error, need, what, options);
    }
  };
  const get = async <T extends z.ZodType>(need: GithubNeed, route: string, params: Record<string, string | number>, schema: T): Promise<z.infer<T>> =>
    (await find(need, route, params, schema))!;

  progress(`github: reading organisation ${org} at ${options.apiUrl}`);
  const repositories = await list("repositories", "GET /orgs/{org}/repos", { org, type: "all" }, ZGithubRepository);
  progress(`github: ${repositories.length} repositories`);
  const workflowPermissions = await get("orgWorkflowPermissions", "GET /orgs/{org}/actions/permissions/workflow", { org }, ZGithubWorkflowPermissions);

  const orgSecrets = [];
  for (const secret of await list("orgSecrets", "GET /orgs/{org}/actions/secrets", { org }, ZGithubOrgSecret)) {
    const selected =
      secret.visibility === "selected"
        ? await list("orgSecrets", "GET /orgs/{org}/actions/secrets/{secret_name}/repositories", { org, secret_name: secret.name }, ZGithubRepository)
        : null;
    orgSecrets.push({ secret, repositories: selected?.map((repository) => repository.full_name) ?? null });
  }
  progress(`github: ${orgSecrets.length} organisation secrets`);

  const runnerGroups = [];
  for (const group of await list("runners", "GET /orgs/{org}/actions/runner-groups", { org }, ZGithubRunnerGroup)) {
    const params = { org, runner_group_id: group.id };
    const selected =
      group.visibility === "selected"
        ? await list("runners", "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories", params, ZGithubRepository)
        : null;
    const runners = await list("runners", "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/runners", params, ZGithubRunner);
    runnerGroups.push({ group, repositories: selected?.map((repository) => repository.full_name) ?? null, runners });
  }
  progress(`github: ${runnerGroups.reduce((sum, entry) => sum + entry.runners.length, 0)} self-hosted runners in ${runnerGroups.length} groups`);

  const installations = await list("installations", "GET /orgs/{org}/installations", { org }, ZGithubInstallation);
  const fineGrainedTokens = options.skipFineGrainedTokens
    ? []
    : await list("fineGrainedTokens", "GET /orgs/{org}/personal-access-tokens", { org }, ZGithubFineGrainedToken);

  const collected: GithubRepositoryCollection[] = [];
  for (const [i, repository] of repositories.entries()) {
    progress(
      `github: repository ${i + 1}/${repositories.length} ${repository.full_name}${repository.archived ? " (archived)" : ""}${repository.fork ? " (fork)" : ""}`,
    );
    collected.push(await collectRepository(repository, { list, get, find, options, progress }));
  }
  return {
    org,
    apiUrl: options.apiUrl,
    workflowPermissions,
    orgSecrets,
    runnerGroups,
    installations,
    fineGrainedTokens,
    repositories: collected,
  };
}

interface RepositoryReaders {
  list: <T extends z.ZodType>(need: GithubNeed, route: string, params: Record<string, string | number>, schema: T) => Promise<z.infer<T>[]>;
  get: <T extends z.ZodType>(need: GithubNeed, route: string, params: Record<string, string | number>, schema: T) => Promise<z.infer<T>>;
  find: <T extends z.ZodType>(
    need: GithubNeed,
    route: string,
    params: Record<string, string | number>,
    schema: T,
    missing?: number[],
  ) => Promise<z.infer<T> | null>;
  options: CollectGithubOptions;
  progress: (line: string) => void;
}

async function collectRepository(repository: TGithubRepository, readers: RepositoryReaders): Promise<GithubRepositoryCollection> {
  const { list, get } = readers;
  const params = { owner: repository.owner.login, repo: repository.name };
  // An archived repository runs no workflow and holds no usable secret: flagged, not read further.
  if (repository.archived) {
    return { repository, workflowPermissions: null, secrets: [], environments: [], deployKeys: [], files: [], treeTruncated: false };
  }
  const workflowPermissions = await get(
    "repoWorkflowPermissions",
    "GET /repos/{owner}/{repo}/actions/permissions/workflow",
    params,
    ZGithubWorkflowPermissions,
  );
  const secrets = await list("repoSecrets", "GET /repos/{owner}/{repo}/actions/secrets", params, ZGithubSecret);
  const environments = [];
  for (const environment of await list("environments", "GET /repos/{owner}/{repo}/environments", params, ZGithubEnvironment)) {
    const environmentSecrets = await list(
      "repoSecrets",
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets",
      { ...params, environment_name: environment.name },
      ZGithubSecret,
    );
    environments.push({ name: environment.name, secrets: environmentSecrets });
  }
  const deployKeys = await list("deployKeys", "GET /repos/{owner}/{repo}/keys", params, ZGithubDeployKey);
  const { files, truncated } = await readImportableFiles(repository, readers);
  return { repository, workflowPermissions, secrets, environments, deployKeys, files, treeTruncated: truncated };
}

const MAX_FILES_PER_REPOSITORY = 500;

/** Workflows, composite actions and lockfiles (with their package.json and .npmrc) on the default branch. */
export function isImportablePath(path: string): boolean {
  if (/(^|\/)node_modules\//.test(path)) return false;
  if (/(^|\/)action\.ya?ml$/.test(path)) return true;
  return formatFromPath(path) !== null;
}

async function readImportableFiles(
  repository: TGithubRepository,
  { find, options, progress }: RepositoryReaders,
): Promise<{ files: GithubFile[]; truncated: boolean }> {
  if (!repository.default_branch) return { files: [], truncated: false };
  const params = { owner: repository.owner.login, repo: repository.name };
  // 409: an empty repository has no tree; 404: its default branch is gone. Nothing to read.
  const tree = await find(
    "contents",
    "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
    { ...params, tree_sha: repository.default_branch, recursive: 1 },
    ZGithubTree,
    [404, 409],
  );
  if (tree === null) return { files: [], truncated: false };
  if (tree.truncated) progress(`github: ${repository.full_name}: the file tree is too large for one answer; some files may be missing`);
  const wanted = tree.tree.filter((entry) => entry.type === "blob" && isImportablePath(entry.path)).slice(0, MAX_FILES_PER_REPOSITORY);
  const files: GithubFile[] = [];
  for (const entry of wanted) {
    if ((entry.size ?? 0) > options.maxFileBytes) {
      progress(`github: ${repository.full_name}/${entry.path} is ${entry.size} bytes, over the import limit: skipped`);
      continue;
    }
    const blob = await find("contents", "GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...params, file_sha: entry.sha }, ZGithubBlob);
    if (blob === null) continue;
    const content = blob.encoding === "base64" ? Buffer.from(blob.content, "base64").toString("utf8") : blob.content;
    files.push({ path: entry.path, content });
  }
  return { files, truncated: tree.truncated };
}
