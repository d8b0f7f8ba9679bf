// GET /api/graph/neighbourhood — a capped subgraph around one node, with "+N more" counts per node
import { problemResponse } from "@/lib/http/problem-response";
import { queryInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { getNeighbourhood } from "@/lib/data/graph/get-neighbourhood";
import { getDatabase } from "@/lib/db";
import { ZNeighbourhoodQuery } from "@/lib/schemas/graph-view";

export const dynamic = "force-dynamic";

export const GET = withPermission("graph:read", queryInput(ZNeighbourhoodQuery), async ({ input }) => {
  const view = await getNeighbourhood((await getDatabase()).prisma, input);
  if (!view) return problemResponse([{ path: "focus", message: `no node with id ${input.focus}` }], 404);
  return Response.json(view, { headers: { "cache-control": "private, max-age=5" } });
});
