import "server-only";
import type { Db } from "@/lib/db";

// Resolves a node key for the assumed-compromised functions; on a miss, offers the closest keys
// so the UI and CLI can say "did you mean …" instead of just "not found".

export interface TNodeRef {
  id: number;
  key: string;
  kind: string;
  name: string;
}

export async function findNodeByRef(db: Db, ref: string): Promise<{ node: TNodeRef | null; suggestions: string[] }> {
  const node = await db.node.findUnique({ where: { key: ref }, select: { id: true, key: true, kind: true, name: true } });
  if (node) return { node, suggestions: [] };
  // The last word of a ref is usually the distinctive part (chalk@5.6.1, NPM_TOKEN, publish).
  const needle = ref.split(/[/:@]/).filter(Boolean).at(-1) ?? ref;
  const close = await db.node.findMany({
    where: { OR: [{ key: { contains: needle, mode: "insensitive" } }, { name: { contains: needle, mode: "insensitive" } }] },
    select: { key: true },
    orderBy: { key: "asc" },
    take: 5,
  });
  return { node: null, suggestions: close.map((candidate) => candidate.key) };
}
