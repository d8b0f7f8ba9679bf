import type { Database } from "@/lib/db";
import { topFixes, topFixesForRadius, type EngineAnswer } from "@/lib/engine/blast-radius";
import type { TFixesInput, TFixesResult, TRadiusFixesInput } from "@/lib/schemas/radius";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";

/** The single changes that remove the most reach over every compromise source (CLI `fixes`, GET /api/fixes). */
export async function computeFixes(database: Pick<Database, "connection">, input: TFixesInput): Promise<TFixesResult> {
  return topFixes(await getEngineGraph(database), input);
}

/** The same ranking for one radius, its sources taken together (GET /api/fixes?ref=…, the radius page). */
export async function computeRadiusFixes(database: Pick<Database, "connection">, input: TRadiusFixesInput): Promise<EngineAnswer<TFixesResult>> {
  return topFixesForRadius(await getEngineGraph(database), input);
}
