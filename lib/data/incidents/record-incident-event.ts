import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Adds a line to an incident's timeline (recomputations, exports). */
export async function recordIncidentEvent(db: Db, incidentId: number, type: string, actor: string, details: Prisma.InputJsonObject): Promise<void> {
  await db.incidentEvent.create({ data: { incidentId, type, actor, details } });
}
