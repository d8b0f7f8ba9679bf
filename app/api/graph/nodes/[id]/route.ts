// GET /api/graph/nodes/[id] — one entity's attributes, provenance and neighbours (the explorer's side panel)
import { z } from "zod";
import { getNodeDetail } from "@/lib/data/graph/get-node-detail";
import { getDatabase } from "@/lib/db";
import { problemResponse } from "@/lib/http/problem-response";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { ZRecordId } from "@/lib/schemas/record-id";

export const dynamic = "force-dynamic";

const nodeId = requestInput(({ params }) => ({ id: params.id }), z.object({ id: ZRecordId }));

export const GET = withPermission("graph:read", nodeId, async ({ input: { id } }) => {
  const detail = await getNodeDetail((await getDatabase()).prisma, id);
  return detail ? Response.json(detail) : problemResponse([{ path: "id", message: `no node with id ${id}` }], 404);
});
