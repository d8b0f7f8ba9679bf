// GET /api/graph/search — nodes of any kind whose name or key matches, for "search to focus"
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { searchNodes } from "@/lib/data/graph/search-nodes";
import { getDb } from "@/lib/db";
import { ZGraphSearchQuery } from "@/lib/schemas/graph-view";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "graph:read");
  if (actor instanceof Response) return actor;
  const query = ZGraphSearchQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error.issues);
  return Response.json({ hits: await searchNodes(await getDb(), query.data) });
}
