// GET /api/incidents/[id]/report — the incident report as a Markdown download
import { authorizeRequest } from "@/lib/auth/guard";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { getDatabase } from "@/lib/db";
import { invalidInput } from "@/lib/http/invalid-input";
import { ZRecordId } from "@/lib/schemas/record-id";
import { renderIncidentMarkdown } from "@/lib/incidents/render-incident-markdown";

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
  const radii = await computeIncidentRadii(database, incident);
  return new Response(renderIncidentMarkdown(incident, radii.residual, new Date()), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="incident-${id}-report.md"`,
      "cache-control": "no-store",
    },
  });
}
