// GET /api/incidents/[id]/report — the incident report as a Markdown download
import { z } from "zod";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { getDatabase } from "@/lib/db";
import { problemResponse } from "@/lib/http/problem-response";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { ZRecordId } from "@/lib/schemas/record-id";
import { renderIncidentMarkdown } from "@/lib/incidents/render-incident-markdown";

export const dynamic = "force-dynamic";

const incidentId = requestInput(({ params }) => ({ id: params.id }), z.object({ id: ZRecordId }));

export const GET = withPermission("incident:read", incidentId, async ({ input: { id } }) => {
  const database = await getDatabase();
  const incident = await getIncident(database.prisma, id);
  if (!incident) return problemResponse([{ path: "id", message: `incident ${id} does not exist` }], 404);
  const radii = await computeIncidentRadii(database, incident);
  return new Response(renderIncidentMarkdown(incident, radii.residual, new Date()), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="incident-${id}-report.md"`,
      "cache-control": "no-store",
    },
  });
});
