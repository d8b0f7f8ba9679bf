import { secretKey, systemKey } from "@/lib/graph-keys/refs";
import type { GithubOrgCollection, GithubRepositoryCollection, TGithubRunner } from "@/lib/schemas/connectors/github";
import type { TInventoryInput } from "@/lib/schemas/inventory";
import type { TPrivilege } from "@/lib/schemas/graph-facts";
import type { SourceFile } from "../../types";
import { isWorkflowPath } from "../../source/detect-format";
import { secretTypeOf } from "../../workflow/secret-references";

// What the GitHub connector read, as what Blastmap imports: the repositories' own files under
// <owner>/<repo>/<path> (read by the same parsers as files on disk, so a workflow's secrets, jobs
// and runners come from the workflow parser) and one inventory document with everything that has
// no file form — secret names and who can read them, runners, deploy keys, Apps, fine-grained
// tokens and default token permissions. The connector's own token is Blastmap's to list
// (lib/data/connectors/publish-connector-identities.ts), not an import's. Pure.

type InventorySecret = NonNullable<TInventoryInput["secrets"]>[number];
type InventoryIdentity = NonNullable<TInventoryInput["identities"]>[number];
type InventoryRunner = NonNullable<TInventoryInput["runners"]>[number];

export const githubInventoryPath = (org: string) => `connectors/github-${org}.json`;
export const githubSystemName = (org: string) => `github:${org}`;

const PRIVILEGE_RANK: Record<TPrivilege, number> = { read: 0, write: 1, admin: 2 };
/** The strongest of GitHub's permission levels ("read", "write", "admin"); anything else reads. */
function strongest(levels: string[]): TPrivilege {
  return levels.reduce<TPrivilege>((best, level) => {
    const privilege: TPrivilege = level === "admin" || level === "write" ? level : "read";
    return PRIVILEGE_RANK[privilege] > PRIVILEGE_RANK[best] ? privilege : best;
  }, "read");
}

const permissionScopes = (permissions: Record<string, string> | undefined) =>
  Object.entries(permissions ?? {})
    .map(([name, level]) => `${name}:${level}`)
    .sort();

export function githubOrgSources(collection: GithubOrgCollection): { sources: SourceFile[]; counts: Record<string, number> } {
  const { org } = collection;
  const system = systemKey(githubSystemName(org));
  const active = collection.repositories.filter((entry) => !entry.repository.archived);

  const files: SourceFile[] = active.flatMap((entry) =>
    entry.files.map((file) => ({ path: `${entry.repository.full_name}/${file.path}`, content: file.content })),
  );
  const secrets = secretsByRepository(collection, active, system);
  const runners = runnersOf(collection, active);
  const identities = [...deployKeyIdentities(active, system), ...appIdentities(collection, system), ...tokenIdentities(collection, system)];

  const inventory: TInventoryInput = {
    blastmapInventory: 1,
    organisation: org,
    systems: [
      {
        name: githubSystemName(org),
        kind: "sourceControl",
        criticality: "high",
        owner: org,
        storesSecrets: true,
        defaultTokenPermissions: {
          "*": collection.workflowPermissions.default_workflow_permissions,
          ...Object.fromEntries(
            active.flatMap((entry) =>
              entry.workflowPermissions ? [[entry.repository.full_name, entry.workflowPermissions.default_workflow_permissions]] : [],
            ),
          ),
        },
        actionsCanApprovePullRequests: {
          "*": collection.workflowPermissions.can_approve_pull_request_reviews,
          ...Object.fromEntries(
            active.flatMap((entry) =>
              entry.workflowPermissions ? [[entry.repository.full_name, entry.workflowPermissions.can_approve_pull_request_reviews]] : [],
            ),
          ),
        },
      },
    ],
    runners,
    identities,
    secrets,
  };

  const count = (pick: (entry: GithubRepositoryCollection) => number) => active.reduce((sum, entry) => sum + pick(entry), 0);
  const counts: Record<string, number> = {
    repositories: collection.repositories.length,
    archived: collection.repositories.length - active.length,
    forks: collection.repositories.filter((entry) => entry.repository.fork).length,
    workflows: count((entry) => entry.files.filter((file) => isWorkflowPath(file.path)).length),
    files: files.length,
    organisationSecrets: collection.orgSecrets.length,
    repositorySecrets: count((entry) => entry.secrets.length),
    environmentSecrets: count((entry) => entry.environments.reduce((sum, environment) => sum + environment.secrets.length, 0)),
    runnerGroups: collection.runnerGroups.length,
    runners: collection.runnerGroups.reduce((sum, entry) => sum + entry.runners.length, 0),
    deployKeys: count((entry) => entry.deployKeys.length),
    apps: collection.installations.length,
    fineGrainedTokens: collection.fineGrainedTokens.filter((token) => !token.token_expired).length,
    // the organisation's setting and each repository's that let Actions approve pull requests
    actionsMayApprovePullRequests: [collection.workflowPermissions, ...active.map((entry) => entry.workflowPermissions)].filter(
      (permissions) => permissions?.can_approve_pull_request_reviews,
    ).length,
  };
  return { sources: [...files, { path: githubInventoryPath(org), content: `${JSON.stringify(inventory, null, 2)}\n` }], counts };
}

