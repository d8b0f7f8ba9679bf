import type { Database } from "@/lib/db";
import { blastRadius, blastRadiusJson, blastRadiusPageJson, type EngineAnswer, type PageAnswer } from "@/lib/engine/blast-radius";
import type { TRadiusInput, TRadiusPaging, TRadiusResult } from "@/lib/schemas/radius";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";

/** The blast radius of one or more sources on the current graph, as an object (pages, incidents). */
export async function computeRadius(database: Pick<Database, "connection">, input: TRadiusInput): Promise<EngineAnswer<TRadiusResult>> {
  return blastRadius(await getEngineGraph(database), input);
}

/** The same answer as JSON text in chunks (CLI `radius --json`, GET /api/blast-radius). */
export async function computeRadiusJson(database: Pick<Database, "connection">, input: TRadiusInput): Promise<EngineAnswer<Generator<string>>> {
  return blastRadiusJson(await getEngineGraph(database), input);
}

/** One page of the answer, most important nodes first (GET /api/blast-radius?limit=…). */
export async function computeRadiusPageJson(
  database: Pick<Database, "connection">,
  input: TRadiusInput,
  paging: TRadiusPaging & { limit: number },
): Promise<PageAnswer> {
  return blastRadiusPageJson(await getEngineGraph(database), input, paging);
}
