// GET /api/fixes — the single changes that shrink the blast radius most over every source (?top=10&exposure=…),
// or for one radius with ?ref=…&advisory=… (its sources taken together)
import { problemResponse } from "@/lib/http/problem-response";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { computeFixes, computeRadiusFixes } from "@/lib/services/radius/compute-fixes";
import { getDatabase } from "@/lib/db";
import { ZRadiusFixesInput } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

const fixesQuery = requestInput(
  ({ query }) => ({ top: query.get("top") || undefined, exposures: query.getAll("exposure"), refs: query.getAll("ref"), advisories: query.getAll("advisory") }),
  ZRadiusFixesInput,
  "query",
);

export const GET = withPermission("whatif:run", fixesQuery, async ({ input }) => {
  const database = await getDatabase();
  if (input.refs.length === 0 && input.advisories.length === 0) return Response.json(await computeFixes(database, input));
  const answer = await computeRadiusFixes(database, input);
  return answer.ok ? Response.json(answer.result) : problemResponse(answer.errors);
});