/**
 * A secret as the workflows name it: secret:<owner/repo>:<NAME> for every repository that can read
 * it, whatever level it is set at, so the workflow parser's references land on it. An organisation
 * secret no repository can read keeps an organisation-level node.
 */
function secretsByRepository(collection: GithubOrgCollection, active: GithubRepositoryCollection[], system: string): InventorySecret[] {
  const byKey = new Map<string, InventorySecret>();
  const put = (repo: string | undefined, name: string, location: string, dates: { created_at: string; updated_at: string }) => {
    // GitHub secret names are case-insensitive; workflows' references are upper-cased too
    const upper = repo ? name.toUpperCase() : name;
    const key = secretKey(repo, upper);
    const previous = byKey.get(key);
    byKey.set(key, {
      name: upper,
      ...(repo ? { repo } : {}),
      type: secretTypeOf(upper),
      storedIn: "ciSecret",
      // one name can be set at several levels: the job sees the most specific, any may leak
      location: previous?.location ? `${previous.location}; ${location}` : location,
      createdAt: dates.created_at,
      lastRotatedAt: dates.updated_at,
      storedBy: [system],
    });
  };
  const isPrivate = (entry: GithubRepositoryCollection) => entry.repository.private || entry.repository.visibility === "internal";
  for (const { secret, repositories } of collection.orgSecrets) {
    const readers = active.filter((entry) =>
      secret.visibility === "all" ? true : secret.visibility === "private" ? isPrivate(entry) : (repositories ?? []).includes(entry.repository.full_name),
    );
    const location = `organisation ${collection.org} secret (visibility: ${secret.visibility})`;
    if (readers.length === 0) put(undefined, `${githubSystemName(collection.org)}:${secret.name.toUpperCase()}`, location, secret);
    for (const entry of readers) put(entry.repository.full_name, secret.name, location, secret);
  }
  for (const entry of active) {
    for (const secret of entry.secrets) put(entry.repository.full_name, secret.name, "repository secret", secret);
    for (const environment of entry.environments) {
      for (const secret of environment.secrets) put(entry.repository.full_name, secret.name, `environment ${environment.name} secret`, secret);
    }
  }
  return [...byKey.values()];
}

const labelSet = (runner: TGithubRunner) => [...new Set(runner.labels.map((label) => label.name.toLowerCase()))].sort();

/**
 * Runners under the names workflows reach them by (lib/ingest/workflow/runners.ts): the group
 * (`runs-on: { group: … }`) and each distinct label set of its machines. A runner is shared when
 * more than one repository may use its group, persistent unless every machine is ephemeral.
 */
