import type { RepositoryContext, SourceFile } from "@/lib/ingest/types";
import { normaliseDirectory } from "./directories";
import { loadYaml, type LoadedYaml } from "./load-yaml";
import type { YamlParser } from "@/lib/ingest/source/parse-yaml";
import { isRecord } from "./matrix";

// The repository's own actions (`uses: ./.github/actions/setup`). A composite action's steps run
// inside the calling job with its environment and token, so its installs, the third-party actions
// it uses and its scripts are the job's (an `npm ci` hidden in a shared setup action is still an
// install in every job that calls it). Node and docker local actions run the repository's own
// code: nothing more to record.

export interface LocalAction {
  /** the action's directory relative to the repository root, "" for the root */
  directory: string;
  /** the action file's path, as given to the import */
  file: string;
  yaml: LoadedYaml;
  /** `runs.steps` of a composite action; null for node and docker actions */
  steps: Record<string, unknown>[] | null;
  /** declared inputs' defaults, as text */
  defaults: Map<string, string>;
}

export const MAX_ACTION_DEPTH = 5;

// Loaded once per file object: a setup action is called by most jobs of most workflows.
const loaded = new WeakMap<SourceFile, LocalAction | null>();

/** The local action a `uses:` names, or null when it is not in the input or is not an action. */
export function localActionFor(uses: string, repository: RepositoryContext): LocalAction | null {
  const file = repository.localActions?.get(localActionDirectory(uses));
  if (!file) return null;
  if (loaded.has(file)) return loaded.get(file) ?? null;
  const action = readAction(localActionDirectory(uses), file);
  loaded.set(file, action);
  return action;
}

/** `./.github/actions/setup/` → `.github/actions/setup`; `$/x` (self-repository form) → `x`. */
export function localActionDirectory(uses: string): string {
  return normaliseDirectory(uses.trim().replace(/^\$\//, ""));
}

function readAction(directory: string, file: SourceFile): LocalAction | null {
  try {
    const result = loadYaml(file);
    if (!result.ok || !isRecord(result.yaml.value) || !isRecord(result.yaml.value.runs)) return null;
    const root = result.yaml.value;
    const runs = root.runs as Record<string, unknown>;
    const composite = String(runs.using ?? "").toLowerCase() === "composite" && Array.isArray(runs.steps);
    const defaults = new Map<string, string>();
    if (isRecord(root.inputs)) {
      for (const [name, input] of Object.entries(root.inputs)) {
        if (isRecord(input) && input.default !== undefined && input.default !== null) defaults.set(name.toLowerCase(), String(input.default));
      }
    }
    return {
      directory,
      file: file.path,
      yaml: result.yaml,
      steps: composite ? (runs.steps as unknown[]).map((step) => (isRecord(step) ? step : {})) : null,
      defaults,
    };
  } catch {
    return null;
  }
}

const INPUT_EXPRESSION = /\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}/gi;

/** `${{ inputs.x }}` replaced by what the caller passed (or the default); single-line values only, to keep lines. */
export function substituteInputs(text: string, inputs: Map<string, string>): string {
  return text.replace(INPUT_EXPRESSION, (whole, name: string) => {
    const value = inputs.get(name.toLowerCase());
    return value === undefined || value.includes("\n") ? whole : value;
  });
}

/**
 * An action.yml/action.yaml with `runs:`: a local action the workflows read when they use it, not
 * a file to import on its own.
 */
export function isLocalActionFile(file: SourceFile, parse?: YamlParser): boolean {
  if (!/(^|\/)action\.ya?ml$/i.test(file.path)) return false;
  try {
    const result = loadYaml(file, parse);
    return result.ok && isRecord(result.yaml.value) && isRecord(result.yaml.value.runs) && !isRecord(result.yaml.value.jobs);
  } catch {
    return false;
  }
}
