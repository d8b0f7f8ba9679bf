// GET /api/blast-radius/what-if-effects — what each control would change in a radius, before it is ticked
// (?ref=…&advisory=…&maxHops=…&exposure=…&timing=…&whatIf=<applied>…&control=<candidate>… — at most 50 controls)
import { computeWhatIfEffects } from "@/lib/services/radius/compute-what-if-effects";
import { getDatabase } from "@/lib/db";
import { problemResponse } from "@/lib/http/problem-response";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { radiusQueryFields } from "@/lib/schemas/radius";
import { ZWhatIfEffectsInput } from "@/lib/schemas/what-if-effects";

export const dynamic = "force-dynamic";

const effectsQuery = requestInput((parts) => ({ ...radiusQueryFields(parts.query), controls: parts.query.getAll("control") }), ZWhatIfEffectsInput, "query");

export const GET = withPermission("whatif:run", effectsQuery, async ({ input }) => {
  const answer = await computeWhatIfEffects(await getDatabase(), input);
  return answer.ok ? Response.json(answer.result) : problemResponse(answer.errors);
});
