// GET /api/incidents — incidents, open ones first
import { withPermission } from "@/lib/http/with-permission";
import { listIncidents } from "@/lib/data/incidents/list-incidents";
import { getDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = withPermission("incident:read", null, async () =>
  Response.json({ items: await listIncidents((await getDatabase()).prisma) }, { headers: { "cache-control": "no-store" } }),
);
