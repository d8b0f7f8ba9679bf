import type { Database } from "@/lib/db";
import { blastRadius, type EngineAnswer } from "@/lib/engine/blast-radius";
import type { TRadiusInput, TRadiusResult } from "@/lib/schemas/radius";
import { getEngineGraph } from "../graph/get-engine-graph";

/** The blast radius of one or more sources on the current graph (CLI `radius` and GET /api/blast-radius). */
export async function computeRadius(database: Pick<Database, "connection">, input: TRadiusInput): Promise<EngineAnswer<TRadiusResult>> {
  return blastRadius(await getEngineGraph(database), input);
}
