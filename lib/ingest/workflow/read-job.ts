import { isMap, isPair, isScalar } from "yaml";
import type { TExposure, TPublishStep } from "@/lib/schemas/graph-facts";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { RepositoryContext } from "@/lib/ingest/types";
import { parseUses, type UsesTarget } from "./actions";
import { joinDirectory } from "./directories";
import { findInstallCommands, type PackageManager, type RequestedPackage } from "./install-steps";
import { jobSteps, stepLabel, type JobStep } from "./job-steps";
import { keyLine, lineAt, lineAtOffset, lineOfNode, nodeAt, rawScalar, scalarsUnder, type LoadedYaml } from "./load-yaml";
import { isRecord, matrixExpansions } from "./matrix";
import { canMintOidc, tokenPermissionsInForce, type PermissionsBlock, type TokenPermissions } from "./permissions";
import { findPublishCommands, npmrcTokenSecrets, provenanceByEnv, publishByAction, registryTokenSecrets, secretNamesIn } from "./publish-steps";
import { resolveRunsOn, type RunnerPlacement } from "./runners";
import { findSecretReferences } from "./secret-references";
import { stepWith, untrustedCodeIn, type StepView, type UntrustedCode } from "./untrusted-triggers";

// Reads one job into the facts the parser emits: where it runs, its token, its installs and
// publishes, and every secret it can see with the exposure level (the Exposure enum in
// prisma/schema.prisma):
//  - install: in the environment of a step that runs package code while it installs — a lockfile
//    or global install with lifecycle scripts on, or `npx`/`dlx`, which runs the fetched package
//    itself (workflow env, job env, or that step's own env) — that code reads it directly;
//  - job: anywhere else in the job — code planted at install time, or a compromised action, can
//    still reach it before the job ends (the runner worker holds every secret of the job in memory,
//    which is how the tj-actions/changed-files payload dumped them).
// An install with lifecycle scripts ignored (`--ignore-scripts`, npm_config_ignore_scripts, a
// checked-in .npmrc) does not make its environment "install": no package code runs during that
// step. The packages' own code still runs later (build, test), so the secrets stay "job".
// Steps of local composite actions count as steps of the job that calls them (job-steps.ts).

export type Via = "workflow-env" | "job-env" | "step-env" | "with" | "run" | "reusable-workflow" | "container";

export interface SecretUse {
  name: string;
  line: number | null;
  via: Via;
  step: string | null;
  exposure: TExposure;
}

export interface InstallStep {
  line: number | null;
  command: string;
  manager: PackageManager;
  ignoreScripts: boolean;
  /** the lockfile of `directory`, or exactly `packages` resolved from the registry */
  installs: "lockfile" | "fresh";
  directory: string;
  packages: RequestedPackage[];
  /** the fetched package's own code runs in the step (npx, dlx, exec, bunx) */
  runs: boolean;
  step: string;
  /** secrets in the step's environment, sorted */
  secrets: string[];
  /** the local action file the command is written in; null for the workflow */
  file: string | null;
  stepIndex: number;
}

export interface PublishStep extends TPublishStep {
  file: string | null;
}

export interface ActionUse {
  target: Extract<UsesTarget, { kind: "remote" }>;
  uses: string;
  line: number | null;
  /** the local composite action it is used through, as `./<directory>` */
  via: string | null;
  file: string | null;
}

export interface ReusableCall {
  uses: string;
  target: UsesTarget;
  line: number | null;
  inheritsAllSecrets: boolean;
}

export interface JobModel {
  id: string;
  line: number | null;
  name: string | null;
  environment: string | null;
  permissions: TokenPermissions | null;
  placements: RunnerPlacement[];
  installSteps: InstallStep[];
  /** a step runs package code while it installs (lifecycle scripts on, or npx/dlx) */
  runsInstallScripts: boolean;
  publishSteps: PublishStep[];
  containerImages: string[];
  secretUses: SecretUse[];
  actions: ActionUse[];
  reusable: ReusableCall | null;
  untrusted: UntrustedCode | null;
}

export interface WorkflowScope {
  yaml: LoadedYaml;
  repository: RepositoryContext;
  triggers: string[];
  env: Record<string, unknown>;
  permissions: PermissionsBlock;
  /** `defaults.run.working-directory` of the workflow */
  workingDirectory: string | null;
}

const MAX_INSTALL_STEPS = 200;
const MAX_PUBLISH_STEPS = 100;

type JobResult = { ok: true; job: JobModel } | { ok: false; errors: TFileProblem[] };

