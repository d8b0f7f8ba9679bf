import type { TRefProblem } from "@/lib/schemas/input-problem";
import type { TRadiusInput } from "@/lib/schemas/radius";
import type { EngineGraph } from "./graph";
import type { WalkOptions } from "./radius";
import type { RadiusResultOptions, RadiusSourceInfo } from "./radius-result";
import { resolveRefs } from "./resolve-ref";
import { parseControls, type ParsedControl } from "./what-if";

// A radius question (refs, advisories, filters, what-if controls) resolved against one graph: the
// source nodes, the walk's options and the parsed controls. The radius, its pages, the what-if
// effects and the radius-scoped fixes all ask the same question, so they resolve it here alike.

export type EngineAnswer<T> = { ok: true; result: T } | { ok: false; errors: TRefProblem[] };

export interface RadiusQuestion {
  sources: number[];
  /** the walk's options without the overlay (the controls are applied by the caller) */
  walk: Omit<WalkOptions, "overlay">;
  controls: ParsedControl[];
  source: RadiusSourceInfo;
  options: RadiusResultOptions;
}

export function prepareRadiusQuestion(graph: EngineGraph, input: TRadiusInput): EngineAnswer<RadiusQuestion> {
  const resolved = resolveRefs(graph, input.refs, input.advisories);
  const controls = parseControls(graph, input.whatIf);
  const errors = [...(resolved.ok ? [] : resolved.errors), ...(controls.ok ? [] : controls.errors)];
  if (!resolved.ok || !controls.ok) return { ok: false, errors };
  const sources = [...new Set(resolved.sources.flatMap((source) => source.sources))];
  const pins = resolved.sources.flatMap((source) => source.pins ?? []);
  let allowedPins: Uint8Array | null = null;
  if (pins.length) {
    allowedPins = new Uint8Array(graph.edgeCount);
    for (const e of pins) allowedPins[e] = 1;
  }
  const timings = input.timings ?? [];
  const nextResolve = timings.length === 0 || timings.includes("next-resolve");
  const source: RadiusSourceInfo = {
    refs: [...input.refs, ...input.advisories.map((id) => (id.startsWith("advisory:") ? id : `advisory:${id}`))],
    nodes: resolved.sources.flatMap((source) => (source.node === null ? source.sources : [source.node])),
    description: [...resolved.sources.map((source) => source.description), ...controls.controls.map((control) => `what-if: ${control.description}`)].join("; "),
  };
  return {
    ok: true,
    result: {
      sources,
      walk: { maxHops: input.maxHops, exposures: input.exposures, allowedPins, nextResolve },
      controls: controls.controls,
      source,
      options: { maxHops: input.maxHops, exposures: input.exposures, whatIf: input.whatIf, timings },
    },
  };
}
