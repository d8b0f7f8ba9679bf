// GET /api/inventory/[kind] — one page of an inventory (identities, secrets, …): filters, sort, search
import { authorizeRequest } from "@/lib/auth/guard";
import { listInventory } from "@/lib/data/inventory/list-inventory";
import { getDb } from "@/lib/db";
import { INVENTORY_KINDS, parseInventoryQuery, ZInventoryKind } from "@/lib/schemas/inventory-query";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const actor = await authorizeRequest(request, "graph:read");
  if (actor instanceof Response) return actor;
  const kind = ZInventoryKind.safeParse((await params).kind);
  if (!kind.success) return Response.json({ error: `no inventory of that kind; one of ${INVENTORY_KINDS.join(", ")}` }, { status: 404 });
  const query = parseInventoryQuery(kind.data, new URL(request.url).searchParams);
  if (!query.ok) return Response.json({ error: "invalid query", errors: query.errors }, { status: 400 });
  const page = await listInventory(await getDb(), kind.data, query.query);
  // short private caching: a re-visited page is instant, an import shows within seconds
  return Response.json(page, { headers: { "cache-control": "private, max-age=5" } });
}
