import { NODE_KIND_CODE, type EngineGraph } from "./graph";
import type { TRefProblem } from "@/lib/schemas/input-problem";
import { resolveRef } from "./resolve-ref";
import type { Overlay } from "./steps";

// What-if controls: changes a team can make, applied as an overlay on the cached graph (never by
// mutating it) so the same radius can be computed before and after.
//
//   ignore-scripts:<context>              the job installs with --ignore-scripts
//   short-lived:<identity>                its stored secrets are revoked; a short-lived identity (OIDC) replaces them
//   off-runner:<context>                  the job moves to an ephemeral runner
//   remove-secret:<context>=<secret>      the job no longer gets the secret
//   drop-publish:<identity|publisher>=<package>   the publish right is removed
//   pin-action:<context>=<action>         the job pins the action to a full commit SHA (a moved tag no longer reaches it)

export const CONTROL_KINDS = ["ignore-scripts", "short-lived", "off-runner", "remove-secret", "drop-publish", "pin-action"] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

export interface ParsedControl {
  control: string;
  kind: ControlKind;
  description: string;
  /** edges the control removes */
  edges: number[];
  /** contexts the control makes ignore install scripts */
  ignoreScripts: number[];
  /** the nodes the control names (one, or the pair), to say which of them a radius reaches */
  nodes: number[];
}

export type ControlResult = { ok: true; controls: ParsedControl[] } | { ok: false; errors: TRefProblem[] };

const K = NODE_KIND_CODE;

export function emptyOverlay(graph: EngineGraph): Overlay {
  return { disabledEdges: new Uint8Array(graph.edgeCount), ignoresScripts: new Uint8Array(graph.nodeCount) };
}

export function applyControls(overlay: Overlay, controls: readonly ParsedControl[], on = true): Overlay {
  const value = on ? 1 : 0;
  for (const control of controls) {
    for (const e of control.edges) overlay.disabledEdges[e] = value;
    for (const v of control.ignoreScripts) overlay.ignoresScripts[v] = value;
  }
  return overlay;
}

export function parseControls(graph: EngineGraph, controls: readonly string[]): ControlResult {
  const parsed: ParsedControl[] = [];
  const errors: TRefProblem[] = [];
  for (const control of controls) {
    const result = parseControl(graph, control);
    if ("reason" in result) errors.push(result);
    else parsed.push(result);
  }
  return errors.length ? { ok: false, errors } : { ok: true, controls: parsed };
}

