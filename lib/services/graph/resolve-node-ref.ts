import type { Database } from "@/lib/db";
import { resolveRef } from "@/lib/engine/resolve-ref";
import type { TRefProblem } from "@/lib/schemas/input-problem";
import { getEngineGraph } from "./get-engine-graph";

/**
 * The one node a ref names, resolved by the engine exactly as a radius or path ref is (shorthands
 * such as secret:NPM_TOKEN or a bare name, the closest keys for a typo). A pr: ref names a set of
 * jobs, not one node, so it is refused here.
 */
export async function resolveNodeRef(
  database: Pick<Database, "connection">,
  ref: string,
): Promise<{ ok: true; key: string } | { ok: false; errors: TRefProblem[] }> {
  const graph = await getEngineGraph(database);
  const resolved = resolveRef(graph, ref);
  if ("reason" in resolved) return { ok: false, errors: [resolved] };
  if (resolved.node === null) return { ok: false, errors: [{ ref, reason: "invalid", message: `${ref} names several jobs, not one node`, candidates: [] }] };
  return { ok: true, key: graph.keys[resolved.node] };
}
