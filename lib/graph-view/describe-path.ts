import type { TNodeKind } from "@/lib/schemas/graph-facts";
import type { TPathStep } from "@/lib/schemas/radius";

// An explanation path in words, for the incident commander who has to say out loud why a token
// must be rotated: "chalk@5.6.1 is installed in acme/web/release.yml/publish (install script)
// → which exposes NPM_TOKEN (install) → which authenticates as npm-publish-token → …".

export interface TPathNodeInfo {
  name: string;
  key: string;
  kind: TNodeKind;
  generation?: number;
}

export interface TDescribedStep {
  from: number;
  to: number;
  /** "exposes NPM_TOKEN (install)": the verb phrase and the target, without the subject */
  text: string;
}

export interface TDescribedPath {
  text: string;
  steps: TDescribedStep[];
}

const EXPOSURE_WORDS: Record<string, string> = {
  install: "install",
  job: "later in the job",
  runner: "on the runner",
  runtime: "at run time",
};

function verbPhrase(step: TPathStep, target: string): string {
  const exposure = step.exposure ? EXPOSURE_WORDS[step.exposure] ?? step.exposure : null;
  switch (step.kind) {
    case "INSTALLED_IN":
      return `is installed in ${target}${step.exposure === "install" ? " (install script)" : exposure ? ` (${exposure})` : ""}`;
    case "EXPOSES":
      return `exposes ${target}${exposure ? ` (${exposure})` : ""}`;
    case "AUTHENTICATES_AS":
      return `authenticates as ${target}`;
    case "ACTS_AS":
      return `acts as ${target}`;
    case "CAN_ACCESS":
      return `can access ${target}${step.privilege ? ` (${step.privilege})` : ""}`;
    case "CAN_PUBLISH":
      return `can publish ${target}`;
    case "MAINTAINS":
      return `maintains ${target}`;
    case "RUNS_ON":
      return `runs on ${target}`;
    case "TRIGGERS":
      return `can trigger ${target}`;
    case "STORES":
      return `stores ${target}`;
    case "USED_IN":
      return `is used in ${target}`;
    case "VERSION_OF":
      return `is a version of ${target}`;
    case "DEPENDS_ON":
      return `is a dependency of ${target}`;
    case "AFFECTS":
      return `affects ${target}`;
    // Derived steps (the engine's propagation rules, lib/engine/steps.ts).
    case "WORM_REPUBLISH":
      return `can be republished with the worm and then runs in ${target}`;
    case "RUNNER_PERSISTENCE":
      return `persists on the self-hosted runner ${target}`;
    case "RUNNER_SHARED":
      return `poisons the later job ${target}`;
    default:
      return `leads to ${target} (${step.kind.toLowerCase().replaceAll("_", " ")})`;
  }
}

/**
 * Describes a path of edge steps. `nodes` names every node on the path (the radius's reached
 * nodes and sources); an id it does not know is shown as "node #id" rather than dropped, so a
 * gap is visible instead of a silently shorter chain.
 */
export function describePath(path: readonly TPathStep[], nodes: ReadonlyMap<number, TPathNodeInfo>, targetId?: number): TDescribedPath {
  const nameOf = (id: number) => nodes.get(id)?.name ?? `node #${id}`;
  if (path.length === 0) {
    const subject = targetId === undefined ? "This node" : nameOf(targetId);
    return { text: `${subject} is where the compromise starts.`, steps: [] };
  }
  let generation = nodes.get(path[0].from)?.generation ?? 0;
  const steps = path.map((step) => {
    const targetGeneration = nodes.get(step.to)?.generation ?? generation;
    const marker = targetGeneration > generation ? ` (generation ${targetGeneration})` : "";
    generation = Math.max(generation, targetGeneration);
    return { from: step.from, to: step.to, text: verbPhrase(step, nameOf(step.to)) + marker };
  });
  const text = `${nameOf(path[0].from)} ${steps.map((step, index) => (index === 0 ? step.text : `→ which ${step.text}`)).join(" ")}`;
  return { text, steps };
}
