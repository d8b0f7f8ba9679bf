import { EXPOSURES } from "@/lib/schemas/graph-facts";
import type { TRadiusPaging, TRotationItem } from "@/lib/schemas/radius";
import type { TFixesInput, TFixesResult, TRadiusFixesInput, TPathInput, TPathResult, TRadiusInput, TRadiusResult } from "@/lib/schemas/radius";
import type { TRefProblem } from "@/lib/schemas/input-problem";
import type { EngineGraph } from "./graph";
import { rankFixes } from "./fixes";
import { findPaths, toPathResult } from "./path";
import { RadiusWorkspace } from "./radius";
import { radiusJsonChunks } from "./radius-json";
import { CursorError, decodeCursor, encodeCursor, importanceOrder, questionDigest } from "./radius-page";
import { buildRotationPlan } from "./rotation";
import { summarizeRadius, toRadiusResult, type RadiusResultOptions, type RadiusSourceInfo } from "./radius-result";
import { resolveRef } from "./resolve-ref";
import { prepareRadiusQuestion, type EngineAnswer } from "./radius-question";
import { applyControls, emptyOverlay } from "./what-if";

// The engine's entry points, each from validated input to a shared-schema answer or the list of
// problems with the refs (which the CLI turns into exit 2 and the API into a 400).

export type { EngineAnswer } from "./radius-question";

const workspaces = new WeakMap<EngineGraph, RadiusWorkspace>();

/** A workspace reused across requests on one graph (walks are synchronous, so never shared mid-walk). */
export function workspaceFor(graph: EngineGraph): RadiusWorkspace {
  let workspace = workspaces.get(graph);
  if (!workspace) workspaces.set(graph, (workspace = new RadiusWorkspace(graph)));
  return workspace;
}

interface WalkedRadius {
  workspace: RadiusWorkspace;
  source: RadiusSourceInfo;
  options: RadiusResultOptions;
  before: TRadiusResult["summary"] | null;
}

function walkInput(graph: EngineGraph, input: TRadiusInput, workspace: RadiusWorkspace): EngineAnswer<WalkedRadius> {
  const question = prepareRadiusQuestion(graph, input);
  if (!question.ok) return question;
  const { sources, walk, controls, source, options } = question.result;
  let before = null;
  let overlay = null;
  if (controls.length) {
    before = summarizeRadius(workspace.walk(sources, walk));
    overlay = applyControls(emptyOverlay(graph), controls);
  }
  workspace.walk(sources, { ...walk, overlay });
  return { ok: true, result: { workspace, source, options, before } };
}

export function blastRadius(graph: EngineGraph, input: TRadiusInput): EngineAnswer<TRadiusResult> {
  const walked = walkInput(graph, input, workspaceFor(graph));
  if (!walked.ok) return walked;
  const { workspace, source, options, before } = walked.result;
  return { ok: true, result: toRadiusResult(workspace, source, options, before) };
}

/**
 * The same answer as blastRadius, as JSON text in chunks (for stdout and HTTP responses, where a
 * large radius should not be held in memory whole). The walk gets a workspace of its own, so
 * other requests can walk while the chunks are being sent.
 */
export function blastRadiusJson(graph: EngineGraph, input: TRadiusInput, nodesPerChunk?: number): EngineAnswer<Generator<string>> {
  const walked = walkInput(graph, input, new RadiusWorkspace(graph));
  if (!walked.ok) return walked;
  const { workspace, source, options, before } = walked.result;
  return { ok: true, result: radiusJsonChunks(workspace, source, options, before, nodesPerChunk) };
}

export type PageAnswer = EngineAnswer<Generator<string>> | { ok: false; cursor: CursorError };

/**
 * One page of the answer, the most important nodes first (lib/engine/radius-page.ts): the complete
 * summary, the first rotation-plan rows, at most `limit` nodes and their parent edges, and a
 * cursor for the next page. A cursor from another question or an older graph is refused.
 */
