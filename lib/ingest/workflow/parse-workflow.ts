import semver from "semver";
import { actionKey, contextKey, identityKey, packageKey, packageVersionKey, runnerKey, secretKey, systemKey } from "@/lib/graph-keys/refs";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { ParseResult, RepositoryContext, SourceFile } from "@/lib/ingest/types";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import type { YamlParser } from "@/lib/ingest/source/parse-yaml";
import { addEdge, addExposure, addNode, createFactSet, edgesFrom, type ExposureReference, type FactSet } from "./fact-set";
import { keyLine, loadYaml, nodeAt, type LoadedYaml } from "./load-yaml";
import { isRecord } from "./matrix";
import { canMintOidc, githubTokenPrivilege, permissionScopes } from "./permissions";
import { readJob, referencesUnder, type ActionUse, type InstallStep, type JobModel, type WorkflowScope } from "./read-job";
import { runnerName } from "./runners";
import { BUILTIN_TOKEN, secretTypeOf } from "./secret-references";
import { onValueOf, workflowTriggers } from "./triggers";

// GitHub Actions workflow → one graph document: a context per job, its GITHUB_TOKEN (secret,
// identity, access to the organisation's source control), the repository secrets it can read and
// how (EXPOSES with an exposure level), the persistent runners it shares, and the third-party
// actions it runs. Pure: text in, facts or errors out; never throws.

const MAX_NAME = 500;
const MAX_DIRECT_RUNNER_PEERS = 50;

export function parseWorkflow(file: SourceFile, repository: RepositoryContext, parse?: YamlParser): ParseResult {
  try {
    return readWorkflow(file, repository, parse);
  } catch (error) {
    // Deeply nested input can exhaust the stack inside the YAML library; report, never throw.
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, errors: [{ file: file.path, message: `could not read the workflow: ${reason}` }] };
  }
}

/** "Any YAML with a top-level `on` and `jobs`": text, or a document already parsed (by any YAML version). */
export function isWorkflow(input: string | unknown): boolean {
  try {
    let value: unknown = input;
    if (typeof input === "string") {
      const loaded = loadYaml({ path: "", content: input });
      if (!loaded.ok) return false;
      value = loaded.yaml.value;
    }
    return isRecord(value) && onValueOf(value) !== undefined && isRecord(value.jobs);
  } catch {
    return false;
  }
}

function readWorkflow(file: SourceFile, repository: RepositoryContext, parse?: YamlParser): ParseResult {
  const loaded = loadYaml(file, parse);
  if (!loaded.ok) return loaded;
  const yaml = loaded.yaml;
  const root = yaml.value;
  const fail = (message: string, line: number | null = 1): ParseResult => ({ ok: false, errors: [{ file: file.path, line: line ?? 1, message }] });
  if (!isRecord(root)) return fail("a workflow must be a YAML mapping with `on` and `jobs`");
  const on = onValueOf(root);
  if (on === undefined) return fail("missing `on`: a workflow must name the events that trigger it");
  if (!isRecord(root.jobs)) return fail("`jobs` must be a mapping of job ids to jobs", keyLine(yaml, [], "jobs"));
  if (Object.keys(root.jobs).length === 0) return fail("`jobs` is empty: a workflow needs at least one job", keyLine(yaml, [], "jobs"));

  const repo = repository.repo ?? "local";
  const scope: WorkflowScope = {
    yaml,
    repository,
    triggers: workflowTriggers(on),
    env: isRecord(root.env) ? root.env : {},
    permissions: { present: "permissions" in root, value: root.permissions },
    workingDirectory:
      isRecord(root.defaults) && isRecord(root.defaults.run) && typeof root.defaults.run["working-directory"] === "string"
        ? root.defaults.run["working-directory"]
        : null,
  };
  const jobs: JobModel[] = [];
  const errors: TFileProblem[] = [];
  for (const [id, raw] of Object.entries(root.jobs)) {
    const result = readJob(scope, id, raw);
    if (result.ok) jobs.push(result.job);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) return { ok: false, errors };

  const workflow: WorkflowFacts = {
    repository,
    repo,
    owner: repo.split("/")[0],
    path: file.path,
    fileName: file.path.split(/[\\/]/).pop() || file.path,
    name: typeof root.name === "string" ? root.name : null,
    triggers: scope.triggers,
    workflowRuns: workflowRunNames(on),
    callerSecrets: callerSecretNames(yaml),
  };
  const facts = createFactSet();
  addNode(facts, {
    kind: "system",
    key: systemKey(`github:${workflow.owner}`),
    name: truncate(`GitHub organisation ${workflow.owner}`),
    attrs: { systemKind: "sourceControl", criticality: "high", owner: workflow.owner },
    // a workflow only mentions its organisation: an inventory's criticality must survive re-imports
    reference: true,
  });
  const runnerMembers = new Map<string, string[]>();
  for (const job of jobs) {
    const context = emitJob(facts, workflow, job);
    for (const runner of context.runners) runnerMembers.set(runner, [...(runnerMembers.get(runner) ?? []), context.key]);
  }
  emitRunnerExposures(facts, runnerMembers);
  markUntrusted(facts, workflow, jobs);

  const document: TGraphDocument = {
    key: `workflow:${repo}:${file.path}`,
    format: "workflow",
    nodes: [...facts.nodes.values()],
    edges: [...facts.edges.values()],
  };
  return { ok: true, documents: [document] };
}

