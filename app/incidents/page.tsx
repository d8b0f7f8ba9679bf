import type { Metadata } from "next";
import { IncidentsList } from "@/components/incidents/incidents-list";
import { actorAllows, requirePagePermission } from "@/lib/auth/guard";
import { listIncidents } from "@/lib/data/incidents/list-incidents";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "Incidents" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const actor = await requirePagePermission("incident:read");
  return <IncidentsList incidents={await listIncidents((await getDatabase()).prisma)} canWrite={actorAllows(actor, "incident:write")} />;
}
