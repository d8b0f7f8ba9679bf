import { GRAPH_TABLES } from "@/lib/database/graph-tables";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

// A large load spends most of its time in work done row by row: every inserted Edge fires foreign-key
// triggers for its two nodes, and every row goes into each secondary index of its table at a random
// place (the two trigram GIN indexes of Node the worst: 20k nodes went in three times faster without
// them). When an import brings at least as many rows as the graph already holds, this window drops
// those foreign keys and every secondary index the import does not read through (all but primary
// keys and unique keys, which it looks rows up by) inside the import's transaction, switches off the
// statement-level checks of origins (a join per statement, 0.1–0.5 s of a 100k-fact load), and puts
// them all back before anything is deleted (ON DELETE CASCADE must be in place for orphan removal):
// re-adding a foreign key validates it with one join over the table, as one check of every origin
// replaces the switched-off ones; building an index sorts once. DDL is transactional, so a refused or
// failed import rolls the drop back with everything else. The import reads origins by document before
// the window opens.
//
// The price, on PostgreSQL: DROP CONSTRAINT / DROP INDEX take ACCESS EXCLUSIVE locks on the graph
// tables (and Import, which the foreign keys name) until the commit, so readers wait for the load
// instead of reading the graph as it was. That is why the window only opens for loads that at
// least double the graph (a first import, a new organisation) and never for day-to-day imports.
// Only the tables' owner may drop constraints; any other role takes the row-by-row path. PGlite is
// one connection, so it has no concurrent readers to block.

/** Fewer new rows than this never open the window: below it the rebuild costs more than it saves. */
export const BULK_LOAD_MIN_ROWS = 20_000;

/** The window opens when the import brings at least this many rows per row already stored in Node and Edge. */
export const BULK_LOAD_MIN_GROWTH = 1;

/** Trigger functions that check the documents' origins a statement at a time: one check of every origin at the close replaces them. */
const ORIGIN_CHECK_FUNCTIONS = ["blastmap_documents_name_stored_rows"];

const WINDOW_MAINTENANCE_MEMORY = "256MB";
const WINDOW_WORK_MEMORY = "64MB";

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const graphTablesParam = () => JSON.stringify(GRAPH_TABLES.map(quoteIdentifier));
/** The tables named by parameter `n` (a JSON array of quoted names), as a subquery of their oids. */
const tableOids = (n: number) => `(SELECT v::regclass FROM jsonb_array_elements_text($${n}::jsonb) AS e(v))`;
const GRAPH_TABLE_OIDS = tableOids(1);

/** An open window: what it dropped is put back table by table as their rows are written, the rest at the close. */
export interface BulkLoadWindow {
  /**
   * Restores the indexes of these tables and the foreign keys among them, once every row of theirs
   * is written: while the client still works on the rest of the import, the server builds them.
   */
  restore(tables: readonly string[]): Promise<void>;
  /** Restores everything else the window dropped; call it before deleting anything. */
  close(): Promise<void>;
}

/**
 * Opens the window when `plannedRows` (rows the import may insert into Node and Edge) is large
 * enough; returns the open window, or null when the import takes the row-by-row path.
 */
