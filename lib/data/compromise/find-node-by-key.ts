import "server-only";
import type { Db } from "@/lib/db";
import type { TCompromiseFailure } from "@/lib/schemas/assumed-compromise";

// The key comes from the engine's resolver (lib/services/graph/resolve-node-ref.ts), which says
// what to type instead of a ref that names nothing; missing here, it was deleted in between.

export interface TNodeRef {
  id: number;
  key: string;
  kind: string;
  name: string;
}

export async function findNodeByKey(db: Db, key: string): Promise<{ ok: true; node: TNodeRef } | TCompromiseFailure> {
  const node = await db.node.findUnique({ where: { key }, select: { id: true, key: true, kind: true, name: true } });
  if (node) return { ok: true, node };
  return { ok: false, errors: [{ ref: key, reason: "unknown", message: `no node has the key "${key}"`, candidates: [] }] };
}
