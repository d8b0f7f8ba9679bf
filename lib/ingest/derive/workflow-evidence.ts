import { identityKey, packageKey } from "@/lib/graph-keys/refs";
import type { TEdgeFact, TGraphDocument, TNodeFact, TPublishStep } from "@/lib/schemas/graph-facts";

// What a repository's workflows say about each other and about its packages, once every file of
// the import is parsed (one workflow file alone cannot see the others, nor package.json):
//  - CAN_PUBLISH from a publish step: the secrets handed to `npm publish` (NODE_AUTH_TOKEN …) can
//    publish the packages of its directory — every public workspace package when it publishes
//    recursively (changesets, `pnpm publish -r`). With `id-token: write` the job itself can
//    publish through trusted publishing, so code running earlier in that job can too. Today a
//    worm stops at such a token unless someone hand-writes the inventory; the workflow is the
//    evidence.
//  - TRIGGERS from a job's GITHUB_TOKEN to the jobs it can start: `actions: write` dispatches
//    `workflow_dispatch` workflows, `contents: write` sends `repository_dispatch`. A job with no
//    `permissions:` block gets the repository default, which a workflow file does not show: write
//    is assumed (a blast radius must not miss a write token) and the edge says so. Pushes made
//    with GITHUB_TOKEN start no workflow (GitHub's rule), so `push` is not derived from it.
//  - TRIGGERS from a job to the jobs a `workflow_run` workflow runs after it (they often download
//    its artifacts with secrets in scope), and to the jobs of a local reusable workflow it calls.
// This is the s1ngularity chain: PR-title injection → write token → publish workflow → NPM_TOKEN.

export interface PackageManifest {
  repo: string | null;
  /** the package.json's directory inside its repository, "" for the root */
  directory: string;
  name: string | null;
  private: boolean;
  workspaces: string[];
}

type ContextFact = Extract<TNodeFact, { kind: "context" }>;

interface Job {
  fact: ContextFact;
  /** the batch document holding the job, or null for a job already stored (imported earlier) */
  document: TGraphDocument | null;
  fileName: string;
}

/** A job imported earlier, as the importer reads it back (the attributes the trigger rules need). */
export interface StoredJob {
  key: string;
  repo: string;
  workflow: string | null;
  workflowName: string | null;
  job: string | null;
  triggers: string[];
  workflowRuns: string[];
  calls: string[];
  tokenPermissions: Record<string, string> | null;
  file: string | null;
  line: number | null;
}

const normalise = (directory: string) => directory.replace(/^\.\/?/, "").replace(/\/+$/, "");