export async function openBulkLoadWindow(tx: Tx, plannedRows: number): Promise<BulkLoadWindow | null> {
  if (plannedRows < BULK_LOAD_MIN_ROWS) return null;
  const [tables] = await tx.$queryRawUnsafe<{ owned: boolean }[]>(
    `SELECT bool_and(pg_has_role(c.relowner, 'USAGE')) AS owned FROM pg_class c WHERE c.oid IN ${GRAPH_TABLE_OIDS}`,
    graphTablesParam(),
  );
  if (!tables?.owned) return null;
  if (plannedRows < (await storedGraphRows(tx)) * BULK_LOAD_MIN_GROWTH) return null;

  const foreignKeys = await tx.$queryRawUnsafe<{ tableName: string; referencedTable: string; name: string; definition: string }[]>(
    `SELECT conrelid::regclass::text AS "tableName", confrelid::regclass::text AS "referencedTable", conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid IN ${GRAPH_TABLE_OIDS} ORDER BY conrelid, conname`,
    graphTablesParam(),
  );
  // Unique indexes stay where the import finds stored nodes, edges and documents through them. A
  // table that holds nothing yet has nothing to find: its unique indexes go too (the close builds
  // them again, checking uniqueness all the same). Those backing a constraint are left to it.
  const indexes = await tx.$queryRawUnsafe<{ tableName: string; name: string; definition: string }[]>(
    `SELECT i.indrelid::regclass::text AS "tableName", i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid IN ${GRAPH_TABLE_OIDS}
        AND (NOT i.indisunique OR (i.indrelid IN ${tableOids(2)}
                                   AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)))
      ORDER BY 1`,
    graphTablesParam(),
    JSON.stringify((await emptyGraphTables(tx)).map(quoteIdentifier)),
  );
  // the statement-level checks of the documents' origins (migration 20261201083213_origins_on_documents)
  const originChecks = await tx.$queryRawUnsafe<{ tableName: string; name: string }[]>(
    `SELECT t.tgrelid::regclass::text AS "tableName", t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE t.tgrelid IN ${GRAPH_TABLE_OIDS} AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND p.proname IN (SELECT jsonb_array_elements_text($2::jsonb)) ORDER BY 1, 2`,
    graphTablesParam(),
    JSON.stringify(ORIGIN_CHECK_FUNCTIONS),
  );
  await runInOrder(tx, [
    // held until the commit whatever is dropped below: ids are reserved as ranges inside the window (reserveIdRange)
    `LOCK TABLE "Node", "Edge" IN ACCESS EXCLUSIVE MODE`,
    ...foreignKeys.map((key) => `ALTER TABLE ${key.tableName} DROP CONSTRAINT ${quoteIdentifier(key.name)}`),
    ...indexes.map((index) => `DROP INDEX ${index.name}`),
    ...originChecks.map((check) => `ALTER TABLE ${check.tableName} DISABLE TRIGGER ${quoteIdentifier(check.name)}`),
  ]);

  const restored = new Set<string>();
  // Memory for the index sorts and the validating joins, for this transaction only: sorts that fit
  // in memory instead of spilling to disk (the defaults are 64 MB and 4 MB).
  const memory = [`SET LOCAL maintenance_work_mem = '${WINDOW_MAINTENANCE_MEMORY}'`, `SET LOCAL work_mem = '${WINDOW_WORK_MEMORY}'`];
  const restore = (indexesOf: (table: string) => boolean, keysOf: (key: (typeof foreignKeys)[number]) => boolean) => {
    const statements = [
      ...(restored.size === 0 ? memory : []),
      ...indexes.filter((index) => !restored.has(index.name) && indexesOf(index.tableName)).map((index) => (restored.add(index.name), index.definition)),
      ...foreignKeys
        .filter((key) => !restored.has(key.name) && keysOf(key))
        .map((key) => (restored.add(key.name), `ALTER TABLE ${key.tableName} ADD CONSTRAINT ${quoteIdentifier(key.name)} ${key.definition}`)),
    ];
    return statements;
  };
  return {
    restore: (tables) => {
      // a table's name as regclass prints it: quoted, schema-qualified when off the search path
      const quoted = tables.map(quoteIdentifier);
      const written = { has: (name: string) => quoted.some((table) => name === table || name.endsWith(`.${table}`)) };
      return runInOrder(
        tx,
        restore(
          (table) => written.has(table),
          (key) => written.has(key.tableName) && written.has(key.referencedTable),
        ),
      );
    },
    close: () =>
      runInOrder(tx, [
        ...restore(
          () => true,
          () => true,
        ),
        ...originChecks.map((check) => `ALTER TABLE ${check.tableName} ENABLE TRIGGER ${quoteIdentifier(check.name)}`),
        ...(originChecks.length > 0 ? [`SELECT "blastmap_check_every_origin"()`] : []),
      ]),
  };
}

/**
 * Runs the statements in order, all handed to the driver at once: PostgreSQL's pipelining driver
 * sends them together instead of one round trip each (the window's forty-odd statements). Awaited
 * in order, so a failure reports the statement that failed, not those aborted after it.
 */
async function runInOrder(tx: Tx, statements: string[]): Promise<void> {
  const running = statements.map((sql) => tx.$executeRawUnsafe(sql));
  // each is awaited below; a rejection is reported there, not as unhandled
  for (const statement of running) statement.catch(() => {});
  for (const statement of running) await statement;
}

/** The graph tables that hold no row. */
async function emptyGraphTables(tx: Tx): Promise<string[]> {
  const [empty] = await tx.$queryRawUnsafe<Record<string, boolean>[]>(
    `SELECT ${GRAPH_TABLES.map((table) => `NOT EXISTS (SELECT FROM ${quoteIdentifier(table)}) AS ${quoteIdentifier(table)}`).join(", ")}`,
  );
  return GRAPH_TABLES.filter((table) => empty[table]);
}

/** Rows in Node and Edge: the planner's estimate when the tables have been analysed, else a count. */
async function storedGraphRows(tx: Tx): Promise<number> {
  const [estimate] = await tx.$queryRawUnsafe<{ rows: number | null; unanalysed: boolean }[]>(
    `SELECT sum(greatest(reltuples, 0))::float8 AS rows, bool_or(reltuples < 0) AS unanalysed FROM pg_class WHERE oid IN ('"Node"'::regclass, '"Edge"'::regclass)`,
  );
  if (estimate && !estimate.unanalysed) return estimate.rows ?? 0;
  const [counted] = await tx.$queryRawUnsafe<{ rows: number }[]>(`SELECT ((SELECT count(*) FROM "Node") + (SELECT count(*) FROM "Edge"))::float8 AS rows`);
  return counted?.rows ?? 0;
}