interface WorkflowFacts {
  repository: RepositoryContext;
  /** owner/name, or "local" for a file outside any known repository */
  repo: string;
  owner: string;
  path: string;
  fileName: string;
  name: string | null;
  triggers: string[];
  /** `on.workflow_run.workflows`: the workflows whose completion starts this one */
  workflowRuns: string[];
  /** secrets the workflow names anywhere: what `secrets: inherit` hands a reusable workflow, at least */
  callerSecrets: string[];
}

function emitJob(facts: FactSet, workflow: WorkflowFacts, job: JobModel): { key: string; runners: string[] } {
  const key = contextKey(workflow.repo, workflow.fileName, job.id);
  const runnerLabels = [...new Set(job.placements.flatMap((placement) => placement.labels))];
  addNode(facts, {
    kind: "context",
    key,
    name: truncate(`${workflow.repo}/${workflow.fileName}/${job.id}`),
    attrs: {
      contextKind: "ciJob",
      repo: workflow.repository.repo,
      workflow: workflow.path,
      workflowName: workflow.name,
      job: job.id,
      triggers: workflow.triggers,
      tokenPermissions: job.permissions,
      canMintOidc: canMintOidc(job.permissions),
      ignoresScripts: job.installSteps.length > 0 && job.installSteps.every((step) => step.ignoreScripts),
      installSteps: job.installSteps.map(({ line, command, manager, ignoreScripts, installs, directory, packages, step, secrets, file }) => ({
        line,
        command,
        manager,
        ignoreScripts,
        installs,
        directory,
        ...(installs === "fresh" ? { packages } : {}),
        step,
        secrets,
        // lines of steps spliced in from a local composite action point into the action file
        ...(file ? { file } : {}),
      })),
      publishSteps: job.publishSteps.map(({ file, ...publish }) => ({ ...publish, ...(file ? { file } : {}) })),
      containerImages: job.containerImages,
      workflowRuns: workflow.workflowRuns,
      calls: job.reusable ? [job.reusable.uses] : [],
      untrustedCode: job.untrusted !== null,
      environment: job.environment,
      runnerLabels,
      file: workflow.path,
      line: job.line,
    },
  });

  const calls: Record<string, string> = job.reusable ? { calls: job.reusable.uses } : {};
  const token = emitGithubToken(facts, workflow, job, key, calls);
  for (const use of job.secretUses) {
    const secret = use.name === BUILTIN_TOKEN ? token : emitRepositorySecret(facts, workflow, use.name);
    addExposure(facts, key, secret, { via: use.via, line: use.line, step: use.step, exposure: use.exposure }, calls);
  }
  if (job.reusable?.inheritsAllSecrets) {
    for (const name of workflow.callerSecrets) {
      const secret = emitRepositorySecret(facts, workflow, name);
      addExposure(
        facts,
        key,
        secret,
        { via: "reusable-workflow", line: job.reusable.line, step: null, exposure: "job" },
        { ...calls, inheritsAllSecrets: true },
      );
    }
  }
  emitActions(facts, workflow, job, key);
  emitFreshResolves(facts, job, key);

  const runners: string[] = [];
  for (const placement of job.placements) {
    if (placement.hosting !== "selfHosted") continue;
    const runner = runnerKey(runnerName(workflow.owner, placement));
    addNode(facts, {
      kind: "runner",
      key: runner,
      name: truncate(runnerName(workflow.owner, placement)),
      // Shared is the safe default: a self-hosted runner registered to a repository or organisation
      // serves every workflow there; the orchestrator can refine it with the whole import in view.
      attrs: { hosting: "selfHosted", persistent: true, shared: true, labels: placement.labels, group: placement.group },
      reference: true,
    });
    // a label GitHub does not host may be a self-hosted runner or an organisation's larger runner
    const unknown = placement.labelUnknown ? { labelUnknown: true, labelUnknownReason: placement.labelUnknown } : {};
    addEdge(facts, { kind: "RUNS_ON", from: key, to: runner, attributes: { labels: placement.labels, line: job.line, ...unknown } });
    runners.push(runner);
  }
  return { key, runners };
}

