// GET /api/graph/neighbourhood — a capped subgraph around one node, with "+N more" counts per node
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { getNeighbourhood } from "@/lib/data/graph/get-neighbourhood";
import { getDb } from "@/lib/db";
import { ZNeighbourhoodQuery } from "@/lib/schemas/graph-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "graph:read");
  if (actor instanceof Response) return actor;
  const query = ZNeighbourhoodQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error.issues);
  const view = await getNeighbourhood(await getDb(), query.data);
  if (!view) return Response.json({ error: `no node with id ${query.data.focus}` }, { status: 404 });
  return Response.json(view, { headers: { "cache-control": "private, max-age=5" } });
}
