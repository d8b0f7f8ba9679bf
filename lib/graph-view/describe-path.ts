import type { TNodeKind } from "@/lib/schemas/graph-facts";
import type { TPathStep, TTiming } from "@/lib/schemas/radius";

// An explanation path in words, for the incident commander who has to say out loud why a token
// must be rotated: "chalk@5.6.1 is installed in acme/web/release.yml/publish (install script)
// → which exposes NPM_TOKEN (install) → which authenticates as npm-publish-token → …".

export interface TPathNodeInfo {
  name: string;
  key: string;
  kind: TNodeKind;
  generation?: number;
  /** when the attacker has it: says "now" or "on the next resolve" for the steps that decide it */
  timing?: TTiming;
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

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** "pkg:npm/%40acme/icons@2.4.1" → "@acme/icons@2.4.1": the name a person reads in a lockfile. */
export function packageLabel(key: string): string {
  const body = key.replace(/^pkg:[^/]+\//, "");
  try {
    return decodeURIComponent(body);
  } catch {
    return body;
  }
}

/** The package name of a package or version node, without its version. */
function packageName(node: TPathNodeInfo | undefined): string | null {
  if (!node || (node.kind !== "package" && node.kind !== "packageVersion")) return null;
  const label = packageLabel(node.key);
  const at = label.lastIndexOf("@");
  return node.kind === "packageVersion" && at > 0 ? label.slice(0, at) : label;
}

/** Where in a file: "release.yml:42", "line 42", or "". */
function where(attributes: Record<string, unknown>): string {
  const file = text(attributes.file);
  const line = typeof attributes.line === "number" ? attributes.line : null;
  if (file && line !== null) return `${file}:${line}`;
  return file ?? (line !== null ? `line ${line}` : "");
}

const NEXT_RESOLVE = "reached on the next resolve";

/** When a step decided by a resolve gives its target: the target's timing, else the edge's resolve; null when neither says. */
function stepTiming(step: TPathStep, target: TPathNodeInfo | undefined): TTiming | null {
  if (target?.timing) return target.timing;
  const resolve = step.attributes?.resolve;
  return resolve === "fresh" ? "now" : resolve === "lockfile" ? "next-resolve" : null;
}

function verbPhrase(step: TPathStep, nodes: ReadonlyMap<number, TPathNodeInfo>): string {
  const target = nodes.get(step.to)?.name ?? `node #${step.to}`;
  const targetInfo = nodes.get(step.to);
  const attributes = step.attributes ?? {};
  const exposure = step.exposure ? (EXPOSURE_WORDS[step.exposure] ?? step.exposure) : null;
  const phase = step.exposure === "install" ? " (install script)" : exposure ? ` (${exposure})` : "";
  const range = text(attributes.range) ?? text(attributes.spec);
  const installed = text(attributes.installedVersion);
  const lockfile = text(attributes.lockfile);
  const pins = installed ? `${lockfile ? `its lockfile (${lockfile})` : "its lockfile"} pins ${packageLabel(installed)}` : null;
  switch (step.kind) {
    case "INSTALLED_IN":
      return `is installed in ${target}${phase}`;
    case "EXPOSES":
      return `exposes ${target}${exposure ? ` (${exposure})` : ""}`;
    case "AUTHENTICATES_AS":
      return `authenticates as ${target}`;
    case "ACTS_AS":
      return `acts as ${target}`;
    case "CAN_ACCESS":
      return `can access ${target}${step.privilege ? ` (${step.privilege})` : ""}${attributes.assumed === true ? ", assuming the token has write access: the workflow has no permissions block" : ""}`;
    case "CAN_PUBLISH": {
      const evidence: string[] = [];
      if (attributes.trustedPublishing === true) evidence.push("through trusted publishing (the job can mint an OIDC token)");
      const at = where(attributes);
      const command = text(attributes.command);
      if (attributes.evidence === "publish step" || at || command) evidence.push(`publish step${at ? ` at ${at}` : ""}${command ? `: ${command}` : ""}`);
      return `can publish ${target}${evidence.length ? ` (${evidence.join("; ")})` : ""}`;
    }
    case "MAINTAINS":
      return `maintains ${target}`;
    case "RUNS_ON":
      return `runs on ${target}`;
    case "TRIGGERS": {
      const trigger = text(attributes.trigger);
      const at = where(attributes);
      const how = [trigger ? `by ${trigger}` : null, at ? `from ${at}` : null].filter(Boolean).join(", ");
      const assumed =
        attributes.assumed === true ? ", assuming its token has write access: the workflow has no permissions block and the repository default is unknown" : "";
      return `can trigger ${target}${how ? ` (${how})` : ""}${assumed}`;
    }
    case "STORES":
      return `stores ${target}`;
    case "USED_IN": {
      const ref = text(attributes.ref);
      const byTag = ref && attributes.pinned !== true ? ` by the tag ${ref}` : ref ? ` pinned to ${ref.slice(0, 12)}` : "";
      return `is used in ${target}${byTag}`;
    }
    case "VERSION_OF":
      return `is a version of ${target}`;
    case "DEPENDS_ON":
      return `is a dependency of ${target}`;
    case "AFFECTS":
      return `affects ${target}`;
    // Derived steps (the engine's propagation rules, lib/engine/steps.ts).
    case "WORM_REPUBLISH": {
      const timing = stepTiming(step, targetInfo);
      const republished = `can be republished with the worm and then runs in ${target}${phase}`;
      if (timing === "now") return `${republished} now: it resolves the package afresh at every run`;
      if (timing === "next-resolve") return `${republished}, ${NEXT_RESOLVE}${range ? `: its range ${range} admits a new version` : ""}`;
      return republished;
    }
    case "RANGE_ADMITS": {
      const when = stepTiming(step, targetInfo) === "now" ? "reached now: it resolves the range afresh at every run" : NEXT_RESOLVE;
      return `reaches ${target}${phase}: ${pins ?? "its lockfile pins a clean version"}, but its range ${range ?? "(unknown)"} admits the bad version: ${when}`;
    }
    case "FRESH_RESOLVE": {
      const name = packageName(nodes.get(step.from)) ?? "the package";
      const command = text(attributes.command);
      const at = where(attributes);
      return `runs in ${target}${phase}, which resolves ${name} afresh at every run${command ? ` (${command}${at ? `, ${at}` : ""})` : at ? ` (${at})` : ""}`;
    }
    case "ADVISORY_RANGE": {
      const when = stepTiming(step, targetInfo) === "now" ? "reached now: it resolves the range afresh at every run" : NEXT_RESOLVE;
      return `names a version that ${target}'s range ${range ?? "(unknown)"} admits${pins ? ` (${pins})` : ""}: ${when}`;
    }
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
    return { from: step.from, to: step.to, text: verbPhrase(step, nodes) + marker };
  });
  const text = `${nameOf(path[0].from)} ${steps.map((step, index) => (index === 0 ? step.text : `→ which ${step.text}`)).join(" ")}`;
  return { text, steps };
}
