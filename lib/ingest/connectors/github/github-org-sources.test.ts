import { describe, expect, it } from "vitest";
import type { GithubOrgCollection, GithubRepositoryCollection, TGithubRepository } from "@/lib/schemas/connectors/github";
import { ZInventory } from "@/lib/schemas/inventory";
import { parseInventory } from "../../inventory/parse-inventory";
import { githubOrgSources, githubInventoryPath } from "./github-org-sources";

// The pure half of `connect github`: what the API said, as files and one inventory document.

const repository = (name: string, flags: Partial<TGithubRepository> = {}): TGithubRepository => ({
  name,
  full_name: `acme/${name}`,
  owner: { login: "acme" },
  archived: false,
  fork: false,
  default_branch: "main",
  private: false,
  ...flags,
});
const repo = (name: string, extra: Partial<GithubRepositoryCollection> = {}): GithubRepositoryCollection => ({
  repository: repository(name, extra.repository),
  workflowPermissions: { default_workflow_permissions: "read", can_approve_pull_request_reviews: false },
  secrets: [],
  environments: [],
  deployKeys: [],
  files: [],
  treeTruncated: false,
  ...extra,
});
const dates = { created_at: "2025-01-01T00:00:00Z", updated_at: "2025-02-01T00:00:00Z" };

function collection(overrides: Partial<GithubOrgCollection> = {}): GithubOrgCollection {
  return {
    org: "acme",
    apiUrl: "https://api.github.com",
    workflowPermissions: { default_workflow_permissions: "read", can_approve_pull_request_reviews: false },
    orgSecrets: [],
    runnerGroups: [],
    installations: [],
    fineGrainedTokens: [],
    repositories: [],
    ...overrides,
  };
}

function inventoryOf(input: GithubOrgCollection) {
  const { sources } = githubOrgSources(input);
  const document = sources.find((source) => source.path === githubInventoryPath(input.org))!;
  return ZInventory.parse(JSON.parse(document.content));
}

