import type { TEffectCounts, TStillReached, TWhatIfEffect, TWhatIfEffects, TWhatIfEffectsInput } from "@/lib/schemas/what-if-effects";
import { CRITICALITY_RANK, EXPOSURE_BY_RANK, EXPOSURE_RANK, NODE_KIND_CODE, type EngineGraph } from "./graph";
import { RadiusWorkspace } from "./radius";
import { prepareRadiusQuestion, type EngineAnswer, type RadiusQuestion } from "./radius-question";
import { explainPath, timingOf } from "./radius-result";
import { forEachStep, STEP_CONDITION, type Overlay } from "./steps";
import { applyControls, emptyOverlay, parseControl, type ParsedControl } from "./what-if";

// What each what-if control would change in a radius, shown beside its toggle before it is ticked
// (issue 13: toggles that "silently claim no effect"). One walk of the radius per control, compared
// node by node with the walk without it. Where a control changes nothing, the walk says why: the
// nodes its edges lead to are reached another way (the chain that still reaches them is returned),
// or the radius never reaches the control's nodes at all.
//
// A control applied already (in the question's whatIf) is measured by its share: the radius with
// the other controls, without it and with it — so ticked and unticked toggles read alike.

export interface WhatIfEffectsOptions {
  /** stop walking after this long; the controls left get evaluated: false */
  timeBudgetMs?: number;
}

export const DEFAULT_EFFECTS_BUDGET_MS = 5_000;
/** how many still-reached nodes an effect spells out with their chains */
const EXAMPLES = 3;

const K = NODE_KIND_CODE;
const HIGHEST = CRITICALITY_RANK.critical;
const RUNTIME = EXPOSURE_RANK.runtime;
const INSTALL_SCRIPTS = STEP_CONDITION.installScripts;

export function whatIfEffects(graph: EngineGraph, input: TWhatIfEffectsInput, options: WhatIfEffectsOptions = {}): EngineAnswer<TWhatIfEffects> {
  const started = performance.now();
  const budget = options.timeBudgetMs ?? DEFAULT_EFFECTS_BUDGET_MS;
  const prepared = prepareRadiusQuestion(graph, input);
  if (!prepared.ok) return prepared;
  const question = prepared.result;
  const appliedControls = new Set(input.whatIf);

  // Two workspaces: one holds the radius without the control, the other walks it with the control.
  const without = new RadiusWorkspace(graph);
  const withIt = new RadiusWorkspace(graph);
  const current = applyControls(emptyOverlay(graph), question.controls);
  without.walk(question.sources, { ...question.walk, overlay: current });
  const radius = countsOf(without);

  const parsed = input.controls.map((control) => ({ control, parsed: parseControl(graph, control) }));
  const effects: TWhatIfEffect[] = parsed.map(({ control, parsed: result }) =>
    "reason" in result
      ? unevaluated(control, null, appliedControls.has(control), result.message)
      : unevaluated(control, result.description, appliedControls.has(control)),
  );
  let complete = true;
  const outOfTime = () => performance.now() - started > budget;

  // Controls not applied yet: each on top of the current radius.
  const fresh = parsed.flatMap((entry, index) => ("reason" in entry.parsed || appliedControls.has(entry.control) ? [] : [{ index, control: entry.parsed }]));
  if (fresh.length) {
    const targets = targetsOf(
      without,
      question,
      current,
      fresh.map((entry) => entry.control),
    );
    fresh.forEach((entry, i) => {
      if (outOfTime()) return void (complete = false);
      effects[entry.index] = measure(without, withIt, question, current, entry.control, targets[i], effects[entry.index]);
    });
  }

  // Controls applied already: the current radius against the radius without that one control.
  const applied = parsed.flatMap((entry, index) => ("reason" in entry.parsed || !appliedControls.has(entry.control) ? [] : [{ index, control: entry.parsed }]));
  if (applied.length) withIt.walk(question.sources, { ...question.walk, overlay: current });
  applied.forEach((entry) => {
    if (outOfTime()) return void (complete = false);
    const others = applyControls(
      emptyOverlay(graph),
      question.controls.filter((control) => control.control !== entry.control.control),
    );
    without.walk(question.sources, { ...question.walk, overlay: others });
    const [targets] = targetsOf(without, question, others, [entry.control]);
    effects[entry.index] = compare(without, withIt, entry.control, targets, effects[entry.index]);
  });

  return {
    ok: true,
    result: {
      graphVersion: graph.version,
      source: question.source.description,
      radius,
      effects,
      complete,
      seconds: Math.round(performance.now() - started) / 1000,
    },
  };
}

