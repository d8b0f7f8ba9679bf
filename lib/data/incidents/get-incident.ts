import "server-only";
import type { Db } from "@/lib/db";
import type { TIncident } from "@/lib/schemas/incident";
import { INCIDENT_INCLUDE, toIncident } from "./to-incident";

export async function getIncident(db: Db, id: number): Promise<TIncident | null> {
  const row = await db.incident.findUnique({ where: { id }, include: INCIDENT_INCLUDE });
  return row ? toIncident(row) : null;
}
