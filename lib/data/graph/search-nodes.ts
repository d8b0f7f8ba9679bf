import "server-only";
import type { Db } from "@/lib/db";
import type { TGraphSearchHit, TGraphSearchQuery } from "@/lib/schemas/graph-view";

// "Search to focus": names that start with the text first (what a person typing expects), then
// names or keys that contain it anywhere (a purl, a repository in a secret's key).
export async function searchNodes(db: Db, query: TGraphSearchQuery): Promise<TGraphSearchHit[]> {
  const kinds = query.kinds.length ? { kind: { in: query.kinds } } : {};
  const select = { id: true, kind: true, key: true, name: true } as const;
  const prefix = await db.node.findMany({
    where: { ...kinds, name: { startsWith: query.q, mode: "insensitive" } },
    select,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit,
  });
  if (prefix.length >= query.limit) return prefix;
  const contains = await db.node.findMany({
    where: {
      ...kinds,
      id: { notIn: prefix.map((hit) => hit.id) },
      OR: [{ name: { contains: query.q, mode: "insensitive" } }, { key: { contains: query.q, mode: "insensitive" } }],
    },
    select,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit - prefix.length,
  });
  return [...prefix, ...contains];
}
