// GET /api/incidents/[id] — one incident with its snapshot, rotations, checklist, timeline and residual radius
import { authorizeRequest } from "@/lib/auth/guard";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { getDatabase } from "@/lib/db";
import { invalidInput } from "@/lib/http/invalid-input";
import { ZRecordId } from "@/lib/schemas/record-id";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await authorizeRequest(request, "incident:read");
  if (actor instanceof Response) return actor;
  const parsed = ZRecordId.safeParse((await params).id);
  if (!parsed.success) return invalidInput(parsed.error.issues, "id");
  const id = parsed.data;
  const database = await getDatabase();
  const incident = await getIncident(database.prisma, id);
  if (!incident) return Response.json({ error: `incident ${id} does not exist` }, { status: 404 });
  const recompute = new URL(request.url).searchParams.get("recompute") === "1";
  const radii = await computeIncidentRadii(database, incident, recompute);
  return Response.json(
    { ...incident, residual: radii.residual, recomputed: radii.recomputed, currentGraphVersion: radii.graphVersion, problems: radii.problems },
    { headers: { "cache-control": "no-store" } },
  );
}