export function readJob(scope: WorkflowScope, id: string, raw: unknown): JobResult {
  const { yaml } = scope;
  const path = ["jobs", id];
  const line = keyLine(yaml, ["jobs"], id);
  const fail = (message: string, at: number | null = line): JobResult => ({
    ok: false,
    errors: [{ file: yaml.file.path, line: at ?? undefined, message }],
  });
  if (!isRecord(raw)) return fail(`job "${id}" must be a mapping`);
  if (raw.steps !== undefined && !Array.isArray(raw.steps)) return fail(`jobs.${id}.steps must be a list`, lineAt(yaml, [...path, "steps"]) ?? line);
  const stepRecords = (raw.steps ?? []) as unknown[];
  const badStep = stepRecords.findIndex((step) => !isRecord(step));
  if (badStep >= 0) return fail(`jobs.${id}.steps[${badStep}] must be a mapping`, lineAt(yaml, [...path, "steps", badStep]) ?? line);

  const jobEnv = isRecord(raw.env) ? raw.env : {};
  const matrix = isRecord(raw.strategy) ? raw.strategy.matrix : undefined;
  const permissions = tokenPermissionsInForce(scope.permissions, { present: "permissions" in raw, value: raw.permissions });
  const steps = jobSteps({
    yaml,
    repository: scope.repository,
    jobPath: path,
    steps: stepRecords as Record<string, unknown>[],
    env: { ...scope.env, ...jobEnv },
    defaultDirectory: joinDirectory("", workingDirectoryOf(raw.defaults) ?? scope.workingDirectory ?? ""),
  });
  const stepSecrets = secretsByStep(scope, path, stepRecords.length, typeof raw.uses === "string");

  const installSteps = readInstalls(scope, steps, stepSecrets, matrix);
  const scriptInstallSteps = new Set(installSteps.filter((step) => !step.ignoreScripts || step.runs).map((step) => step.stepIndex));
  const runsInstallScripts = scriptInstallSteps.size > 0;

  // Secrets in scope, with how far install-time code reaches them.
  const secretUses: SecretUse[] = [];
  const collect = (nodePath: (string | number)[], via: Via, step: string | null, exposure: TExposure) => {
    for (const reference of referencesUnder(yaml, nodeAt(yaml, nodePath))) secretUses.push({ ...reference, via, step, exposure });
  };
  const wideExposure: TExposure = runsInstallScripts ? "install" : "job";
  // Workflow-level env is not passed to a called reusable workflow (GitHub: "environment variables
  // set in an env context defined at the workflow level in the caller workflow are not propagated").
  if (typeof raw.uses !== "string") collect(["env"], "workflow-env", null, wideExposure);
  collect([...path, "env"], "job-env", null, wideExposure);
  collect([...path, "container"], "container", null, wideExposure);
  collect([...path, "services"], "container", null, "job");
  (stepRecords as Record<string, unknown>[]).forEach((step, index) => {
    const label = stepLabel(step, index);
    const exposure: TExposure = scriptInstallSteps.has(index) ? "install" : "job";
    collect([...path, "steps", index, "env"], "step-env", label, exposure);
    collect([...path, "steps", index, "with"], "with", label, exposure);
    collect([...path, "steps", index, "run"], "run", label, exposure);
  });

  // A job that calls a reusable workflow passes secrets explicitly or all of them (`inherit`).
  let reusable: ReusableCall | null = null;
  if (typeof raw.uses === "string") {
    reusable = { uses: raw.uses.trim(), target: parseUses(raw.uses), line: lineAt(yaml, [...path, "uses"]), inheritsAllSecrets: raw.secrets === "inherit" };
    collect([...path, "secrets"], "reusable-workflow", null, "job");
    collect([...path, "with"], "with", null, "job");
  }

  // Local actions (`./…`, `$/…`) are the repository's own code (their composite steps are spliced
  // in) and `docker://` images have no action node to hang on; only actions from other
  // repositories become nodes.
  const actions: ActionUse[] = [];
  const containerImages = jobContainerImages(raw);
  for (const step of steps) {
    if (typeof step.step.uses !== "string") continue;
    const target = parseUses(step.step.uses);
    if (target.kind === "remote") actions.push({ target, uses: step.step.uses.trim(), line: stepUsesLine(step), via: step.via, file: step.file });
    if (target.kind === "docker" && !containerImages.includes(target.image)) containerImages.push(target.image);
  }
  if (reusable?.target.kind === "remote") actions.push({ target: reusable.target, uses: reusable.uses, line: reusable.line, via: null, file: null });

  const stepViews: StepView[] = (stepRecords as Record<string, unknown>[]).map((step, index) => ({
    uses: typeof step.uses === "string" ? step.uses.trim() : null,
    run: typeof step.run === "string" ? step.run : null,
    with: stepWith(step),
    line: lineAt(yaml, [...path, "steps", index]),
  }));

  return {
    ok: true,
    job: {
      id,
      line,
      name: typeof raw.name === "string" ? raw.name : null,
      environment: environmentName(raw.environment),
      permissions,
      placements: resolveRunsOn(raw["runs-on"], matrix),
      installSteps,
      runsInstallScripts,
      publishSteps: readPublishes(steps, canMintOidc(permissions)),
      containerImages,
      secretUses,
      actions,
      reusable,
      untrusted: untrustedCodeIn(scope.triggers, stepViews),
    },
  };
}

