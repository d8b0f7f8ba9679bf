// GET /api/path — the k shortest chains from one node to another (?from=…&to=…&k=3)
import { problemResponse } from "@/lib/http/problem-response";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { computePath } from "@/lib/services/radius/compute-path";
import { getDatabase } from "@/lib/db";
import { ZPathInput } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

const pathQuery = requestInput(
  ({ query }) => ({ from: query.get("from") ?? "", to: query.get("to") ?? "", k: query.get("k") || undefined }),
  ZPathInput,
  "query",
);

export const GET = withPermission("radius:read", pathQuery, async ({ input }) => {
  const answer = await computePath(await getDatabase(), input);
  return answer.ok ? Response.json(answer.result) : problemResponse(answer.errors);
});