/** One control, or why it does not apply to this graph. */
export function parseControl(graph: EngineGraph, control: string): ParsedControl | TRefProblem {
  const colon = control.indexOf(":");
  const kind = control.slice(0, colon) as ControlKind;
  if (colon < 0 || !CONTROL_KINDS.includes(kind)) {
    return {
      ref: control,
      reason: "invalid",
      message: `unknown what-if control "${control}": expected ${CONTROL_KINDS.map((k) => `${k}:…`).join(", ")}`,
      candidates: [],
    };
  }
  const argument = control.slice(colon + 1);
  const pair = kind === "remove-secret" || kind === "drop-publish" || kind === "pin-action";
  const [first, second] = pair ? splitPair(argument) : [argument, ""];
  if (pair && !second) return { ref: control, reason: "invalid", message: `${control}: expected ${kind}:<ref>=<ref>`, candidates: [] };
  const a = node(graph, first);
  if (typeof a !== "number") return a;
  const b = pair ? node(graph, second) : -1;
  if (typeof b !== "number") return b;
  const wrongKind = (ref: string, expected: string) => ({
    ref: control,
    reason: "invalid" as const,
    message: `${control}: ${ref} is not ${expected}`,
    candidates: [],
  });
  const edges: number[] = [];
  switch (kind) {
    case "ignore-scripts":
      if (graph.kind[a] !== K.context) return wrongKind(first, "an execution context");
      return { control, kind, description: `${graph.keys[a]} installs with scripts ignored`, edges, ignoreScripts: [a], nodes: [a] };
    case "short-lived":
      if (graph.kind[a] !== K.identity) return wrongKind(first, "an identity");
      graph.forEachIn(a, "AUTHENTICATES_AS", (e) => edges.push(e));
      return {
        control,
        kind,
        description: `${graph.keys[a]} is short-lived: its ${edges.length} stored secret(s) no longer authenticate`,
        edges,
        ignoreScripts: [],
        nodes: pair ? [a, b] : [a],
      };
    case "off-runner":
      if (graph.kind[a] !== K.context) return wrongKind(first, "an execution context");
      graph.forEachOut(a, "RUNS_ON", (e) => edges.push(e));
      return { control, kind, description: `${graph.keys[a]} runs on an ephemeral runner`, edges, ignoreScripts: [], nodes: pair ? [a, b] : [a] };
    case "remove-secret":
      if (graph.kind[a] !== K.context && graph.kind[a] !== K.runner) return wrongKind(first, "an execution context or runner");
      graph.forEachOut(a, "EXPOSES", (e, to) => to === b && edges.push(e));
      if (!edges.length) return { ref: control, reason: "invalid", message: `${control}: ${graph.keys[a]} does not expose ${graph.keys[b]}`, candidates: [] };
      return { control, kind, description: `${graph.keys[a]} no longer gets ${graph.keys[b]}`, edges, ignoreScripts: [], nodes: pair ? [a, b] : [a] };
    case "drop-publish":
      if (graph.kind[b] !== K.package) return wrongKind(second, "a package");
      graph.forEachOut(a, "CAN_PUBLISH", (e, to) => to === b && edges.push(e));
      graph.forEachOut(a, "MAINTAINS", (e, to) => to === b && edges.push(e));
      if (!edges.length) return { ref: control, reason: "invalid", message: `${control}: ${graph.keys[a]} cannot publish ${graph.keys[b]}`, candidates: [] };
      return { control, kind, description: `${graph.keys[a]} can no longer publish ${graph.keys[b]}`, edges, ignoreScripts: [], nodes: pair ? [a, b] : [a] };
    case "pin-action":
      if (graph.kind[a] !== K.context) return wrongKind(first, "an execution context");
      if (graph.kind[b] !== K.action) return wrongKind(second, "an action");
      // A pin to a known-good commit is reached only when that commit is named bad, which no
      // what-if does: the use is cut, as a moved tag no longer reaches it.
      graph.forEachOut(b, "USED_IN", (e, to) => to === a && edges.push(e));
      if (!edges.length) return { ref: control, reason: "invalid", message: `${control}: ${graph.keys[a]} does not use ${graph.keys[b]}`, candidates: [] };
      return {
        control,
        kind,
        description: `${graph.keys[a]} pins ${graph.keys[b]} to a full commit SHA`,
        edges,
        ignoreScripts: [],
        nodes: pair ? [a, b] : [a],
      };
  }
}

// A pair is <ref>=<ref>; purls never contain "=" outside qualifiers, which refs do not use.
function splitPair(argument: string): [string, string] {
  const at = argument.indexOf("=");
  return at < 0 ? [argument, ""] : [argument.slice(0, at), argument.slice(at + 1)];
}

function node(graph: EngineGraph, ref: string): number | TRefProblem {
  const resolved = resolveRef(graph, ref);
  if ("reason" in resolved) return resolved;
  if (resolved.node === null) return { ref, reason: "invalid", message: `${ref} does not name a single node`, candidates: [] };
  return resolved.node;
}

/** The control string for a candidate fix, in the syntax parseControls reads back. */
export function controlString(graph: EngineGraph, kind: ControlKind, a: number, b = -1): string {
  return b >= 0 ? `${kind}:${graph.keys[a]}=${graph.keys[b]}` : `${kind}:${graph.keys[a]}`;
}