/** Installs, in step order, each with the secrets of its step's environment. */
function readInstalls(scope: WorkflowScope, steps: JobStep[], stepSecrets: string[][], matrix: unknown): InstallStep[] {
  const installSteps: InstallStep[] = [];
  const known = new Set<string>();
  for (const step of steps) {
    const envIgnores = ignoresScriptsByEnv(step.env) || scope.repository.npmrcIgnoresScripts;
    const common = { step: step.label, secrets: stepSecrets[step.index] ?? [], file: step.file, stepIndex: step.index };
    const add = (install: Omit<InstallStep, "step" | "secrets" | "file" | "stepIndex">) => {
      const entry: InstallStep = { ...install, ignoreScripts: install.ignoreScripts || envIgnores, ...common };
      // matrix expansions repeat the same command once per matrix entry; a real job has a handful
      // of installs, so a hostile file cannot grow the context past MAX_INSTALL_STEPS
      const id = JSON.stringify(entry);
      if (known.has(id) || installSteps.length >= MAX_INSTALL_STEPS) return;
      known.add(id);
      installSteps.push(entry);
    };
    const addFound = (found: ReturnType<typeof findInstallCommands>[number], line: number | null) => {
      const base = { line, command: found.command, manager: found.manager, ignoreScripts: found.ignoreScripts, directory: found.directory };
      if (found.lockfile) add({ ...base, installs: "lockfile", packages: [], runs: false });
      if (found.fresh) add({ ...base, installs: "fresh", packages: found.packages, runs: found.runs });
    };
    // `run:`, and the `run:` input of actions that run a script in a VM or container
    // (cross-platform-actions/action, addnab/docker-run-action).
    for (const [script, scriptPath] of scriptsOf(step)) {
      const node = nodeAt(step.yaml, scriptPath);
      for (const found of findInstallCommands(script, step.directory)) addFound(found, lineInScript(step.yaml, node, found));
      if (step.via !== null) continue;
      for (const expansion of matrixExpansions(script, matrix)) {
        for (const found of findInstallCommands(expansion, step.directory)) addFound(found, lineOfNode(step.yaml, node));
      }
    }
    if (typeof step.step.uses === "string" && /^bahmutov\/npm-install@/i.test(step.step.uses.trim())) {
      const input = stepWith(step.step)["working-directory"];
      const directory = typeof input === "string" ? joinDirectory("", input) : "";
      add({
        line: stepUsesLine(step),
        command: step.step.uses.trim(),
        manager: "npm",
        ignoreScripts: false,
        installs: "lockfile",
        directory,
        packages: [],
        runs: false,
      });
    }
  }
  return installSteps;
}

/**
 * Publishes, in step order. The registry token is what npm reads: NODE_AUTH_TOKEN, NPM_TOKEN or
 * NPM_AUTH_TOKEN in the step's environment, the action's token input, or an `_authToken` an
 * earlier step (or this one) wrote into an .npmrc.
 */
function readPublishes(steps: JobStep[], trustedPublishing: boolean): PublishStep[] {
  const publishes: PublishStep[] = [];
  const npmrcSecrets: string[] = [];
  const sorted = (names: string[]) => [...new Set(names)].sort();
  for (const step of steps) {
    const scripts = scriptsOf(step);
    for (const [script] of scripts) npmrcSecrets.push(...npmrcTokenSecrets(script, step.env));
    const envSecrets = registryTokenSecrets(step.env);
    const envProvenance = provenanceByEnv(step.env);
    for (const [script, scriptPath] of scripts) {
      const node = nodeAt(step.yaml, scriptPath);
      for (const found of findPublishCommands(script, step.directory)) {
        if (publishes.length >= MAX_PUBLISH_STEPS) break;
        publishes.push({
          line: lineInScript(step.yaml, node, found),
          command: found.command,
          tool: found.tool,
          directory: found.directory,
          recursive: found.recursive,
          secrets: sorted([...envSecrets, ...npmrcSecrets]),
          provenance: found.provenance || envProvenance,
          trustedPublishing,
          file: step.file,
        });
      }
    }
    if (typeof step.step.uses !== "string" || publishes.length >= MAX_PUBLISH_STEPS) continue;
    const inputs = stepWith(step.step);
    const action = publishByAction(step.step.uses, inputs);
    if (!action) continue;
    const tokenInputs = [...action.tokenInputs, inputs.token, inputs["npm-token"]].flatMap(secretNamesIn);
    publishes.push({
      line: stepUsesLine(step),
      command: action.command,
      tool: action.tool,
      directory: action.directory,
      recursive: action.recursive,
      secrets: sorted([...envSecrets, ...tokenInputs, ...npmrcSecrets]),
      provenance: action.provenance || envProvenance,
      trustedPublishing,
      file: step.file,
    });
  }
  return publishes;
}

