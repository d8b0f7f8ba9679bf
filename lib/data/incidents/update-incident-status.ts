import "server-only";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { TIncidentStatus } from "@/lib/schemas/incident";

export async function updateIncidentStatus(db: Db, actor: AuditActor, id: number, status: TIncidentStatus): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await tx.incident.findUnique({ where: { id }, select: { status: true } });
    if (!current) return false;
    if (current.status === status) return true;
    await tx.incident.update({ where: { id }, data: { status } });
    await tx.incidentEvent.create({
      data: { incidentId: id, type: "status", actor: actor.name, details: { summary: `${current.status} → ${status}`, from: current.status, to: status } },
    });
    await recordAuditEvent(tx, actor, { action: "incident.status", target: `incident:${id}`, before: { status: current.status }, after: { status } });
    return true;
  });
}