export function blastRadiusPageJson(graph: EngineGraph, input: TRadiusInput, paging: TRadiusPaging & { limit: number }): PageAnswer {
  const asked = JSON.stringify([input.refs, input.advisories, input.maxHops, input.exposures, input.whatIf, input.timings]);
  const question = questionDigest(asked);
  let offset = 0;
  if (paging.cursor !== null) {
    try {
      offset = decodeCursor(paging.cursor, graph.version, question).offset;
    } catch (error) {
      if (error instanceof CursorError) return { ok: false, cursor: error };
      throw error;
    }
  }
  const ranked = rankedRadius(graph, input, asked);
  if (!ranked.ok) return ranked;
  const { workspace, source, options, before, rotationPlan, order } = ranked.result;
  const vertices = order.subarray(Math.min(offset, order.length), Math.min(offset + paging.limit, order.length));
  const end = offset + vertices.length;
  const truncated = end < order.length;
  const info = {
    offset,
    limit: paging.limit,
    returned: vertices.length,
    total: order.length,
    truncated,
    nextCursor: truncated ? encodeCursor({ graphVersion: graph.version, offset: end, question }) : null,
  };
  return {
    ok: true,
    result: radiusJsonChunks(workspace, source, options, before, undefined, {
      vertices,
      includePaths: paging.includePaths,
      rotationRows: paging.rotationRows,
      rotationPlan,
      info,
    }),
  };
}

interface RankedRadius extends WalkedRadius {
  rotationPlan: TRotationItem[];
  order: Int32Array;
}

/** Recent questions per graph: the pages after the first, and people looking at the same incident, reuse one walk. */
const rankedByGraph = new WeakMap<EngineGraph, Map<string, RankedRadius>>();
const RANKED_KEPT = 4;

/** `question` is the whole question as text (never its short digest, which two questions may share). */
function rankedRadius(graph: EngineGraph, input: TRadiusInput, question: string): EngineAnswer<RankedRadius> {
  let kept = rankedByGraph.get(graph);
  if (!kept) rankedByGraph.set(graph, (kept = new Map()));
  const cached = kept.get(question);
  if (cached) {
    // most recently used last
    kept.delete(question);
    kept.set(question, cached);
    return { ok: true, result: cached };
  }
  // a workspace of its own: the walk stays valid while pages are being written from it
  const walked = walkInput(graph, input, new RadiusWorkspace(graph));
  if (!walked.ok) return walked;
  const rotationPlan = buildRotationPlan(walked.result.workspace);
  const ranked = { ...walked.result, rotationPlan, order: importanceOrder(walked.result.workspace, rotationPlan) };
  kept.set(question, ranked);
  if (kept.size > RANKED_KEPT) kept.delete(kept.keys().next().value!);
  return { ok: true, result: ranked };
}

export function findChains(graph: EngineGraph, input: TPathInput): EngineAnswer<TPathResult> {
  const from = resolveRef(graph, input.from);
  const to = resolveRef(graph, input.to);
  const errors = [from, to].filter((r): r is TRefProblem => "reason" in r);
  if ("reason" in from || "reason" in to) return { ok: false, errors };
  if (to.node === null) {
    return {
      ok: false,
      errors: [{ ref: input.to, reason: "invalid", message: `${input.to} names several nodes; the target must be one node`, candidates: [] }],
    };
  }
  const chains = findPaths(graph, from.sources, to.node, input.k);
  return { ok: true, result: toPathResult(graph, from.sources, to.node, chains) };
}

export function topFixes(graph: EngineGraph, input: TFixesInput, timeBudgetMs?: number): TFixesResult {
  return rankFixes(graph, { top: input.top, exposures: input.exposures, timeBudgetMs });
}

/** The top fixes for one radius: its sources walked together, every single control a candidate. */
export function topFixesForRadius(graph: EngineGraph, input: TRadiusFixesInput, timeBudgetMs?: number): EngineAnswer<TFixesResult> {
  const question = prepareRadiusQuestion(graph, { refs: input.refs, advisories: input.advisories, maxHops: null, exposures: [], whatIf: [], timings: [] });
  if (!question.ok) return question;
  const { sources, walk, source } = question.result;
  return {
    ok: true,
    result: rankFixes(graph, {
      top: input.top,
      // as the radius itself: no exposure filter counts every level (the org-wide ranking's default
      // is what an install-time payload reaches)
      exposures: input.exposures.length ? input.exposures : EXPOSURES,
      timeBudgetMs,
      radius: { sources, allowedPins: walk.allowedPins ?? null, scope: source.description },
    }),
  };
}
