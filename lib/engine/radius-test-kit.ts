import { expect } from "vitest";
import type { TExposure } from "@/lib/schemas/graph-facts";
import { ZRadiusResult, type TRadiusResult, type TTiming } from "@/lib/schemas/radius";
import { blastRadius, blastRadiusJson } from "./blast-radius";
import type { EngineGraph } from "./graph";

// Shared by the engine's radius tests: one answer, checked against the shared schema, and the
// chunked JSON (CLI --json, the API) checked to be that same answer in chunks of one node, so
// every chunk boundary is crossed.

export interface RadiusTestOptions {
  maxHops?: number;
  exposures?: TExposure[];
  whatIf?: string[];
  advisories?: string[];
  timings?: TTiming[];
}

export function radius(graph: EngineGraph, refs: string[], options: RadiusTestOptions = {}): TRadiusResult {
  const input = {
    refs,
    advisories: options.advisories ?? [],
    maxHops: options.maxHops ?? null,
    exposures: options.exposures ?? [],
    whatIf: options.whatIf ?? [],
    timings: options.timings ?? [],
  };
  const answer = blastRadius(graph, input);
  if (!answer.ok) throw new Error(answer.errors.map((e) => e.message).join("\n"));
  const streamed = blastRadiusJson(graph, input, 1);
  expect(streamed.ok && JSON.parse([...streamed.result].join(""))).toEqual(JSON.parse(JSON.stringify(answer.result)));
  return ZRadiusResult.parse(answer.result);
}

export const reached = (result: TRadiusResult, key: string) => result.nodes.find((node) => node.key === key);
