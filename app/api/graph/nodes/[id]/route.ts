// GET /api/graph/nodes/[id] — one entity's attributes, provenance and neighbours (the explorer's side panel)
import { authorizeRequest } from "@/lib/auth/guard";
import { getNodeDetail } from "@/lib/data/graph/get-node-detail";
import { getDb } from "@/lib/db";
import { invalidInput } from "@/lib/http/invalid-input";
import { ZRecordId } from "@/lib/schemas/record-id";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await authorizeRequest(request, "graph:read");
  if (actor instanceof Response) return actor;
  const id = ZRecordId.safeParse((await params).id);
  if (!id.success) return invalidInput(id.error.issues, "id");
  const detail = await getNodeDetail(await getDb(), id.data);
  if (!detail) return Response.json({ error: `no node with id ${id.data}` }, { status: 404 });
  return Response.json(detail);
}
