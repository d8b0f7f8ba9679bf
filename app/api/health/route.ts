// GET /api/health — database kind and migration status, for load balancers and operators
import { getHealth } from "@/lib/data/system/get-health";
import { getDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const health = await getHealth(await getDatabase());
    return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
  } catch {
    return Response.json({ status: "down", error: "database unavailable" }, { status: 503 });
  }
}