describe("githubOrgSources", () => {
  it("puts each repository's files under owner/repo and leaves an archived repository's out", () => {
    const { sources, counts } = githubOrgSources(
      collection({
        repositories: [
          repo("web", { files: [{ path: ".github/workflows/ci.yml", content: "on: push\n" }] }),
          repo("old", { repository: repository("old", { archived: true }), files: [{ path: ".github/workflows/ci.yml", content: "on: push\n" }] }),
        ],
      }),
    );
    expect(sources.map((source) => source.path)).toEqual(["acme/web/.github/workflows/ci.yml", "connectors/github-acme.json"]);
    expect(counts).toMatchObject({ repositories: 2, archived: 1, workflows: 1 });
  });

  it("an organisation secret becomes a secret of every repository its visibility lets read it, stored by the organisation", () => {
    const inventory = inventoryOf(
      collection({
        orgSecrets: [
          { secret: { name: "NPM_TOKEN", visibility: "selected", ...dates }, repositories: ["acme/web"] },
          { secret: { name: "INTERNAL_KEY", visibility: "private", ...dates }, repositories: null },
          { secret: { name: "UNUSED", visibility: "selected", ...dates }, repositories: [] },
        ],
        repositories: [repo("web"), repo("api", { repository: repository("api", { private: true }) })],
      }),
    );
    expect(inventory.secrets.map((secret) => `${secret.repo ?? "-"}:${secret.name}`).sort()).toEqual([
      "-:github:acme:UNUSED",
      "acme/api:INTERNAL_KEY",
      "acme/web:NPM_TOKEN",
    ]);
    expect(inventory.secrets.every((secret) => secret.storedBy.includes("system:github:acme") && secret.storedIn === "ciSecret")).toBe(true);
    expect(inventory.secrets.find((secret) => secret.name === "NPM_TOKEN")).toMatchObject({ type: "npm-token", lastRotatedAt: dates.updated_at });
  });

  it("one name set at organisation, repository and environment level is one secret saying where", () => {
    const inventory = inventoryOf(
      collection({
        orgSecrets: [{ secret: { name: "DEPLOY_KEY", visibility: "all", ...dates }, repositories: null }],
        repositories: [
          repo("web", { secrets: [{ name: "DEPLOY_KEY", ...dates }], environments: [{ name: "prod", secrets: [{ name: "DEPLOY_KEY", ...dates }] }] }),
        ],
      }),
    );
    expect(inventory.secrets).toHaveLength(1);
    expect(inventory.secrets[0].location).toBe("organisation acme secret (visibility: all); repository secret; environment prod secret");
  });

  it("runners are named as workflows reach them: by group and by label set; shared unless one repository may use them", () => {
    const machine = (id: number, labels: string[], ephemeral: boolean) => ({
      id,
      name: `m${id}`,
      os: "linux",
      status: "online",
      ephemeral,
      labels: labels.map((name) => ({ name })),
    });
    const inventory = inventoryOf(
      collection({
        runnerGroups: [
          {
            group: { id: 1, name: "Default", visibility: "all", default: true, allows_public_repositories: false },
            repositories: null,
            runners: [machine(1, ["self-hosted", "Linux", "X64"], false)],
          },
          {
            group: { id: 2, name: "deploy", visibility: "selected", default: false, allows_public_repositories: false },
            repositories: ["acme/api"],
            runners: [machine(2, ["self-hosted", "deploy"], true)],
          },
        ],
      }),
    );
    expect(inventory.runners.map((runner) => [runner.name, runner.shared, runner.persistent, runner.repositories])).toEqual([
      ["acme/deploy,self-hosted", false, false, ["acme/api"]],
      ["acme/group:Default", true, true, ["*"]],
      ["acme/group:deploy", false, false, ["acme/api"]],
      ["acme/linux,self-hosted,x64", true, true, ["*"]],
    ]);
  });

  it("deploy keys, Apps and approved tokens are identities with the strongest privilege they hold; expired tokens and suspended Apps grant nothing", () => {
    const grant = { owner: { login: "alice" }, repository_selection: "all" as const, access_granted_at: "2025-01-01T00:00:00Z", token_last_used_at: null };
    const inventory = inventoryOf(
      collection({
        installations: [
          {
            id: 1,
            app_slug: "ci-bot",
            permissions: { administration: "write", contents: "read" },
            repository_selection: "all",
            created_at: dates.created_at,
            suspended_at: null,
          },
          {
            id: 2,
            app_slug: "gone",
            permissions: { contents: "write" },
            repository_selection: "all",
            created_at: dates.created_at,
            suspended_at: dates.updated_at,
          },
        ],
        fineGrainedTokens: [
          {
            ...grant,
            id: 1,
            token_id: 11,
            token_name: "script",
            token_expired: false,
            token_expires_at: null,
            permissions: { repository: { contents: "read" } },
          },
          { ...grant, id: 2, token_id: 12, token_expired: true, token_expires_at: "2025-02-01T00:00:00Z", permissions: { repository: { contents: "write" } } },
        ],
        repositories: [repo("api", { deployKeys: [{ id: 9, title: "ci", read_only: true, created_at: dates.created_at, last_used: null }] })],
      }),
    );
    expect(inventory.identities.map((identity) => [identity.name, identity.kind, identity.canAccess[0]?.privilege])).toEqual([
      ["github-deploy-key:acme/api/9", "deployKey", "read"],
      ["github-app:acme/ci-bot", "githubApp", "write"],
      ["github-pat:acme/alice/11", "apiKey", "read"],
    ]);
    expect(inventory.identities[2]).toMatchObject({ humanAccount: true, owner: "alice", scopes: ["name:script", "contents:read", "repositories:all"] });
  });

  it("default token permissions by organisation and repository, and a document the inventory parser accepts", () => {
    const input = collection({
      workflowPermissions: { default_workflow_permissions: "write", can_approve_pull_request_reviews: true },
      repositories: [repo("web"), repo("old", { repository: repository("old", { archived: true }), workflowPermissions: null })],
    });
    const inventory = inventoryOf(input);
    expect(inventory.systems[0]).toMatchObject({
      name: "github:acme",
      kind: "sourceControl",
      storesSecrets: true,
      defaultTokenPermissions: { "*": "write", "acme/web": "read" },
      actionsCanApprovePullRequests: { "*": true, "acme/web": false },
    });
    expect(githubOrgSources(input).counts.actionsMayApprovePullRequests).toBe(1);
    const parsed = parseInventory("connectors/github-acme.json", inventory);
    expect(parsed.ok).toBe(true);
  });
});
