import type { TRadiusResult } from "@/lib/schemas/radius";

// The what-if toggles the radius page offers, derived from the radius itself: only controls that
// would cut an edge the attacker actually uses here are worth proposing. Control strings use the
// engine's what-if syntax (`<control>:<ref>` or `<control>:<ref>=<ref>`), the same the CLI's
// --what-if and GET /api/blast-radius?whatIf= accept.

export const WHAT_IF_GROUPS = {
  "ignore-scripts": "Ignore install scripts",
  "remove-secret": "Remove a secret from a job",
  "off-runner": "Move a job off a persistent runner",
  "short-lived": "Replace with a short-lived credential",
  "drop-publish": "Drop a publish right",
  "pin-action": "Pin an action to a commit SHA",
} as const;
export type TWhatIfGroup = keyof typeof WHAT_IF_GROUPS;

export interface TWhatIfCandidate {
  control: string;
  group: TWhatIfGroup;
  label: string;
}

export const whatIfControl = (group: TWhatIfGroup, ref: string, target?: string): string => `${group}:${ref}${target ? `=${target}` : ""}`;

/** Splits a control string into its parts; null when it is not one this page knows. */
export function parseWhatIfControl(control: string): { group: TWhatIfGroup; ref: string; target: string | null } | null {
  const colon = control.indexOf(":");
  if (colon <= 0) return null;
  const group = control.slice(0, colon);
  if (!(group in WHAT_IF_GROUPS)) return null;
  const rest = control.slice(colon + 1);
  // Refs contain ':' (secret:acme/web:NPM_TOKEN) but never '=', so the last '=' splits the pair.
  const eq = rest.lastIndexOf("=");
  const needsTarget = group === "remove-secret" || group === "drop-publish" || group === "pin-action";
  if (needsTarget && eq <= 0) return null;
  return { group: group as TWhatIfGroup, ref: needsTarget ? rest.slice(0, eq) : rest, target: needsTarget ? rest.slice(eq + 1) : null };
}

const GROUP_ORDER = Object.keys(WHAT_IF_GROUPS) as TWhatIfGroup[];

export function deriveWhatIfCandidates(result: Pick<TRadiusResult, "nodes" | "edges" | "source" | "summary">): TWhatIfCandidate[] {
  const byId = new Map<number, { key: string; name: string; kind: string }>();
  for (const node of result.source.nodes) byId.set(node.id, node);
  for (const node of result.nodes) byId.set(node.id, node);
  const candidates = new Map<string, TWhatIfCandidate>();
  const add = (group: TWhatIfGroup, label: string, ref: string, target?: string) => {
    const control = whatIfControl(group, ref, target);
    if (!candidates.has(control)) candidates.set(control, { control, group, label });
  };

  for (const edge of result.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) continue;
    if (edge.kind === "INSTALLED_IN" && to.kind === "context") add("ignore-scripts", `Ignore install scripts in ${to.name}`, to.key);
    // Secrets a job only uses at run time are out of an install script's reach already.
    if (edge.kind === "EXPOSES" && from.kind === "context" && to.kind === "secret" && (edge.exposure === "install" || edge.exposure === "job"))
      add("remove-secret", `Remove ${to.name} from ${from.name}`, from.key, to.key);
    // the radius names the step by its rule (RUNNER_PERSISTENCE); a plain RUNS_ON edge means the same
    if ((edge.kind === "RUNNER_PERSISTENCE" || edge.kind === "RUNS_ON") && from.kind === "context" && to.kind === "runner")
      add("off-runner", `Move ${from.name} off ${to.name}`, from.key);
    if (edge.kind === "CAN_PUBLISH" && (from.kind === "identity" || from.kind === "publisher") && to.kind === "package")
      add("drop-publish", `Drop ${from.name}'s right to publish ${to.name}`, from.key, to.key);
  }
  // A job using a reached action by a tag (or a branch) is reached when the tag moves; pinning the
  // use to a full commit SHA cuts it (tj-actions/changed-files, March 2025). The edge list has no
  // attributes, so the uses are read from the explanation paths, which carry the ref.
  const uses = new Map<string, { action: number; context: number; ref: string | null }>();
  const pinned = new Set<string>();
  const addUse = (step: { kind: string; from: number; to: number; attributes?: Record<string, unknown> }) => {
    if (step.kind !== "USED_IN") return;
    const id = `${step.from}-${step.to}`;
    // reached although pinned: the pinned commit itself is named bad, and no pin would help
    if (step.attributes?.pinned === true) return void pinned.add(id);
    const ref = typeof step.attributes?.ref === "string" ? step.attributes.ref : null;
    if (!uses.has(id) || (ref && !uses.get(id)!.ref)) uses.set(id, { action: step.from, context: step.to, ref });
  };
  for (const node of result.nodes) for (const step of node.path) addUse(step);
  for (const edge of result.edges) addUse(edge);
  for (const id of pinned) uses.delete(id);
  for (const use of uses.values()) {
    const action = byId.get(use.action);
    const context = byId.get(use.context);
    if (action?.kind !== "action" || context?.kind !== "context") continue;
    add("pin-action", `Pin ${action.name} to a commit SHA in ${context.name}${use.ref ? ` (uses ${use.ref})` : ""}`, context.key, action.key);
  }
  for (const identity of result.summary.longLivedIdentities) add("short-lived", `Replace ${identity.name} with a short-lived credential`, identity.key);

  return [...candidates.values()].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.label.localeCompare(b.label, "en"));
}