/**
 * Every job gets its own GITHUB_TOKEN. actions/checkout persists it in .git/config by default and
 * the runner worker keeps it in memory, so install-time code in the job can read it.
 */
function emitGithubToken(facts: FactSet, workflow: WorkflowFacts, job: JobModel, context: string, calls: Record<string, string>): string {
  const where = `${workflow.fileName}/${job.id}`;
  const secret = secretKey(workflow.repo, `${BUILTIN_TOKEN}@${where}`);
  const identity = identityKey(`github-token:${workflow.repo}/${where}`);
  addNode(facts, {
    kind: "secret",
    key: secret,
    name: truncate(`GITHUB_TOKEN of ${workflow.repo}/${where}`),
    attrs: { secretName: BUILTIN_TOKEN, secretType: "github-token", storedIn: "ciSecret", location: workflow.repo },
  });
  addNode(facts, {
    kind: "identity",
    key: identity,
    name: truncate(`GITHUB_TOKEN of ${workflow.repo}/${where}`),
    attrs: { identityKind: "githubToken", lifetime: "shortLived", scopes: permissionScopes(job.permissions), owner: null, provider: "github" },
  });
  addEdge(facts, { kind: "AUTHENTICATES_AS", from: secret, to: identity });
  const { privilege, assumed } = githubTokenPrivilege(job.permissions);
  addEdge(facts, {
    kind: "CAN_ACCESS",
    from: identity,
    to: systemKey(`github:${workflow.owner}`),
    privilege,
    attributes: assumed ? { assumed: true, reason: "no permissions block: the repository default applies" } : { scopes: permissionScopes(job.permissions) },
  });
  // A job that calls a reusable workflow hands the callee's jobs a token capped by its permissions.
  addExposure(facts, context, secret, { via: BUILTIN_TOKEN, line: job.line, step: null, exposure: job.runsInstallScripts ? "install" : "job" }, calls);
  return secret;
}

function emitRepositorySecret(facts: FactSet, workflow: WorkflowFacts, name: string): string {
  const key = secretKey(workflow.repo, name);
  addNode(facts, {
    kind: "secret",
    key,
    name: truncate(name),
    attrs: { secretName: name, secretType: secretTypeOf(name), storedIn: "ciSecret", location: workflow.repo },
    // the workflow names the secret; an inventory describes it (type, fingerprint, rotation)
    reference: true,
  });
  return key;
}