/** The scripts a step runs: `run:` and the `run:` input of script-running actions, with their YAML paths. */
function scriptsOf(step: JobStep): [string, (string | number)[]][] {
  const scripts: [string, (string | number)[]][] = [];
  if (typeof step.step.run === "string") scripts.push([step.step.run, [...step.path, "run"]]);
  const input = stepWith(step.step).run;
  if (typeof input === "string") scripts.push([input, [...step.path, "with", "run"]]);
  return scripts;
}

const stepUsesLine = (step: JobStep) => lineAt(step.yaml, [...step.path, "uses"]) ?? lineAt(step.yaml, step.path);

/**
 * Secret names in each of the job's own steps' environment — workflow env, job env, the step's
 * env and `with:` — and in its script (a secret written into an .npmrc there is as readable), sorted.
 */
function secretsByStep(scope: WorkflowScope, jobPath: string[], count: number, callsWorkflow: boolean): string[][] {
  const names = (nodePath: (string | number)[]) => referencesUnder(scope.yaml, nodeAt(scope.yaml, nodePath)).map((reference) => reference.name);
  const shared = [...(callsWorkflow ? [] : names(["env"])), ...names([...jobPath, "env"])];
  return Array.from({ length: count }, (_, index) => {
    const own = ["env", "with", "run"].flatMap((key) => names([...jobPath, "steps", index, key]));
    return [...new Set([...shared, ...own])].sort();
  });
}

/** `container:` (a string or `.image`) and `services.*.image`, as written. */
function jobContainerImages(job: Record<string, unknown>): string[] {
  const images: string[] = [];
  const add = (value: unknown) => {
    const image = typeof value === "string" ? value : isRecord(value) && typeof value.image === "string" ? value.image : null;
    if (image && image.trim() && !images.includes(image.trim())) images.push(image.trim());
  };
  add(job.container);
  if (isRecord(job.services)) for (const service of Object.values(job.services)) add(service);
  return images;
}

function workingDirectoryOf(defaults: unknown): string | null {
  if (!isRecord(defaults) || !isRecord(defaults.run)) return null;
  const directory = defaults.run["working-directory"];
  return typeof directory === "string" ? directory : null;
}

/** Every `${{ secrets.X }}` under a node, with the line it is written on. */
export function referencesUnder(yaml: LoadedYaml, node: unknown): { name: string; line: number | null }[] {
  const found: { name: string; line: number | null }[] = [];
  for (const scalar of scalarsUnder(yaml, node)) {
    const raw = rawScalar(yaml, scalar);
    if (!raw) continue;
    for (const reference of findSecretReferences(raw.text)) {
      found.push({ name: reference.name, line: lineAtOffset(yaml, raw.offset + reference.index) });
    }
  }
  // Keys can hold expressions too (rare, but `env: { "${{ secrets.X }}": … }` is legal YAML).
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const raw = rawScalar(yaml, pair.key);
      for (const reference of raw ? findSecretReferences(raw.text) : []) {
        found.push({ name: reference.name, line: lineAtOffset(yaml, raw!.offset + reference.index) });
      }
    }
  }
  return found;
}

/**
 * Line of a command found in a script. In a literal block (`run: |`) line k of the value is line
 * k + 1 after the header; elsewhere (folded or quoted scalars) the command is looked up in the
 * source text.
 */
function lineInScript(yaml: LoadedYaml, node: unknown, found: { command: string; lineIndex: number }): number | null {
  const raw = rawScalar(yaml, node);
  const start = lineOfNode(yaml, node);
  if (!raw || start === null) return start;
  if (raw.text.startsWith("|")) return start + 1 + found.lineIndex;
  const words = found.command.split(/\s+/).slice(0, 2).join(" ");
  const at = raw.text.indexOf(words);
  return at >= 0 ? lineAtOffset(yaml, raw.offset + at) : start + found.lineIndex;
}

function ignoresScriptsByEnv(env: Record<string, unknown>): boolean {
  return Object.entries(env).some(
    ([name, value]) => name.toLowerCase() === "npm_config_ignore_scripts" && ["true", "1"].includes(String(value).trim().toLowerCase()),
  );
}

function environmentName(environment: unknown): string | null {
  if (typeof environment === "string") return environment;
  if (isRecord(environment) && typeof environment.name === "string") return environment.name;
  return null;
}
