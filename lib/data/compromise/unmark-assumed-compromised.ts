import "server-only";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { TCompromiseFailure } from "@/lib/schemas/assumed-compromise";
import { findNodeByRef } from "./find-node-by-ref";

export type TUnmarkResult = { ok: true; removed: boolean } | TCompromiseFailure;

/** Takes a node out of the assumed-compromised set; unmarking a node that is not marked is a no-op. */
export async function unmarkAssumedCompromised(db: Db, ref: string, actor: AuditActor): Promise<TUnmarkResult> {
  const { node, suggestions } = await findNodeByRef(db, ref);
  if (!node) return { ok: false, reason: "unknown-ref", errors: [{ path: "ref", message: `no node has the key "${ref}"` }], suggestions };
  return db.$transaction(async (tx) => {
    const { count } = await tx.assumedCompromise.deleteMany({ where: { nodeId: node.id } });
    if (count > 0) await recordAuditEvent(tx, actor, { action: "compromise.unmark", target: node.key });
    return { ok: true as const, removed: count > 0 };
  });
}
