// GET /api/incidents/[id] — one incident with its snapshot, rotations, checklist, timeline and residual radius
import { z } from "zod";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { getDatabase } from "@/lib/db";
import { problemResponse } from "@/lib/http/problem-response";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { ZRecordId } from "@/lib/schemas/record-id";

export const dynamic = "force-dynamic";

const incidentRequest = requestInput(
  ({ params, query }) => ({ id: params.id, recompute: query.get("recompute") === "1" }),
  z.object({ id: ZRecordId, recompute: z.boolean() }),
);

export const GET = withPermission("incident:read", incidentRequest, async ({ input: { id, recompute } }) => {
  const database = await getDatabase();
  const incident = await getIncident(database.prisma, id);
  if (!incident) return problemResponse([{ path: "id", message: `incident ${id} does not exist` }], 404);
  const radii = await computeIncidentRadii(database, incident, recompute);
  return Response.json(
    { ...incident, residual: radii.residual, recomputed: radii.recomputed, currentGraphVersion: radii.graphVersion, problems: radii.problems },
    { headers: { "cache-control": "no-store" } },
  );
});