function emitActions(facts: FactSet, workflow: WorkflowFacts, job: JobModel, context: string): void {
  const bySlug = new Map<string, ActionUse[]>();
  for (const use of job.actions) {
    // A reusable workflow from this same repository is the repository's own code, not a third
    // party; its jobs are parsed from their own file (the call is kept on the exposures as `calls`).
    if (use.target.reusableWorkflow && use.target.slug.toLowerCase() === workflow.repo.toLowerCase()) continue;
    bySlug.set(use.target.slug, [...(bySlug.get(use.target.slug) ?? []), use]);
  }
  for (const [slug, uses] of bySlug) {
    const key = actionKey(slug);
    const { owner, repo } = uses[0].target;
    addNode(facts, { kind: "action", key, name: truncate(slug), attrs: { slug, owner, repo } });
    // The least safely pinned use speaks for the edge: one tag-pinned use is enough to be hijacked,
    // so the edge is pinned only when every use (composite actions' included) is a full SHA.
    const weakest = uses.find((use) => !use.target.pinned) ?? uses[0];
    const reusable = job.reusable && weakest.target.reusableWorkflow ? { reusableWorkflow: true, inheritsAllSecrets: job.reusable.inheritsAllSecrets } : {};
    const distinct = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
    addEdge(facts, {
      kind: "USED_IN",
      from: key,
      to: context,
      attributes: {
        uses: weakest.uses,
        ref: weakest.target.ref,
        pinned: uses.every((use) => use.target.pinned),
        shas: distinct(uses.map((use) => (use.target.pinned ? use.target.ref : null))),
        refs: distinct(uses.map((use) => use.target.ref)),
        firstParty: weakest.target.firstParty,
        line: weakest.line,
        ...(weakest.via ? { via: weakest.via, file: weakest.file } : {}),
        ...reusable,
        ...(uses.length > 1 ? { occurrences: uses.map(occurrence) } : {}),
      },
    });
  }
}

const occurrence = (use: ActionUse) => ({
  uses: use.uses,
  ref: use.target.ref,
  pinned: use.target.pinned,
  line: use.line,
  ...(use.via ? { via: use.via, file: use.file } : {}),
});

/**
 * A fresh resolve (`npx vercel@latest`, `npm i -g pnpm@8.15.7`) installs that package in the job
 * whatever any lockfile says. An exact version links that version; a range or `latest` links the
 * package, since whatever version the registry serves that day is what runs. `runs` says the
 * package's own code runs in the step with its environment (npx, dlx): its install scripts do not
 * matter then.
 */
function emitFreshResolves(facts: FactSet, job: JobModel, context: string): void {
  // npx resolves a bare name to the project's own bin when an earlier install put it there
  const lockfileDirectories = new Set<string>();
  for (const install of job.installSteps) {
    if (install.installs === "lockfile") lockfileDirectories.add(install.directory);
    if (install.installs !== "fresh") continue;
    for (const requested of install.packages) {
      const pkg = packageKey("npm", requested.name);
      addNode(facts, {
        kind: "package",
        key: pkg,
        name: truncate(requested.name),
        attrs: { ecosystem: "npm", name: requested.name, purl: pkg },
        reference: true,
      });
      const version = semver.valid(requested.spec);
      let from = pkg;
      if (version) {
        from = packageVersionKey("npm", requested.name, version);
        addNode(facts, {
          kind: "packageVersion",
          key: from,
          name: truncate(`${requested.name}@${version}`),
          attrs: { packageKey: pkg, version, purl: from },
          reference: true,
        });
        addEdge(facts, { kind: "VERSION_OF", from, to: pkg });
      }
      mergeInstalledIn(
        facts,
        from,
        context,
        install,
        requested.spec,
        install.runs && !install.command.includes(`${requested.name}@`) && lockfileDirectories.has(install.directory),
      );
    }
  }
}

