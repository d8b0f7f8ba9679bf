// GET/POST/DELETE /api/assumed-compromised — the shared "assumed compromised" set (list, mark, unmark)
import { problemResponse } from "@/lib/http/problem-response";
import { bodyInput, queryInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { listAssumedCompromised } from "@/lib/data/compromise/list-assumed-compromised";
import { markAssumedCompromised } from "@/lib/data/compromise/mark-assumed-compromised";
import { unmarkAssumedCompromised } from "@/lib/data/compromise/unmark-assumed-compromised";
import { getDatabase } from "@/lib/db";
import { resolveNodeRef } from "@/lib/services/graph/resolve-node-ref";
import { ZMarkAssumedCompromisedInput, ZUnmarkAssumedCompromisedInput } from "@/lib/schemas/assumed-compromise";

export const dynamic = "force-dynamic";

// Refs are resolved by the engine, as a radius's are: a ref that names no node is a 404 listing
// the closest keys.

export const GET = withPermission("graph:read", null, async () => Response.json({ items: await listAssumedCompromised((await getDatabase()).prisma) }));

export const POST = withPermission("compromise:mark", bodyInput(ZMarkAssumedCompromisedInput, "{ ref, note? }"), async ({ actor, input }) => {
  const database = await getDatabase();
  const node = await resolveNodeRef(database, input.ref);
  if (!node.ok) return problemResponse(node.errors, 404);
  const result = await markAssumedCompromised(database.prisma, { ...input, ref: node.key }, actor);
  if (!result.ok) return problemResponse(result.errors, 404);
  return Response.json({ item: result.item, created: result.created }, { status: result.created ? 201 : 200 });
});

export const DELETE = withPermission("compromise:mark", queryInput(ZUnmarkAssumedCompromisedInput), async ({ actor, input }) => {
  const database = await getDatabase();
  const node = await resolveNodeRef(database, input.ref);
  if (!node.ok) return problemResponse(node.errors, 404);
  const result = await unmarkAssumedCompromised(database.prisma, node.key, actor);
  return result.ok ? Response.json({ removed: result.removed }) : problemResponse(result.errors, 404);
});
