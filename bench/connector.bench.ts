// npm run bench -- connector [--repos 300]
//
// The GitHub connector after collection: a generated organisation of N repositories (the import
// bench's checkouts, each with repository and environment secrets and a deploy key, plus
// organisation secrets and runner groups) through the pure mapping (lib/ingest/connectors/github),
// then the runner (snapshot, diff, one-transaction import, ConnectorRun and Blastmap's own token
// document) on PGlite in memory: a first sync, and a re-run that must change nothing. The API
// itself is not measured: its answers are GitHub's speed, not Blastmap's.
import type { Connector } from "@/lib/connectors/connector";
import { createPrismaClient } from "@/lib/db";
import { migrate } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { githubOrgSources } from "@/lib/ingest/connectors/github/github-org-sources";
import type { GithubOrgCollection, GithubRepositoryCollection } from "@/lib/schemas/connectors/github";
import { runConnector } from "@/lib/services/connectors/run-connector";
import { numberOption, round } from "./bench-kit";
import { generateOrganisationFiles } from "./import.bench";

const dates = { created_at: "2025-01-01T00:00:00Z", updated_at: "2025-06-01T00:00:00Z" };

function generateCollection(repos: number): GithubOrgCollection {
  const repositories: GithubRepositoryCollection[] = generateOrganisationFiles(repos).map((files, i) => {
    const name = files[0].path.split("/")[0];
    return {
      repository: { name, full_name: `acme/${name}`, owner: { login: "acme" }, archived: false, fork: false, default_branch: "main", private: i % 3 === 0 },
      workflowPermissions: { default_workflow_permissions: i % 4 === 0 ? "write" : "read", can_approve_pull_request_reviews: false },
      secrets: [{ name: "CODECOV_TOKEN", ...dates }],
      environments: i % 2 === 0 ? [{ name: "production", secrets: [{ name: "DEPLOY_TOKEN", ...dates }] }] : [],
      deployKeys: [{ id: 1000 + i, title: "deploy", read_only: i % 2 === 1, created_at: dates.created_at, last_used: null }],
      files: files.map((file) => ({ path: file.path.slice(name.length + 1), content: file.content })),
      treeTruncated: false,
    };
  });
  return {
    org: "acme",
    apiUrl: "https://api.github.com",
    workflowPermissions: { default_workflow_permissions: "read", can_approve_pull_request_reviews: false },
    orgSecrets: [
      { secret: { name: "NPM_TOKEN", visibility: "private", ...dates }, repositories: null },
      { secret: { name: "SLACK_WEBHOOK_URL", visibility: "all", ...dates }, repositories: null },
    ],
    runnerGroups: [
      {
        group: { id: 1, name: "Default", visibility: "all", default: true, allows_public_repositories: false },
        repositories: null,
        runners: [1, 2, 3].map((id) => ({
          id,
          name: `build-${id}`,
          os: "linux",
          status: "online",
          ephemeral: false,
          labels: ["self-hosted", "linux", "build"].map((label) => ({ name: label })),
        })),
      },
    ],
    installations: [],
    fineGrainedTokens: [],
    repositories,
  };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const repos = numberOption(args, "repos", 300);
  const collection = generateCollection(repos);

  const mapStarted = performance.now();
  const mapped = githubOrgSources(collection);
  const mapSeconds = (performance.now() - mapStarted) / 1000;
  console.log(
    `mapping: ${repos} repositories → ${mapped.sources.length} files (${mapped.counts.repositorySecrets + mapped.counts.environmentSecrets} secrets set) in ${mapSeconds.toFixed(3)} s`,
  );

  const connector: Connector = { kind: "github", target: "acme", collect: async () => mapped };
  const connection = await openDatabase({ kind: "pglite", dataDir: ":memory:" });
  await migrate(connection);
  const db = createPrismaClient(connection);
  try {
    const timed = async () => {
      const started = performance.now();
      const result = await runConnector(db, connector, { actor: "bench", auditActor: { kind: "system", name: "bench" } });
      if (!result.ok) throw new Error(`bench sync failed: ${result.message}`);
      return { seconds: (performance.now() - started) / 1000, result };
    };
    const first = await timed();
    console.log(`first sync (pglite): ${first.seconds.toFixed(2)} s, ${first.result.outcome}; ${first.result.message}`);
    const again = await timed();
    console.log(`re-run (pglite): ${again.seconds.toFixed(2)} s, ${again.result.outcome}`);
    if (again.result.outcome !== "unchanged") throw new Error(`a re-run changed something: ${again.result.message}`);
    return {
      repositories: repos,
      files: mapped.sources.length,
      mappingSeconds: round(mapSeconds, 3),
      pglite: { firstSyncSeconds: round(first.seconds, 2), rerunSeconds: round(again.seconds, 2) },
    };
  } finally {
    await db.$disconnect();
    await connection.close();
  }
}
