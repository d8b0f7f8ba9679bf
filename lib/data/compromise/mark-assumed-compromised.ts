import "server-only";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { TAssumedCompromise, TCompromiseFailure, TMarkAssumedCompromisedInput } from "@/lib/schemas/assumed-compromise";
import { findNodeByKey } from "./find-node-by-key";

export type TMarkResult = { ok: true; created: boolean; item: TAssumedCompromise } | TCompromiseFailure;

/**
 * Adds a node to the shared assumed-compromised set. Marking a node that is already marked keeps
 * who marked it first and when (that is the incident's timeline) and only updates the note when
 * a new one is given. Audited in the same transaction. `input.ref` is a node key: resolve what a
 * person typed with lib/services/graph/resolve-node-ref.ts first.
 */
export async function markAssumedCompromised(db: Db, input: TMarkAssumedCompromisedInput, actor: AuditActor): Promise<TMarkResult> {
  const found = await findNodeByKey(db, input.ref);
  if (!found.ok) return found;
  const { node } = found;
  return db.$transaction(async (tx) => {
    const existing = await tx.assumedCompromise.findUnique({ where: { nodeId: node.id } });
    const row = existing
      ? input.note !== undefined && input.note !== existing.note
        ? await tx.assumedCompromise.update({ where: { nodeId: node.id }, data: { note: input.note || null } })
        : existing
      : await tx.assumedCompromise.create({ data: { nodeId: node.id, markedBy: actor.name, note: input.note || null } });
    if (!existing || row !== existing) {
      await recordAuditEvent(tx, actor, {
        action: existing ? "compromise.update" : "compromise.mark",
        target: node.key,
        before: existing ? { note: existing.note } : null,
        after: { note: row.note },
      });
    }
    return {
      ok: true as const,
      created: !existing,
      item: {
        nodeId: node.id,
        key: node.key,
        kind: node.kind as TAssumedCompromise["kind"],
        name: node.name,
        markedBy: row.markedBy,
        markedAt: row.markedAt.toISOString(),
        note: row.note,
      },
    };
  });
}
