import { z } from "zod";
import { ZExposure, ZNodeKind } from "./graph-facts";
import { ZPathStep, ZRadiusInput, ZTiming } from "./radius";

// What each what-if control would change in one radius, before it is ticked: the engine walks the
// radius once per control (lib/engine/what-if-effects.ts) and GET /api/blast-radius/what-if-effects
// returns this. When a control changes nothing, the answer says which other path still reaches
// what it would have cut, so the page never claims "no effect" without a reason.

/** Controls one request may ask about: one walk each, so bounded (the page asks per visible group). */
export const MAX_EFFECT_CONTROLS = 50;

export const ZWhatIfEffectsInput = ZRadiusInput.extend({
  controls: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string().trim().min(1, "empty control").max(2000))
      .min(1, "give at least one control=…")
      .max(MAX_EFFECT_CONTROLS, `at most ${MAX_EFFECT_CONTROLS} controls per request`),
  ),
});
export type TWhatIfEffectsInput = z.infer<typeof ZWhatIfEffectsInput>;

/** The numbers of the summary cards, for one walk. */
export const ZEffectCounts = z.object({
  total: z.number().int(),
  now: z.number().int(),
  secrets: z.number().int(),
  identities: z.number().int(),
  criticalSystems: z.number().int(),
  republishablePackages: z.number().int(),
});
export type TEffectCounts = z.infer<typeof ZEffectCounts>;

const ZNodeRef = z.object({ id: z.number().int(), key: z.string(), kind: ZNodeKind, name: z.string() });

/** A node the control would have cut that the radius reaches all the same, and how. */
export const ZStillReached = z.object({
  node: ZNodeRef,
  /** the chain from a source that still reaches it (with the control applied) */
  path: z.array(ZPathStep),
  /** every node on the path, for naming its steps */
  pathNodes: z.array(ZNodeRef),
  exposure: ZExposure.nullable(),
  timing: ZTiming,
});
export type TStillReached = z.infer<typeof ZStillReached>;

export const ZWhatIfEffect = z.object({
  control: z.string(),
  /** the control does not apply to this graph (unknown node, wrong kind): no effect computed */
  error: z.string().nullable(),
  description: z.string().nullable(),
  /** the control is one of the question's whatIf: its effect is its share (the radius with the others applied, without and with it) */
  applied: z.boolean(),
  /** false when the time budget ran out before this control was walked */
  evaluated: z.boolean(),
  /**
   * cuts: fewer nodes reached; weakens: the same nodes, some at a weaker exposure or only on the
   * next resolve; none: nothing changes
   */
  outcome: z.enum(["cuts", "weakens", "none"]).nullable(),
  /** the radius without the control, and with it */
  before: ZEffectCounts.nullable(),
  after: ZEffectCounts.nullable(),
  /** before − after */
  removed: ZEffectCounts.nullable(),
  /** nodes reached both ways whose weakest-link exposure changes (install → runtime, …) */
  exposureShifts: z.array(z.object({ from: ZExposure.nullable(), to: ZExposure.nullable(), count: z.number().int() })),
  /** of those, nodes that are now reached only at run time (an install script no longer runs) */
  runtimeOnly: z.number().int(),
  /** nodes the attacker had now that the control leaves reachable only on the next resolve */
  nextResolveOnly: z.number().int(),
  /** the nodes the control's edges lead to in this radius */
  targets: z.number().int(),
  /** of those, the ones still reached another way; `examples` shows how (at most 3) */
  stillReached: z.object({ count: z.number().int(), examples: z.array(ZStillReached) }),
  /** nodes the control names that this radius does not reach at all (so it has nothing to cut) */
  notReached: z.array(ZNodeRef),
});
export type TWhatIfEffect = z.infer<typeof ZWhatIfEffect>;

export const ZWhatIfEffects = z.object({
  graphVersion: z.number().int(),
  /** the radius the effects are measured on (its sources and applied controls) */
  source: z.string(),
  /** the radius as asked, with every applied control */
  radius: ZEffectCounts,
  effects: z.array(ZWhatIfEffect),
  /** false when the time budget ran out: some effects are not evaluated */
  complete: z.boolean(),
  seconds: z.number(),
});
export type TWhatIfEffects = z.infer<typeof ZWhatIfEffects>;
