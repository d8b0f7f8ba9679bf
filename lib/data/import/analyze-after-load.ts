import type { Db } from "@/lib/db";
import { GRAPH_TABLES } from "@/lib/database/graph-tables";
import type { TApplySummary } from "@/lib/schemas/graph-facts";

// The planner's statistics of the graph tables after a bulk load. Without them PostgreSQL may send
// `key = ANY(…)` to the trigram index (17 s instead of 2 ms on a 100k-node organisation) and
// PGlite, which has no autovacuum, would never gather them at all.

/** Rows created or removed by one import from which the graph tables are analysed again. */
export const ANALYZE_AFTER_ROWS = 5000;

export function rowsChanged(summary: Pick<TApplySummary, "byFormat">): number {
  let rows = 0;
  for (const format of Object.values(summary.byFormat)) rows += format.nodes.created + format.nodes.removed + format.edges.created + format.edges.removed;
  return rows;
}

/**
 * ANALYZE the graph tables when an import changed enough rows to move the statistics. Runs after
 * the commit, outside the import's transaction. A runtime role that does not own the tables gets
 * a warning from PostgreSQL and the tables are skipped (autovacuum analyses them later); on
 * PostgreSQL 17 and later `blastmap migrate --grant-runtime-role` grants it MAINTAIN for this.
 */
export async function analyzeAfterLoad(db: Db, summary: Pick<TApplySummary, "byFormat" | "dryRun">): Promise<boolean> {
  if (summary.dryRun || rowsChanged(summary) < ANALYZE_AFTER_ROWS) return false;
  await db.$executeRawUnsafe(`ANALYZE ${GRAPH_TABLES.map((table) => `"${table}"`).join(", ")}`);
  return true;
}
