import "server-only";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZChecklistItem } from "@/lib/schemas/incident";

export async function setChecklistItem(db: Db, actor: AuditActor, incidentId: number, itemId: string, done: boolean): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { checklist: true } });
    if (!incident) return false;
    const checklist = ZChecklistItem.array().parse(incident.checklist);
    const item = checklist.find((candidate) => candidate.id === itemId);
    if (!item) return false;
    if (item.done === done) return true;
    const at = new Date();
    const updated = checklist.map((candidate) =>
      candidate.id === itemId ? { ...candidate, done, doneBy: done ? actor.name : null, doneAt: done ? at.toISOString() : null } : candidate,
    );
    await tx.incident.update({ where: { id: incidentId }, data: { checklist: updated as unknown as Prisma.InputJsonValue } });
    await tx.incidentEvent.create({
      data: { incidentId, type: done ? "checked" : "unchecked", actor: actor.name, at, details: { summary: item.text.slice(0, 200), itemId } },
    });
    await recordAuditEvent(tx, actor, { action: "incident.checklist", target: `incident:${incidentId}`, after: { itemId, done } });
    return true;
  });
}
