import { isMap, isPair, isScalar } from "yaml";
import type { TExposure } from "@/lib/schemas/graph-facts";
import type { IngestError, RepositoryContext } from "@/lib/ingest/types";
import { parseUses, type UsesTarget } from "./actions";
import { findInstallCommands, type PackageManager } from "./install-steps";
import { keyLine, lineAt, lineAtOffset, lineOfNode, nodeAt, rawScalar, scalarsUnder, type LoadedYaml } from "./load-yaml";
import { isRecord, matrixExpansions } from "./matrix";
import { tokenPermissionsInForce, type PermissionsBlock, type TokenPermissions } from "./permissions";
import { resolveRunsOn, type RunnerPlacement } from "./runners";
import { findSecretReferences } from "./secret-references";
import { stepWith, untrustedCodeIn, type StepView, type UntrustedCode } from "./untrusted-triggers";

// Reads one job into the facts the parser emits: where it runs, its token, its installs, and every
// secret it can see with the exposure level (the Exposure enum in prisma/schema.prisma):
//  - install: in the environment of a step that installs dependencies with lifecycle scripts on
//    (workflow env, job env, or that step's own env) — install scripts read it directly;
//  - job: anywhere else in the job — code planted at install time, or a compromised action, can
//    still reach it before the job ends (the runner worker holds every secret of the job in memory,
//    which is how the tj-actions/changed-files payload dumped them).
// An install with lifecycle scripts ignored (`--ignore-scripts`, npm_config_ignore_scripts, a
// checked-in .npmrc) does not make its environment "install": no package code runs during that
// step. The packages' own code still runs later (build, test), so the secrets stay "job".

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
  stepIndex: number;
}

export interface ActionUse {
  target: Extract<UsesTarget, { kind: "remote" }>;
  uses: string;
  line: number | null;
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
  /** an install step that runs lifecycle scripts */
  runsInstallScripts: boolean;
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
}

const MAX_INSTALL_STEPS = 200;

type JobResult = { ok: true; job: JobModel } | { ok: false; errors: IngestError[] };

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
  const steps = (raw.steps ?? []) as unknown[];
  const badStep = steps.findIndex((step) => !isRecord(step));
  if (badStep >= 0) return fail(`jobs.${id}.steps[${badStep}] must be a mapping`, lineAt(yaml, [...path, "steps", badStep]) ?? line);
  const stepRecords = steps as Record<string, unknown>[];

  const jobEnv = isRecord(raw.env) ? raw.env : {};
  const matrix = isRecord(raw.strategy) ? raw.strategy.matrix : undefined;
  const stepLine = (index: number) => lineAt(yaml, [...path, "steps", index]);
  const stepLabel = (step: Record<string, unknown>, index: number) =>
    typeof step.name === "string" ? step.name : typeof step.id === "string" ? step.id : typeof step.uses === "string" ? step.uses : `#${index + 1}`;

  // Installs, in step order.
  const installSteps: InstallStep[] = [];
  const knownInstalls = new Set<string>();
  stepRecords.forEach((step, index) => {
    const env = { ...scope.env, ...jobEnv, ...(isRecord(step.env) ? step.env : {}) };
    const envIgnores = ignoresScriptsByEnv(env) || scope.repository.npmrcIgnoresScripts;
    const add = (command: string, manager: PackageManager, ignoreScripts: boolean, at: number | null) => {
      const install = { line: at, command, manager, ignoreScripts: ignoreScripts || envIgnores, stepIndex: index };
      // matrix expansions repeat the same command once per matrix entry; a real job has a handful
      // of installs, so a hostile file cannot grow the context past MAX_INSTALL_STEPS
      const id = JSON.stringify(install);
      if (knownInstalls.has(id) || installSteps.length >= MAX_INSTALL_STEPS) return;
      knownInstalls.add(id);
      installSteps.push(install);
    };
    // `run:`, and the `run:` input of actions that run a script in a VM or container
    // (cross-platform-actions/action, addnab/docker-run-action).
    const scripts: [unknown, (string | number)[]][] = [
      [step.run, [...path, "steps", index, "run"]],
      [stepWith(step).run, [...path, "steps", index, "with", "run"]],
    ];
    for (const [script, scriptPath] of scripts) {
      if (typeof script !== "string") continue;
      const node = nodeAt(yaml, scriptPath);
      for (const found of findInstallCommands(script)) add(found.command, found.manager, found.ignoreScripts, lineInScript(yaml, node, found));
      for (const expansion of matrixExpansions(script, matrix)) {
        for (const found of findInstallCommands(expansion)) add(found.command, found.manager, found.ignoreScripts, lineOfNode(yaml, node));
      }
    }
    if (typeof step.uses === "string" && /^bahmutov\/npm-install@/i.test(step.uses.trim())) {
      add(step.uses.trim(), "npm", false, stepLine(index));
    }
  });
  const scriptInstallSteps = new Set(installSteps.filter((step) => !step.ignoreScripts).map((step) => step.stepIndex));
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
  stepRecords.forEach((step, index) => {
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

  // Local actions (`./…`, `$/…`) are the repository's own code and `docker://` images have no
  // action node to hang on; only actions from other repositories become nodes.
  const actions: ActionUse[] = [];
  const noteUses = (uses: string, at: number | null) => {
    const target = parseUses(uses);
    if (target.kind === "remote") actions.push({ target, uses: uses.trim(), line: at });
  };
  stepRecords.forEach((step, index) => {
    if (typeof step.uses === "string") noteUses(step.uses, lineAt(yaml, [...path, "steps", index, "uses"]) ?? stepLine(index));
  });
  if (reusable?.target.kind === "remote") noteUses(reusable.uses, reusable.line);

  const stepViews: StepView[] = stepRecords.map((step, index) => ({
    uses: typeof step.uses === "string" ? step.uses.trim() : null,
    run: typeof step.run === "string" ? step.run : null,
    with: stepWith(step),
    line: stepLine(index),
  }));

  return {
    ok: true,
    job: {
      id,
      line,
      name: typeof raw.name === "string" ? raw.name : null,
      environment: environmentName(raw.environment),
      permissions: tokenPermissionsInForce(scope.permissions, { present: "permissions" in raw, value: raw.permissions }),
      placements: resolveRunsOn(raw["runs-on"], matrix),
      installSteps,
      runsInstallScripts,
      secretUses,
      actions,
      reusable,
      untrusted: untrustedCodeIn(scope.triggers, stepViews),
    },
  };
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
