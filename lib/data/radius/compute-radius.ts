import type { Database } from "@/lib/db";
import { blastRadius, blastRadiusJson, type EngineAnswer } from "@/lib/engine/blast-radius";
import type { TRadiusInput, TRadiusResult } from "@/lib/schemas/radius";
import { getEngineGraph } from "../graph/get-engine-graph";

/** The blast radius of one or more sources on the current graph, as an object (pages, incidents). */
export async function computeRadius(database: Pick<Database, "connection">, input: TRadiusInput): Promise<EngineAnswer<TRadiusResult>> {
  return blastRadius(await getEngineGraph(database), input);
}

/** The same answer as JSON text in chunks (CLI `radius --json`, GET /api/blast-radius). */
export async function computeRadiusJson(database: Pick<Database, "connection">, input: TRadiusInput): Promise<EngineAnswer<Generator<string>>> {
  return blastRadiusJson(await getEngineGraph(database), input);
}
