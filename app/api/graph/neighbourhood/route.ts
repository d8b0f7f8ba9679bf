// GET /api/graph/neighbourhood — a capped subgraph around one node, with "+N more" counts per node
import { authorizeRequest } from "@/lib/auth/guard";
import { getNeighbourhood } from "@/lib/data/graph/get-neighbourhood";
import { getDb } from "@/lib/db";
import { ZNeighbourhoodQuery } from "@/lib/schemas/graph-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "graph:read");
  if (actor instanceof Response) return actor;
  const query = ZNeighbourhoodQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json({ error: "invalid query", errors: query.error.issues.map((issue) => ({ path: issue.path.join(".") || "query", message: issue.message })) }, { status: 400 });
  }
  const view = await getNeighbourhood(await getDb(), query.data);
  if (!view) return Response.json({ error: `no node with id ${query.data.focus}` }, { status: 404 });
  return Response.json(view, { headers: { "cache-control": "private, max-age=5" } });
}