/** The effect of one control on top of `base`: walks with it, compares, and leaves the overlay as it was. */
function measure(
  without: RadiusWorkspace,
  withIt: RadiusWorkspace,
  question: RadiusQuestion,
  base: Overlay,
  control: ParsedControl,
  targets: number[],
  effect: TWhatIfEffect,
): TWhatIfEffect {
  // No step of this radius goes through the control: the walk with it would be this walk again.
  if (targets.length === 0) return compare(without, without, control, targets, effect);
  const restore = switchOn(base, control);
  withIt.walk(question.sources, { ...question.walk, overlay: base });
  restore();
  return compare(without, withIt, control, targets, effect);
}

/** Applies a control to an overlay in place; the returned function undoes exactly what it changed. */
function switchOn(overlay: Overlay, control: ParsedControl): () => void {
  const edges = control.edges.filter((e) => overlay.disabledEdges[e] === 0);
  const contexts = control.ignoreScripts.filter((v) => overlay.ignoresScripts[v] === 0);
  for (const e of edges) overlay.disabledEdges[e] = 1;
  for (const v of contexts) overlay.ignoresScripts[v] = 1;
  return () => {
    for (const e of edges) overlay.disabledEdges[e] = 0;
    for (const v of contexts) overlay.ignoresScripts[v] = 0;
  };
}

/**
 * For each control, the nodes a step of this walk leads to through one of the control's edges (or,
 * for ignore-scripts, through an install script running in one of its contexts): what the control
 * could cut. One pass over the steps out of every reached node serves every control.
 */
function targetsOf(walk: RadiusWorkspace, question: RadiusQuestion, overlay: Overlay, controls: readonly ParsedControl[]): number[][] {
  const graph = walk.graph;
  const byEdge = new Map<number, number[]>();
  const byContext = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, c: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [c]);
    else if (list.at(-1) !== c) list.push(c);
  };
  controls.forEach((control, c) => {
    for (const e of control.edges) push(byEdge, e, c);
    for (const v of control.ignoreScripts) push(byContext, v, c);
  });
  const found = controls.map(() => new Set<number>());
  for (let i = 0; i < walk.count; i++) {
    const u = walk.order[i];
    // a package yields its republications unless it is the compromise itself (as the walk does)
    const worm = graph.kind[u] === K.package && !walk.isSource(u);
    forEachStep(
      graph,
      u,
      walk.privilegeOf(u),
      worm,
      overlay,
      (to, e, _step, _level, _privilege, condition) => {
        if (!walk.reached(to) || walk.isSource(to)) return;
        for (const c of byEdge.get(e) ?? []) found[c].add(to);
        if ((condition & INSTALL_SCRIPTS) !== 0) for (const c of byContext.get(to) ?? []) found[c].add(to);
      },
      question.walk.allowedPins ?? null,
    );
  }
  return found.map((set) => [...set].sort((a, b) => walk.hopsOf(a) - walk.hopsOf(b) || a - b));
}

