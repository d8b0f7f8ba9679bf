import "server-only";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { TCompromiseFailure } from "@/lib/schemas/assumed-compromise";
import { findNodeByKey } from "./find-node-by-key";

export type TUnmarkResult = { ok: true; removed: boolean } | TCompromiseFailure;

/** Takes a node out of the assumed-compromised set; unmarking a node that is not marked is a no-op. */
export async function unmarkAssumedCompromised(db: Db, key: string, actor: AuditActor): Promise<TUnmarkResult> {
  const found = await findNodeByKey(db, key);
  if (!found.ok) return found;
  const { node } = found;
  return db.$transaction(async (tx) => {
    const { count } = await tx.assumedCompromise.deleteMany({ where: { nodeId: node.id } });
    if (count > 0) await recordAuditEvent(tx, actor, { action: "compromise.unmark", target: node.key });
    return { ok: true as const, removed: count > 0 };
  });
}
