import "server-only";
import type { Db } from "@/lib/db";
import type { TAssumedCompromise } from "@/lib/schemas/assumed-compromise";

/** The shared assumed-compromised set, most recently marked first. */
export async function listAssumedCompromised(db: Db): Promise<TAssumedCompromise[]> {
  const rows = await db.assumedCompromise.findMany({
    include: { node: { select: { key: true, kind: true, name: true } } },
    orderBy: [{ markedAt: "desc" }, { nodeId: "asc" }],
  });
  return rows.map((row) => ({
    nodeId: row.nodeId,
    key: row.node.key,
    kind: row.node.kind,
    name: row.node.name,
    markedBy: row.markedBy,
    markedAt: row.markedAt.toISOString(),
    note: row.note,
  }));
}
