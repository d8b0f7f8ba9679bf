// GET /api/incidents/[id]/report — the incident report as a Markdown download
import { authorizeRequest } from "@/lib/auth/guard";
import { computeIncidentRadii } from "@/lib/data/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { getDatabase } from "@/lib/db";
import { renderIncidentMarkdown } from "@/lib/incidents/render-incident-markdown";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await authorizeRequest(request, "incident:read");
  if (actor instanceof Response) return actor;
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ errors: [{ path: "id", message: "must be a positive whole number" }] }, { status: 400 });
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
