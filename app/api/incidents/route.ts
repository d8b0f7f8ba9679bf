// GET /api/incidents — incidents, open ones first
import { authorizeRequest } from "@/lib/auth/guard";
import { listIncidents } from "@/lib/data/incidents/list-incidents";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "incident:read");
  if (actor instanceof Response) return actor;
  return Response.json({ items: await listIncidents(await getDb()) }, { headers: { "cache-control": "no-store" } });
}
