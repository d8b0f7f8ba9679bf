import type { Database } from "@/lib/db";
import type { EngineAnswer } from "@/lib/engine/blast-radius";
import { whatIfEffects } from "@/lib/engine/what-if-effects";
import type { TWhatIfEffects, TWhatIfEffectsInput } from "@/lib/schemas/what-if-effects";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";

/** What each what-if control would change in one radius (GET /api/blast-radius/what-if-effects). */
export async function computeWhatIfEffects(database: Pick<Database, "connection">, input: TWhatIfEffectsInput): Promise<EngineAnswer<TWhatIfEffects>> {
  return whatIfEffects(await getEngineGraph(database), input);
}
