import "server-only";
import type { Db } from "@/lib/db";

export interface TAdvisoryOption {
  advisoryId: string;
  key: string;
  summary: string | null;
  malicious: boolean;
}

/** Advisories in the graph for the blast-radius page's "start from an advisory" list: malicious-package advisories first, newest first. */
export async function listAdvisoryOptions(db: Db, limit = 500): Promise<TAdvisoryOption[]> {
  const rows = await db.advisory.findMany({
    select: { advisoryId: true, summary: true, malicious: true, node: { select: { key: true } } },
    orderBy: [{ malicious: "desc" }, { publishedAt: { sort: "desc", nulls: "last" } }, { advisoryId: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({ advisoryId: row.advisoryId, key: row.node.key, summary: row.summary, malicious: row.malicious }));
}
