import "server-only";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZChecklistItem, type TUndoRotationInput } from "@/lib/schemas/incident";

export type UndoRotationResult = { ok: true } | { ok: false; error: string };

/**
 * Takes back a rotation or revocation marked by mistake: the secret or identity is pending again,
 * its checklist item unticked, and the timeline and the audit log say who undid what (the mark
 * itself stays in both, so the record of the response is never rewritten).
 */
export async function undoRotation(db: Db, actor: AuditActor, input: TUndoRotationInput): Promise<UndoRotationResult> {
  return db.$transaction(async (tx) => {
    const rotation = await tx.rotation.findUnique({ where: { incidentId_nodeKey: { incidentId: input.incidentId, nodeKey: input.nodeKey } } });
    if (!rotation) return { ok: false, error: `${input.nodeKey} is not marked rotated or revoked in incident ${input.incidentId}` };
    await tx.rotation.delete({ where: { id: rotation.id } });
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: input.incidentId }, select: { checklist: true } });
    const checklist = ZChecklistItem.array()
      .parse(incident.checklist)
      .map((item) => (item.id === `rotate:${rotation.nodeKey}` ? { ...item, done: false, doneBy: null, doneAt: null } : item));
    await tx.incident.update({ where: { id: input.incidentId }, data: { checklist: checklist as unknown as Prisma.InputJsonValue } });
    await tx.incidentEvent.create({
      data: {
        incidentId: input.incidentId,
        type: "rotation undone",
        actor: actor.name,
        details: { summary: `undid "${rotation.action}" of ${rotation.nodeName} (${rotation.nodeKey}), marked by ${rotation.by}`, nodeKey: rotation.nodeKey },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "incident.rotation_undone",
      target: `incident:${input.incidentId}`,
      before: { nodeKey: rotation.nodeKey, action: rotation.action, by: rotation.by, at: rotation.at.toISOString(), note: rotation.note },
    });
    return { ok: true };
  });
}
