import "server-only";
import type { Database } from "@/lib/db";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";
import { blastRadius } from "@/lib/engine/blast-radius";
import { diffRadius } from "@/lib/incidents/diff-radius";
import { residualRadius } from "@/lib/incidents/residual-radius";
import { rotatedNodeKeys } from "@/lib/incidents/rotation-status";
import type { TIncident, TIncidentRadii, TRadiusDiff } from "@/lib/schemas/incident";

export async function computeIncidentRadii(database: Pick<Database, "connection">, incident: TIncident, recompute = false): Promise<TIncidentRadii> {
  const graph = await getEngineGraph(database);
  const { maxHops, exposures } = incident.snapshot.options;
  const advisories = incident.advisoryIds;
  const input = { refs: incident.sourceRefs, advisories, maxHops, exposures };
  const residual = residualRadius(graph, input, rotatedNodeKeys(incident));
  const problems = residual.ok ? [] : residual.errors.map((error) => error.message);
  let recomputed: TRadiusDiff | null = null;
  if (recompute) {
    const today = blastRadius(graph, { ...input, whatIf: [], timings: [] });
    if (today.ok) recomputed = diffRadius(incident.snapshot, today.result);
    else problems.push(...today.errors.map((error) => error.message));
  }
  return { residual: residual.ok ? residual.result : null, recomputed, graphVersion: graph.version, problems };
}
