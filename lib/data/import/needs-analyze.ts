// Which graph tables need their planner statistics refreshed after an import. PostgreSQL's
// autovacuum asks the same question (rows modified since the last ANALYZE > 50 + 10% of the
// table); PGlite has no autovacuum, so on the embedded database this is the only answer.
//
// Why these thresholds:
// - A table that holds rows but was never analysed has no column statistics at all, and that is
//   what sent `key = ANY(…)` to a trigram index (17 s instead of 2 ms on 100k nodes). It is
//   analysed as soon as it holds ANALYZE_MIN_ROWS rows, however it got them (one import or many).
// - Once analysed, the planner scales the stored row count by the table's current size in pages,
//   so a growing table keeps roughly right row estimates; what goes stale is the shape of the
//   values (most common values, histograms, distinct counts stored as absolute numbers), wrong by
//   about the share of rows changed since. ANALYZE_MIN_CHANGE bounds that at a fifth: twice
//   autovacuum's 10% (which still applies on PostgreSQL), and it spares an organisation imported
//   in batches a re-analysis of its big tables after every batch (each samples up to 30,000 rows).
// - Below ANALYZE_MIN_ROWS any plan is fast, so a small table or a small change is never worth an
//   ANALYZE: day-to-day imports analyse nothing until their changes add up.

/** A never-analysed table is analysed from this many rows; fewer changed rows never re-analyse a table. */
export const ANALYZE_MIN_ROWS = 1000;

/** An analysed table is analysed again when the rows changed since reach this share of the rows it had then. */
export const ANALYZE_MIN_CHANGE = 0.2;

/** What the catalogue says about one table. */
export interface TableStatistics {
  table: string;
  /** an ANALYZE (manual or autovacuum's) has run on it since the statistics were last reset */
  analysed: boolean;
  /** pg_class.reltuples: rows at the last ANALYZE, VACUUM or index build; -1 when never measured */
  rowsAtAnalyze: number;
  /** pg_stat_user_tables.n_mod_since_analyze: rows inserted, updated or deleted since the last ANALYZE */
  changedRows: number;
  /** for a never-analysed table, its rows counted up to ANALYZE_MIN_ROWS (the counters above restart with a stats reset) */
  rows?: number;
}

export function needsAnalyze(table: TableStatistics): boolean {
  if (!table.analysed) return (table.rows ?? 0) >= ANALYZE_MIN_ROWS;
  return table.changedRows >= Math.max(ANALYZE_MIN_ROWS, ANALYZE_MIN_CHANGE * Math.max(table.rowsAtAnalyze, 0));
}
