import type { RepositoryContext } from "@/lib/ingest/types";
import { joinDirectory } from "./directories";
import type { LoadedYaml } from "./load-yaml";
import { localActionFor, MAX_ACTION_DEPTH, substituteInputs } from "./local-actions";
import { isRecord } from "./matrix";

// A job's steps as they run: its own steps, with the steps of every local composite action they
// call spliced in after the calling step (depth-limited, cycle-safe). Each step knows the file and
// YAML path it is written at, so lines point into the action file for the spliced ones.

export interface JobStep {
  step: Record<string, unknown>;
  yaml: LoadedYaml;
  /** path of the step mapping in `yaml` */
  path: (string | number)[];
  /** index of the job's own step this is (or that calls the composite action holding it) */
  index: number;
  /** the job's own step's name, id, `uses` or #n, as findings quote it */
  label: string;
  /** the local composite action holding this step, as `./<directory>`; null for the job's own steps */
  via: string | null;
  /** the action file holding this step; null for the workflow file */
  file: string | null;
  /** the working directory of its `run:` script, relative to the repository root */
  directory: string;
  /** environment in scope: workflow, job, calling steps and its own `env` */
  env: Record<string, unknown>;
  /** `${{ inputs.x }}` values of the composite action holding it */
  inputs: Map<string, string> | null;
}

export interface JobStepsInput {
  yaml: LoadedYaml;
  repository: RepositoryContext;
  jobPath: (string | number)[];
  steps: Record<string, unknown>[];
  env: Record<string, unknown>;
  /** `defaults.run.working-directory` of the job, else of the workflow, else "" */
  defaultDirectory: string;
}

const MAX_JOB_STEPS = 2000;

export function jobSteps(input: JobStepsInput): JobStep[] {
  const steps: JobStep[] = [];
  input.steps.forEach((step, index) => {
    if (steps.length >= MAX_JOB_STEPS) return;
    const own: JobStep = {
      step,
      yaml: input.yaml,
      path: [...input.jobPath, "steps", index],
      index,
      label: stepLabel(step, index),
      via: null,
      file: null,
      directory: typeof step["working-directory"] === "string" ? joinDirectory("", step["working-directory"]) : input.defaultDirectory,
      env: { ...input.env, ...(isRecord(step.env) ? step.env : {}) },
      inputs: null,
    };
    steps.push(own);
    expandLocalAction(input.repository, own, 1, new Set(), steps);
  });
  return steps;
}

function expandLocalAction(repository: RepositoryContext, caller: JobStep, depth: number, chain: Set<string>, out: JobStep[]): void {
  const uses = typeof caller.step.uses === "string" ? caller.step.uses.trim() : null;
  if (!uses || !(uses.startsWith("./") || uses.startsWith("$/") || uses === ".") || depth > MAX_ACTION_DEPTH) return;
  const action = localActionFor(uses, repository);
  if (!action?.steps || chain.has(action.file)) return;
  const inputs = new Map(action.defaults);
  if (isRecord(caller.step.with)) {
    for (const [name, value] of Object.entries(caller.step.with)) {
      if (value === null || typeof value === "object") continue;
      inputs.set(name.toLowerCase(), caller.inputs ? substituteInputs(String(value), caller.inputs) : String(value));
    }
  }
  const inner = new Set(chain).add(action.file);
  action.steps.forEach((raw, index) => {
    if (out.length >= MAX_JOB_STEPS) return;
    const step = withInputs(raw, inputs);
    const nested: JobStep = {
      step,
      yaml: action.yaml,
      path: ["runs", "steps", index],
      index: caller.index,
      label: caller.label,
      via: `./${action.directory}`,
      file: action.file,
      // composite steps start in the workspace: the caller's defaults do not apply inside an action
      directory: typeof step["working-directory"] === "string" ? joinDirectory("", step["working-directory"]) : "",
      env: { ...caller.env, ...(isRecord(step.env) ? step.env : {}) },
      inputs,
    };
    out.push(nested);
    expandLocalAction(repository, nested, depth + 1, inner, out);
  });
}

/** A composite step with `${{ inputs.x }}` replaced in the values the parser reads as text. */
function withInputs(step: Record<string, unknown>, inputs: Map<string, string>): Record<string, unknown> {
  const text = (value: unknown) => (typeof value === "string" ? substituteInputs(value, inputs) : value);
  const map = (value: unknown) => (isRecord(value) ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, text(entry)])) : value);
  return { ...step, run: text(step.run), "working-directory": text(step["working-directory"]), env: map(step.env), with: map(step.with) };
}

export function stepLabel(step: Record<string, unknown>, index: number): string {
  return typeof step.name === "string" ? step.name : typeof step.id === "string" ? step.id : typeof step.uses === "string" ? step.uses : `#${index + 1}`;
}
