import { type EngineAnswer, workspaceFor } from "@/lib/engine/blast-radius";
import type { EngineGraph } from "@/lib/engine/graph";
import { toRadiusResult } from "@/lib/engine/radius-result";
import { resolveRefs } from "@/lib/engine/resolve-ref";
import { emptyOverlay } from "@/lib/engine/what-if";
import { EDGE_KINDS } from "@/lib/schemas/graph-facts";
import type { TRadiusResult } from "@/lib/schemas/radius";

// The residual radius of an incident: the same sources and options as the snapshot, walked on the
// graph with every rotated or revoked secret and identity masked out (all its edges disabled in an
// overlay, the engine's own what-if mechanism), so nothing is reached through them any more.
// The engine's what-if controls work per edge (short-lived:, remove-secret:); an incident needs
// "this node is dead", hence the mask here rather than a list of controls.

export interface ResidualInput {
  refs: string[];
  advisories: string[];
  maxHops: number | null;
  exposures: TRadiusResult["options"]["exposures"];
}

export function residualRadius(graph: EngineGraph, input: ResidualInput, excludedKeys: readonly string[]): EngineAnswer<TRadiusResult> {
  const resolved = resolveRefs(graph, input.refs, input.advisories);
  if (!resolved.ok) return { ok: false, errors: resolved.errors };
  const overlay = emptyOverlay(graph);
  const masked: string[] = [];
  for (const key of excludedKeys) {
    const v = graph.indexOfKey(key);
    if (v === undefined) continue; // gone from today's graph: nothing to mask
    masked.push(key);
    for (const kind of EDGE_KINDS) {
      graph.forEachOut(v, kind, (e) => (overlay.disabledEdges[e] = 1));
      graph.forEachIn(v, kind, (e) => (overlay.disabledEdges[e] = 1));
    }
  }
  const sources = [...new Set(resolved.sources.flatMap((source) => source.sources))];
  const workspace = workspaceFor(graph);
  workspace.walk(sources, { maxHops: input.maxHops, exposures: input.exposures, overlay });
  return {
    ok: true,
    result: toRadiusResult(
      workspace,
      {
        refs: [...input.refs, ...input.advisories.map((id) => (id.startsWith("advisory:") ? id : `advisory:${id}`))],
        nodes: resolved.sources.flatMap((source) => (source.node === null ? source.sources : [source.node])),
        description: `${resolved.sources.map((source) => source.description).join("; ")}; excluding ${masked.length} rotated or revoked node(s)`,
      },
      { maxHops: input.maxHops, exposures: input.exposures, whatIf: [], timings: [] },
    ),
  };
}
