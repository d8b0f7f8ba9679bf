// GET /api/inventory/[kind] — one page of an inventory (identities, secrets, …): filters, sort, search
import { z } from "zod";
import { InputProblemError } from "@/lib/http/problem-response";
import { requestInput, type RequestParts } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { listInventory } from "@/lib/data/inventory/list-inventory";
import { getDatabase } from "@/lib/db";
import { INVENTORY_KINDS, parseInventoryQuery, ZInventoryKind, type TInventoryKind, type TInventoryQuery } from "@/lib/schemas/inventory-query";

export const dynamic = "force-dynamic";

// The query's rules depend on the kind (its sort columns, filters, flags), so parseInventoryQuery
// (which the inventory page uses too) checks it once the kind is known. A kind that is no
// inventory is a path that names nothing: 404, not a bad query.
function inventoryRequest({ params, query }: RequestParts): { kind: TInventoryKind; query: TInventoryQuery } {
  const kind = ZInventoryKind.safeParse(params.kind);
  if (!kind.success) throw new InputProblemError([{ path: "kind", message: `no inventory of that kind; one of ${INVENTORY_KINDS.join(", ")}` }], 404);
  const parsed = parseInventoryQuery(kind.data, query);
  if (!parsed.ok) throw new InputProblemError(parsed.errors);
  return { kind: kind.data, query: parsed.query };
}

export const GET = withPermission(
  "graph:read",
  requestInput(inventoryRequest, z.custom<ReturnType<typeof inventoryRequest>>()),
  async ({ input: { kind, query } }) => {
    const page = await listInventory((await getDatabase()).prisma, kind, query);
    // short private caching: a re-visited page is instant, an import shows within seconds
    return Response.json(page, { headers: { "cache-control": "private, max-age=5" } });
  },
);
