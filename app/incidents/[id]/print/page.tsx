import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentPrint } from "@/components/incidents/incident-print";
import { requirePagePermission } from "@/lib/auth/guard";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { getDatabase } from "@/lib/db";
import { ZRecordId } from "@/lib/schemas/record-id";

export const metadata: Metadata = { title: "Incident report" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("incident:read");
  const parsed = ZRecordId.safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  const database = await getDatabase();
  const incident = await getIncident(database.prisma, id);
  if (!incident) notFound();
  return <IncidentPrint incident={incident} radii={await computeIncidentRadii(database, incident)} generatedAt={new Date().toISOString()} />;
}
