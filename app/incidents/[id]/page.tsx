import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentDetail } from "@/components/incidents/incident-detail";
import { actorAllows, requirePagePermission } from "@/lib/auth/guard";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { getDatabase } from "@/lib/db";
import { ZRecordId } from "@/lib/schemas/record-id";

export const metadata: Metadata = { title: "Incident" };
export const dynamic = "force-dynamic";

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("incident:read");
  const parsed = ZRecordId.safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  const database = await getDatabase();
  const incident = await getIncident(database.prisma, id);
  if (!incident) notFound();
  const radii = await computeIncidentRadii(database, incident, (await searchParams).recompute === "1");
  return <IncidentDetail incident={incident} radii={radii} canWrite={actorAllows(actor, "incident:write")} />;
}