function runnersOf(collection: GithubOrgCollection, active: GithubRepositoryCollection[]): InventoryRunner[] {
  const runners = new Map<string, InventoryRunner>();
  const privateRepositories = active
    .filter((entry) => entry.repository.private || entry.repository.visibility === "internal")
    .map((entry) => entry.repository.full_name);
  for (const { group, repositories, runners: machines } of collection.runnerGroups) {
    if (machines.length === 0) continue;
    const shared = group.visibility !== "selected" || (repositories ?? []).length > 1;
    // "all": every repository; "private": the private and internal ones; "selected": the list
    const allowed = group.visibility === "all" ? ["*"] : group.visibility === "private" ? privateRepositories : (repositories ?? []);
    const persistent = machines.some((machine) => machine.ephemeral !== true);
    const labels = [...new Set(machines.flatMap(labelSet))].sort();
    runners.set(`${collection.org}/group:${group.name}`, {
      name: `${collection.org}/group:${group.name}`,
      hosting: "selfHosted",
      persistent,
      shared,
      labels,
      group: group.name,
      repositories: allowed,
    });
    for (const machine of machines) {
      const name = `${collection.org}/${labelSet(machine).join(",")}`;
      const previous = runners.get(name);
      runners.set(name, {
        name,
        hosting: "selfHosted",
        persistent: (previous?.persistent ?? false) || machine.ephemeral !== true,
        shared: (previous?.shared ?? false) || shared,
        labels: labelSet(machine),
        group: group.name,
        repositories: [...new Set([...(previous?.repositories ?? []), ...allowed])].sort(),
      });
    }
  }
  return [...runners.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function deployKeyIdentities(active: GithubRepositoryCollection[], system: string): InventoryIdentity[] {
  return active.flatMap((entry) =>
    entry.deployKeys.map((key) => ({
      name: `github-deploy-key:${entry.repository.full_name}/${key.id}`,
      kind: "deployKey" as const,
      owner: null,
      lifetime: "longLived" as const,
      issuedAt: key.created_at,
      ...(key.last_used ? { lastUsedAt: key.last_used } : {}),
      scopes: [key.read_only ? "read" : "write", `repository:${entry.repository.full_name}`, `title:${key.title}`],
      provider: "github",
      canAccess: [{ system, privilege: key.read_only ? ("read" as const) : ("write" as const) }],
    })),
  );
}

function appIdentities(collection: GithubOrgCollection, system: string): InventoryIdentity[] {
  return collection.installations
    .filter((installation) => !installation.suspended_at)
    .map((installation) => ({
      name: `github-app:${collection.org}/${installation.app_slug}`,
      kind: "githubApp" as const,
      owner: null,
      // an installation's tokens live an hour; the App's private key mints them at will
      lifetime: "shortLived" as const,
      issuedAt: installation.created_at,
      scopes: [...permissionScopes(installation.permissions), `repositories:${installation.repository_selection}`],
      provider: "github",
      canAccess: [{ system, privilege: strongest(Object.values(installation.permissions)) }],
    }));
}

function tokenIdentities(collection: GithubOrgCollection, system: string): InventoryIdentity[] {
  // An expired token grants nothing: it leaves the inventory like a revoked one.
  return collection.fineGrainedTokens
    .filter((token) => !token.token_expired)
    .map((token) => {
      const levels = [...Object.values(token.permissions.organization ?? {}), ...Object.values(token.permissions.repository ?? {})];
      return {
        name: `github-pat:${collection.org}/${token.owner.login}/${token.token_id}`,
        kind: "apiKey" as const,
        owner: token.owner.login,
        // a person's token, approved for the organisation's automation
        humanAccount: true,
        lifetime: "longLived" as const,
        issuedAt: token.access_granted_at,
        ...(token.token_last_used_at ? { lastUsedAt: token.token_last_used_at } : {}),
        ...(token.token_expires_at ? { expiresAt: token.token_expires_at } : {}),
        scopes: [
          ...(token.token_name ? [`name:${token.token_name}`] : []),
          ...permissionScopes(token.permissions.organization),
          ...permissionScopes(token.permissions.repository),
          `repositories:${token.repository_selection}`,
        ],
        provider: "github",
        canAccess: [{ system, privilege: strongest(levels) }],
      };
    });
}