function mergeInstalledIn(facts: FactSet, from: string, context: string, install: InstallStep, spec: string, mayResolveLocally: boolean): void {
  const attributes: Record<string, unknown> = {
    resolve: "fresh",
    spec,
    command: install.command,
    line: install.line,
    runs: install.runs,
    step: install.step,
    ...(install.file ? { file: install.file } : {}),
    ...(install.ignoreScripts && !install.runs ? { ignoreScripts: true } : {}),
    ...(mayResolveLocally ? { mayResolveLocally: true } : {}),
  };
  const edge = addEdge(facts, { kind: "INSTALLED_IN", from, to: context, attributes });
  if (edge.attributes === attributes) return;
  // the same package resolved by several steps: the most dangerous use speaks for the edge
  const existing = edge.attributes ?? (edge.attributes = {});
  if (install.runs && existing.runs !== true) Object.assign(existing, attributes);
  else if (!attributes.ignoreScripts) delete existing.ignoreScripts;
  if (!mayResolveLocally) delete existing.mayResolveLocally;
}

/**
 * Code planted on a persistent runner by one job reads the secrets of every later job there: the
 * runner exposes each of them, and each job on it reaches the others' secrets at "runner" level.
 */
function emitRunnerExposures(facts: FactSet, runnerMembers: Map<string, string[]>): void {
  const secretsOf = new Map<string, { secret: string; line: number | null }[]>();
  for (const contexts of runnerMembers.values()) {
    for (const context of contexts) {
      if (secretsOf.has(context)) continue;
      secretsOf.set(
        context,
        edgesFrom(facts, "EXPOSES", context).map((edge) => ({ secret: edge.to, line: (edge.attributes?.line as number | null) ?? null })),
      );
    }
  }
  for (const [runner, contexts] of runnerMembers) {
    // The path job → RUNS_ON → runner → EXPOSES already carries this; the direct job-to-job edges
    // make it visible on each job, but grow with the square of the jobs, so a runner with very
    // many jobs in one file keeps only the path.
    const direct = contexts.length <= MAX_DIRECT_RUNNER_PEERS;
    for (const owner of contexts) {
      for (const { secret, line } of secretsOf.get(owner) ?? []) {
        const reference: ExposureReference = { via: "runner", line, step: null, exposure: "runner", job: owner };
        addExposure(facts, runner, secret, reference);
        if (direct) for (const other of contexts) if (other !== owner) addExposure(facts, other, secret, { ...reference, runner });
      }
    }
  }
}

/** Pull-request-controlled code runs in these jobs: say so on the job and on every secret it reaches. */
function markUntrusted(facts: FactSet, workflow: WorkflowFacts, jobs: JobModel[]): void {
  for (const job of jobs) {
    if (!job.untrusted) continue;
    for (const edge of edgesFrom(facts, "EXPOSES", contextKey(workflow.repo, workflow.fileName, job.id))) {
      Object.assign(edge.attributes ?? (edge.attributes = {}), {
        untrusted: true,
        untrustedTrigger: job.untrusted.trigger,
        untrustedLine: job.untrusted.line,
        untrustedReason: job.untrusted.reason,
      });
    }
  }
}

function workflowRunNames(on: unknown): string[] {
  if (!isRecord(on) || !isRecord(on.workflow_run)) return [];
  const names = on.workflow_run.workflows;
  return (Array.isArray(names) ? names : [names]).filter((name): name is string => typeof name === "string");
}

function callerSecretNames(yaml: LoadedYaml): string[] {
  const names = referencesUnder(yaml, nodeAt(yaml, [])).map((reference) => reference.name);
  return [...new Set(names)].filter((name) => name !== BUILTIN_TOKEN).sort();
}

const truncate = (text: string) => (text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text) || "unnamed";