function globToRegExp(glob: string): RegExp {
  const pattern = normalise(glob)
    .split("/")
    .map((part) => (part === "**" ? ".*" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")))
    .join("/");
  return new RegExp(`^${pattern}$`);
}

/** The packages a publish step publishes, by name. */
export function publishedPackages(step: TPublishStep, manifests: PackageManifest[]): string[] {
  const byDirectory = new Map(manifests.map((manifest) => [normalise(manifest.directory), manifest]));
  const directory = normalise(step.directory);
  const here = byDirectory.get(directory);
  const publishable = (manifest: PackageManifest | undefined) => (manifest && manifest.name && !manifest.private ? [manifest.name] : []);
  const members = (root: PackageManifest) => {
    const globs = root.workspaces.map(globToRegExp);
    const base = normalise(root.directory);
    return manifests.filter((manifest) => {
      const dir = normalise(manifest.directory);
      if (dir === base) return false;
      const relative = base ? (dir.startsWith(`${base}/`) ? dir.slice(base.length + 1) : null) : dir;
      return relative !== null && globs.some((glob) => glob.test(relative));
    });
  };
  if (step.recursive || (here?.private && here.workspaces.length)) {
    const root = here ?? byDirectory.get("");
    if (!root) return [];
    const workspace = root.workspaces.length ? members(root) : [];
    return [...new Set([...publishable(root), ...workspace.flatMap(publishable)])].sort();
  }
  return publishable(here);
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function jobsByRepository(documents: TGraphDocument[]): Map<string, Job[]> {
  const jobs: Job[] = [];
  for (const document of documents) {
    if (document.format !== "workflow") continue;
    for (const fact of document.nodes) {
      if (fact.kind !== "context" || !fact.attrs.repo) continue;
      jobs.push({ fact: fact as ContextFact, document, fileName: (fact.attrs.workflow ?? "").split("/").pop() ?? "" });
    }
  }
  return groupBy(jobs, (job) => job.fact.attrs.repo!);
}

function addEdge(document: TGraphDocument, edge: TEdgeFact): void {
  if (!document.edges.some((e) => e.kind === edge.kind && e.from === edge.from && e.to === edge.to)) document.edges.push(edge);
}

function addPackage(document: TGraphDocument, name: string): string {
  const key = packageKey("npm", name);
  if (!document.nodes.some((node) => node.key === key)) {
    document.nodes.push({ kind: "package", key, name, attrs: { ecosystem: "npm", name, purl: key }, reference: true });
  }
  return key;
}

function derivePublishRights(job: Job & { document: TGraphDocument }, manifests: PackageManifest[]): void {
  const { fact, document } = job;
  const repo = fact.attrs.repo!;
  const installsWithScripts = (fact.attrs.installSteps ?? []).some((step) => !step.ignoreScripts);
  for (const step of fact.attrs.publishSteps ?? []) {
    const names = publishedPackages(step, manifests);
    const evidence = { evidence: "publish step", file: fact.attrs.file ?? null, line: step.line, command: step.command };
    for (const name of names) {
      const pkg = addPackage(document, name);
      for (const secret of step.secrets) {
        const key = `secret:${repo}:${secret}`;
        if (!document.nodes.some((node) => node.key === key)) continue;
        addEdge(document, { kind: "CAN_PUBLISH", from: key, to: pkg, attributes: { ...evidence, job: fact.key } });
      }
      if (step.trustedPublishing) {
        addEdge(document, {
          kind: "CAN_PUBLISH",
          from: fact.key,
          to: pkg,
          exposure: installsWithScripts ? "install" : "job",
          attributes: {
            ...evidence,
            trustedPublishing: true,
            provenance: step.provenance,
            reason: "the job can mint an OIDC token (id-token: write) and publishes: code running earlier in the job can publish too",
          },
        });
      }
    }
  }
}

const writes = (permissions: Record<string, string> | null | undefined, scope: string) => permissions?.[scope] === "write";

function deriveTriggers(jobs: Job[]): void {
  for (const source of jobs) {
    const { fact, fileName } = source;
    const repo = fact.attrs.repo!;
    const permissions = fact.attrs.tokenPermissions ?? null;
    const assumed = permissions === null;
    const token = identityKey(`github-token:${repo}/${fileName}/${fact.attrs.job}`);
    // every job has its own token; a stored job's was stored with it
    const hasToken = source.document === null || source.document.nodes.some((node) => node.key === token);
    const dispatch = assumed || writes(permissions, "actions");
    const repositoryDispatch = assumed || writes(permissions, "contents");
    for (const target of jobs) {
      if (target.fact.key === fact.key) continue;
      // an edge lives in the batch document of its source job, else of its target (a stored job's
      // own document is not being rewritten); between two stored jobs it is already stored
      const document = source.document ?? target.document;
      if (document === null) continue;
      const triggers = target.fact.attrs.triggers ?? [];
      const on =
        triggers.includes("workflow_dispatch") && dispatch
          ? "workflow_dispatch"
          : triggers.includes("repository_dispatch") && repositoryDispatch
            ? "repository_dispatch"
            : null;
      if (hasToken && on && target.fileName !== fileName) {
        addEdge(document, {
          kind: "TRIGGERS",
          from: token,
          to: target.fact.key,
          attributes: {
            repo,
            trigger: on,
            file: fact.attrs.file ?? null,
            line: fact.attrs.line ?? null,
            ...(assumed ? { assumed: true, reason: "no permissions block: the repository's default token is assumed to have write access" } : {}),
          },
        });
      }
      const runsAfter = (target.fact.attrs.workflowRuns ?? []).some((name) => name === fact.attrs.workflowName || name === fileName);
      if (runsAfter && triggers.includes("workflow_run")) {
        addEdge(document, {
          kind: "TRIGGERS",
          from: fact.key,
          to: target.fact.key,
          exposure: "job",
          attributes: { repo, trigger: "workflow_run", workflow: fact.attrs.workflowName ?? fileName },
        });
      }
      const calls = (fact.attrs.calls ?? []).map((uses) => normalise(uses.replace(/@.*$/, "")));
      if (calls.includes(normalise(target.fact.attrs.workflow ?? ""))) {
        addEdge(document, {
          kind: "TRIGGERS",
          from: fact.key,
          to: target.fact.key,
          exposure: "job",
          attributes: { repo, trigger: "workflow_call", calls: target.fact.attrs.workflow },
        });
      }
    }
  }
}

/** Adds the derived edges to the workflow documents of the batch (in place). */
export function deriveWorkflowEvidence(documents: TGraphDocument[], manifests: PackageManifest[]): void {
  // grouped once: filtering every manifest for each repository was quadratic in an organisation
  const manifestsByRepo = groupBy(manifests, (manifest) => manifest.repo);
  for (const [repo, jobs] of jobsByRepository(documents)) {
    const repoManifests = manifestsByRepo.get(repo) ?? [];
    for (const job of jobs) if (job.document) derivePublishRights(job as Job & { document: TGraphDocument }, repoManifests);
    deriveTriggers(jobs);
  }
}

/** The repositories whose workflows the batch brings: their stored jobs are wanted for triggers. */
export function workflowRepositories(documents: TGraphDocument[]): string[] {
  return [...jobsByRepository(documents).keys()];
}

/**
 * Triggers between the batch's jobs and jobs of the same repositories imported earlier (one
 * changed workflow file imported alone must still dispatch, and be dispatched by, the others).
 */
export function deriveTriggersWithStored(documents: TGraphDocument[], stored: StoredJob[]): void {
  const batch = jobsByRepository(documents);
  const storedByRepo = groupBy(stored, (job) => job.repo);
  for (const [repo, jobs] of batch) {
    const inBatch = new Set(jobs.map((job) => job.fact.key));
    const earlier: Job[] = (storedByRepo.get(repo) ?? [])
      .filter((job) => !inBatch.has(job.key))
      .map((job) => ({
        document: null,
        fileName: (job.workflow ?? "").split("/").pop() ?? "",
        fact: {
          kind: "context",
          key: job.key,
          name: job.key,
          attrs: {
            contextKind: "ciJob",
            repo: job.repo,
            workflow: job.workflow,
            workflowName: job.workflowName,
            job: job.job,
            triggers: job.triggers,
            workflowRuns: job.workflowRuns,
            calls: job.calls,
            tokenPermissions: job.tokenPermissions,
            file: job.file,
            line: job.line,
          },
        },
      }));
    if (earlier.length) deriveTriggers([...jobs, ...earlier]);
  }
}
