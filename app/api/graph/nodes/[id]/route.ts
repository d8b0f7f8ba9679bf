// GET /api/graph/nodes/[id] — one entity's attributes, provenance and neighbours (the explorer's side panel)
import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/guard";
import { getNodeDetail } from "@/lib/data/graph/get-node-detail";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await authorizeRequest(request, "graph:read");
  if (actor instanceof Response) return actor;
  const id = z.coerce.number().int().positive().max(2_147_483_647).safeParse((await params).id);
  if (!id.success) return Response.json({ error: "invalid id", errors: [{ path: "id", message: "id is a positive whole number" }] }, { status: 400 });
  const detail = await getNodeDetail(await getDb(), id.data);
  if (!detail) return Response.json({ error: `no node with id ${id.data}` }, { status: 404 });
  return Response.json(detail);
}
