import type { Database } from "@/lib/db";
import { findChains, type EngineAnswer } from "@/lib/engine/blast-radius";
import type { TPathInput, TPathResult } from "@/lib/schemas/radius";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";

/** Up to k shortest chains between two refs (CLI `path` and GET /api/path). */
export async function computePath(database: Pick<Database, "connection">, input: TPathInput): Promise<EngineAnswer<TPathResult>> {
  return findChains(await getEngineGraph(database), input);
}