function compare(without: RadiusWorkspace, withIt: RadiusWorkspace, control: ParsedControl, targets: number[], effect: TWhatIfEffect): TWhatIfEffect {
  const graph = without.graph;
  const before = countsOf(without);
  const after = countsOf(withIt);
  const shifts = new Map<number, number>();
  let runtimeOnly = 0;
  let nextResolveOnly = 0;
  if (withIt !== without) {
    for (let i = 0; i < without.count; i++) {
      const v = without.order[i];
      if (!withIt.reached(v)) continue;
      const from = without.exposureOf(v);
      const to = withIt.exposureOf(v);
      if (from !== to) {
        shifts.set(from * 256 + to, (shifts.get(from * 256 + to) ?? 0) + 1);
        if (to === RUNTIME) runtimeOnly++;
      }
      if (!without.isNextResolve(v) && withIt.isNextResolve(v)) nextResolveOnly++;
    }
  }
  const still = targets.filter((v) => withIt.reached(v));
  const removedTotal = before.total - after.total;
  const outcome = removedTotal > 0 ? "cuts" : shifts.size > 0 || nextResolveOnly > 0 ? "weakens" : "none";
  // With nothing to cut, say how the control's own nodes are reached, or that they are not.
  const shown = targets.length ? still : control.nodes.filter((v) => without.reached(v));
  return {
    ...effect,
    evaluated: true,
    outcome,
    before,
    after,
    removed: {
      total: removedTotal,
      now: before.now - after.now,
      secrets: before.secrets - after.secrets,
      identities: before.identities - after.identities,
      criticalSystems: before.criticalSystems - after.criticalSystems,
      republishablePackages: before.republishablePackages - after.republishablePackages,
    },
    exposureShifts: [...shifts.entries()]
      .map(([key, count]) => ({ from: EXPOSURE_BY_RANK[key >> 8], to: EXPOSURE_BY_RANK[key & 0xff], count }))
      .sort((a, b) => b.count - a.count),
    runtimeOnly,
    nextResolveOnly,
    targets: targets.length,
    stillReached: { count: shown.length, examples: shown.slice(0, EXAMPLES).map((v) => stillReached(targets.length ? withIt : without, v)) },
    notReached: control.nodes.filter((v) => !without.reached(v)).map((v) => graph.describe(v)),
  };
}

function stillReached(walk: RadiusWorkspace, v: number): TStillReached {
  const graph = walk.graph;
  const chain: number[] = [];
  for (let node = v; node >= 0; node = walk.parentNodeOf(node)) chain.push(node);
  return {
    node: graph.describe(v),
    path: explainPath(walk, v),
    pathNodes: chain.reverse().map((node) => graph.describe(node)),
    exposure: EXPOSURE_BY_RANK[walk.exposureOf(v)],
    timing: timingOf(walk, v),
  };
}

/** The summary cards' numbers for a walk. */
export function countsOf(walk: RadiusWorkspace): TEffectCounts {
  const graph = walk.graph;
  const counts: TEffectCounts = { total: walk.count, now: 0, secrets: 0, identities: 0, criticalSystems: 0, republishablePackages: 0 };
  for (let i = 0; i < walk.count; i++) {
    const v = walk.order[i];
    if (!walk.isNextResolve(v)) counts.now++;
    const kind = graph.kind[v];
    if (kind === K.secret) counts.secrets++;
    else if (kind === K.identity) counts.identities++;
    else if (kind === K.system && graph.criticality[v] === HIGHEST) counts.criticalSystems++;
    else if (kind === K.package && !walk.isSource(v)) counts.republishablePackages++;
  }
  return counts;
}

function unevaluated(control: string, description: string | null, applied: boolean, error: string | null = null): TWhatIfEffect {
  return {
    control,
    error,
    description,
    applied,
    evaluated: false,
    outcome: null,
    before: null,
    after: null,
    removed: null,
    exposureShifts: [],
    runtimeOnly: 0,
    nextResolveOnly: 0,
    targets: 0,
    stillReached: { count: 0, examples: [] },
    notReached: [],
  };
}
