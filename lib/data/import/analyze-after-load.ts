import type { Db } from "@/lib/db";
import { GRAPH_TABLES } from "@/lib/database/graph-tables";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TApplySummary } from "@/lib/schemas/graph-facts";
import { ANALYZE_MIN_ROWS, needsAnalyze, type TableStatistics } from "./needs-analyze";

type Tx = Prisma.TransactionClient;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const GRAPH_TABLE_OIDS = `(SELECT v::regclass FROM jsonb_array_elements_text($1::jsonb) AS e(v))`;

/**
 * Called inside an import's transaction, so that its row counts are in pg_stat_user_tables when
 * the commit returns. PostgreSQL and PGlite flush a connection's counters at most once a second;
 * PostgreSQL retries on a timer, PGlite only when a later transaction ends, so back-to-back
 * imports read counts an import or more behind (measured: 300 inserted rows invisible after
 * 1.2 s on both). pg_stat_force_next_flush() exists from PostgreSQL 15 (and in every PGlite); on
 * 14 the counts reach the statistics collector within a second or so, and autovacuum covers that.
 */
export async function reportTableChangesAtCommit(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`DO $$ BEGIN IF current_setting('server_version_num')::int >= 150000 THEN PERFORM pg_stat_force_next_flush(); END IF; END $$`);
}

/**
 * After an import has committed, ANALYZE the graph tables whose statistics are missing or stale
 * (./needs-analyze.ts), in one statement, and name them. Dry runs and unchanged imports wrote
 * nothing and analyse nothing. A runtime role that does not own the tables gets a warning from
 * PostgreSQL and the tables are skipped (autovacuum analyses them later); on PostgreSQL 17 and
 * later `blastmap migrate --grant-runtime-role` grants it MAINTAIN for this.
 */
export async function analyzeAfterLoad(db: Db, summary: Pick<TApplySummary, "importId" | "dryRun">): Promise<string[]> {
  if (summary.dryRun || summary.importId === null) return [];
  const stale = (await readTableStatistics(db)).filter(needsAnalyze).map((table) => table.table);
  if (stale.length > 0) await db.$executeRawUnsafe(`ANALYZE ${stale.map(quoteIdentifier).join(", ")}`);
  return stale;
}

async function readTableStatistics(db: Db): Promise<TableStatistics[]> {
  const tables = await db.$queryRawUnsafe<TableStatistics[]>(
    `SELECT c.relname AS "table",
            coalesce(s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL, false) AS analysed,
            c.reltuples::float8 AS "rowsAtAnalyze",
            coalesce(s.n_mod_since_analyze, 0)::float8 AS "changedRows"
       FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
      WHERE c.oid IN ${GRAPH_TABLE_OIDS}`,
    JSON.stringify(GRAPH_TABLES.map(quoteIdentifier)),
  );
  const unanalysed = tables.filter((table) => !table.analysed);
  if (unanalysed.length === 0) return tables;
  // Counted, not estimated: a never-analysed table has no reliable estimate, and its counters may
  // lag (PostgreSQL 14) or have been reset. Stopping at the threshold keeps the count cheap.
  const [rows] = await db.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT ${unanalysed
      .map(({ table }) => `(SELECT count(*)::int FROM (SELECT FROM ${quoteIdentifier(table)} LIMIT ${ANALYZE_MIN_ROWS}) AS r) AS ${quoteIdentifier(table)}`)
      .join(", ")}`,
  );
  return tables.map((table) => (table.analysed ? table : { ...table, rows: rows[table.table] }));
}
