import type { Database } from "@/lib/db";
import { topFixes } from "@/lib/engine/blast-radius";
import type { TFixesInput, TFixesResult } from "@/lib/schemas/radius";
import { getEngineGraph } from "../graph/get-engine-graph";

/** The single changes that remove the most reach over every compromise source (CLI `fixes`, GET /api/fixes). */
export async function computeFixes(database: Pick<Database, "connection">, input: TFixesInput): Promise<TFixesResult> {
  return topFixes(await getEngineGraph(database), input);
}
