import "server-only";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZChecklistItem, type TMarkRotationInput } from "@/lib/schemas/incident";

export type MarkRotationResult = { ok: true } | { ok: false; error: string };

/**
 * Records that a secret or identity of the incident's radius was rotated or revoked (once per node;
 * marking again updates who, when and the note). The matching checklist item is ticked with it.
 */
export async function markRotation(db: Db, actor: AuditActor, input: TMarkRotationInput): Promise<MarkRotationResult> {
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: input.incidentId }, select: { snapshot: true, checklist: true } });
    if (!incident) return { ok: false, error: `incident ${input.incidentId} does not exist` };
    const snapshot = incident.snapshot as { nodes?: { key: string; kind: string; name: string }[] };
    const node = snapshot.nodes?.find((candidate) => candidate.key === input.nodeKey);
    if (!node || (node.kind !== "secret" && node.kind !== "identity")) {
      return { ok: false, error: `${input.nodeKey} is not a secret or identity in this incident's radius` };
    }
    const at = new Date();
    await tx.rotation.upsert({
      where: { incidentId_nodeKey: { incidentId: input.incidentId, nodeKey: input.nodeKey } },
      create: {
        incidentId: input.incidentId,
        nodeKey: node.key,
        nodeKind: node.kind,
        nodeName: node.name,
        action: input.action,
        by: actor.name,
        at,
        note: input.note,
      },
      update: { action: input.action, by: actor.name, at, note: input.note },
    });
    const checklist = ZChecklistItem.array()
      .parse(incident.checklist)
      .map((item) => (item.id === `rotate:${node.key}` ? { ...item, done: true, doneBy: actor.name, doneAt: at.toISOString() } : item));
    await tx.incident.update({ where: { id: input.incidentId }, data: { checklist: checklist as unknown as Prisma.InputJsonValue } });
    await tx.incidentEvent.create({
      data: {
        incidentId: input.incidentId,
        type: input.action,
        actor: actor.name,
        at,
        details: { summary: `${input.action} ${node.name} (${node.key})${input.note ? ` — ${input.note}` : ""}`, nodeKey: node.key },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: `incident.${input.action}`,
      target: `incident:${input.incidentId}`,
      after: { nodeKey: node.key, note: input.note },
    });
    return { ok: true };
  });
}
