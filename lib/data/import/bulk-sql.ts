import type { Prisma } from "@/lib/generated/prisma/client";
import { dropParameters, keepParameters, type HandoffAdapter } from "@/lib/database/parameter-handoff";

// Set-based writes for imports. Prisma's createMany renders every row in the client (78k edges:
// 13–14 s, most of it garbage collection, with the event loop held); one INSERT … SELECT over
// unnest (inserts) or json_to_recordset (updates, reads) takes about a second for the same rows
// on either database and returns the new ids in the same statement. Values travel as parameters
// (one array per column, or ONE JSON array), so nothing is ever interpolated into the SQL but
// identifiers and column types, and those only after they are checked against the table's own
// columns.

type Tx = Prisma.TransactionClient;
export type Row = Record<string, unknown>;

/** Statements of one insert handed to the driver at once where its adapter does not say (see parameter-handoff). */
const IN_FLIGHT = 2;

/** Rows per statement: large enough to amortise the round trip, small enough that one statement never holds an embedded database for long. */
const STATEMENT_ROWS = 2000;

/**
 * Lets the server answer other requests between two statements. The embedded database runs a
 * statement synchronously and resolves its promise at once, so a chain of awaited statements is
 * one long run of microtasks: without a turn of the event loop, a 10 MB import held every other
 * request (health included) for 16 s.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The adapter behind this transaction when it takes parameters handed over (lib/database/parameter-handoff),
 * else null; asked once per transaction, with a statement that echoes what the adapter says of itself.
 */
const handoffByTransaction = new WeakMap<Tx, Promise<HandoffAdapter | null>>();
const HANDOFF_PROBE = "handoff:";

function handoffAdapter(tx: Tx): Promise<HandoffAdapter | null> {
  let adapter = handoffByTransaction.get(tx);
  if (!adapter) {
    const handle = keepParameters((about) => [`${HANDOFF_PROBE}${about.statementsInFlight}`]);
    adapter = tx
      .$queryRawUnsafe<{ value: string }[]>(`SELECT $1::text AS value`, handle)
      .then(([row]) => {
        const statementsInFlight = Number(row?.value.startsWith(HANDOFF_PROBE) ? row.value.slice(HANDOFF_PROBE.length) : Number.NaN);
        return Number.isInteger(statementsInFlight) && statementsInFlight >= 1 ? { statementsInFlight } : null;
      })
      .finally(() => dropParameters(handle));
    handoffByTransaction.set(tx, adapter);
  }
  return adapter;
}

/** Statements of one bulk insert this transaction keeps in flight: what its adapter says, else two. */
export async function statementsInFlight(tx: Tx): Promise<number> {
  return (await handoffAdapter(tx))?.statementsInFlight ?? IN_FLIGHT;
}

/**
 * Runs one bulk statement whose parameters are text (or NULL): handed over to the adapter where it
 * takes them, else through Prisma's raw query as usual. Started at once (it observes Prisma's lazy
 * query itself); an execute resolves to the affected row count.
 */
async function runBulk<T extends Row>(tx: Tx, kind: "query", sql: string, parameters: (string | null)[]): Promise<T[]>;
async function runBulk(tx: Tx, kind: "execute", sql: string, parameters: (string | null)[]): Promise<number>;
async function runBulk<T extends Row>(tx: Tx, kind: "query" | "execute", sql: string, parameters: (string | null)[]): Promise<T[] | number> {
  const run = (...values: (string | null)[]) => (kind === "query" ? tx.$queryRawUnsafe<T[]>(sql, ...values) : tx.$executeRawUnsafe(sql, ...values));
  if (!(await handoffAdapter(tx))) return await run(...parameters);
  const handle = keepParameters(parameters);
  try {
    return await run(handle);
  } finally {
    dropParameters(handle);
  }
}

const columnTypes = new Map<string, Promise<Map<string, string>>>();

/** The table's columns and their SQL types, read from the catalogue once per process. */
function columnsOf(tx: Tx, table: string): Promise<Map<string, string>> {
  let columns = columnTypes.get(table);
  if (!columns) {
    columns = tx
      .$queryRawUnsafe<{ name: string; type: string }[]>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
           FROM pg_attribute a
          WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
        quoteIdentifier(table),
      )
      .then((rows) => {
        if (rows.length === 0) throw new Error(`bulk write: table ${table} has no columns`);
        return new Map(rows.map((row) => [row.name, row.type]));
      });
    columns.catch(() => columnTypes.delete(table));
    columnTypes.set(table, columns);
  }
  return columns;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

function checkedColumns(table: string, columns: Map<string, string>, names: string[]): void {
  const unknown = names.find((name) => !columns.has(name));
  if (unknown) throw new Error(`bulk write: ${table} has no column ${unknown}`);
}

/** Rows with the same defined columns go in one statement: an omitted column keeps its default, never NULL. */
function bySignature(rows: Row[]): Map<string, { names: string[]; rows: Row[] }> {
  const groups = new Map<string, { names: string[]; rows: Row[] }>();
  for (const row of rows) {
    // rows built by one piece of code list their fields in one order: no sort needed to group them
    let signature = "";
    for (const name in row) if (row[name] !== undefined) signature += `${name}\u0000`;
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { names: signature.split("\u0000").slice(0, -1), rows: [] }));
    group.rows.push(row);
  }
  return groups;
}

/**
 * Rows sent as one JSON array of objects. Read as json, not jsonb: each field is parsed once, into its
 * column's type, instead of the whole array into one jsonb value first (2,000 edge keys: 1.9–2.4 ms
 * against 4.4–5.1 on PostgreSQL).
 */
const recordsetOf = (names: string[], columns: Map<string, string>) =>
  `json_to_recordset($1::json) AS r(${names.map((name) => `${quoteIdentifier(name)} ${columns.get(name)}`).join(", ")})`;

const serialise = (rows: Row[], names: string[]) => JSON.stringify(rows.map((row) => Object.fromEntries(names.map((name) => [name, row[name] ?? null]))));

/** An element of a PostgreSQL array literal: always quoted, so no content can end it early. */
const quotedElement = (text: string) => `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;

/** A value in its type's text input form (what the type's input function reads). */
function inputText(value: unknown, type: string): string {
  if (type.endsWith("[]")) {
    const elementType = type.slice(0, -2);
    // numbers need no quotes (a document's origins: thousands of ids)
    if (UNQUOTED_TYPES.has(elementType)) return `{${(value as unknown[]).map((element) => (isNullish(element) ? "NULL" : String(element))).join(",")}}`;
    return `{${(value as unknown[]).map((element) => (isNullish(element) ? "NULL" : quotedElement(inputText(element, elementType)))).join(",")}}`;
  }
  if (type === "jsonb" || type === "json") return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Types whose text form is digits, signs, dots and letters only: their array elements need no quotes. */
const UNQUOTED_TYPES = new Set(["integer", "bigint", "smallint", "double precision", "real", "numeric", "boolean"]);

const isNullish = (value: unknown) => value === null || value === undefined;

/**
 * One column of a chunk of rows as one parameter (two for a JSON column of repeated values), and how
 * to read it back in ROWS FROM: numbers go unquoted, JSON travels as JSON (one JSON text for the
 * chunk instead of escaping every quote of every document for an array literal), a column of an
 * array type as text[] cast per row (arrays of arrays must be rectangular), anything else as a quoted
 * array literal of its type. `addParameter` numbers a further parameter of the statement.
 */
function columnParameter(
  values: readonly unknown[],
  type: string,
  index: number,
  addParameter: (text: string) => number,
): { parameter: string; source: string; value: string } {
  if (type === "jsonb" || type === "json") return jsonColumnParameter(values, type, index, addParameter);
  const unquoted = UNQUOTED_TYPES.has(type);
  let parameter = "{";
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (i > 0) parameter += ",";
    parameter += isNullish(value) ? "NULL" : unquoted ? String(value) : quotedElement(inputText(value, type));
  }
  parameter += "}";
  const nested = type.endsWith("[]");
  return { parameter, source: `unnest($${index}::${nested ? "text[]" : `${type}[]`})`, value: nested ? `r.c${index}::${type}` : `r.c${index}` };
}

/**
 * A JSON column. Most rows of a bulk load repeat a few values (edge attributes: a lockfile's
 * thousands of dependency edges say the same four facts), so when at most half the values are
 * distinct, each distinct value travels once, in one JSON array the server parses once, and every
 * row names its value's position (109k edges' attributes: ~180 ms of the server's parsing, 6.5 MB
 * sent, became ~30 ms). Otherwise the column is one JSON array read with json_array_elements and
 * each element parsed once into jsonb (jsonb_array_elements would parse the whole array into one
 * jsonb value and then copy every element out: twice the work). A JSON null element is stored as SQL
 * NULL, as in the other columns.
 */
function jsonColumnParameter(
  values: readonly unknown[],
  type: "json" | "jsonb",
  index: number,
  addParameter: (text: string) => number,
): { parameter: string; source: string; value: string } {
  const asType = type === "json" ? "::json" : "";
  const positions = new Map<string, number>();
  const named: number[] = [];
  for (const value of values) {
    const text = JSON.stringify(value === undefined ? null : value);
    let position = positions.get(text);
    if (position === undefined) positions.set(text, (position = positions.size));
    named.push(position);
  }
  if (positions.size * 2 <= values.length) {
    const distinct = addParameter(`[${[...positions.keys()].join(",")}]`);
    return {
      parameter: `{${named.join(",")}}`,
      source: `unnest($${index}::integer[])`,
      value: `NULLIF($${distinct}::jsonb -> r.c${index}, 'null'::jsonb)${asType}`,
    };
  }
  const texts = [...positions.keys()];
  return {
    parameter: `[${named.map((position) => texts[position]).join(",")}]`,
    source: `json_array_elements($${index}::json)`,
    value: `NULLIF(r.c${index}::jsonb, 'null'::jsonb)${asType}`,
  };
}

/** Values of each column, one per row (all the same length), and values shared by every row. */
export interface ColumnarRows {
  columns: Record<string, readonly unknown[]>;
  constants?: Record<string, unknown>;
}

/**
 * INSERT rows given column by column: each column travels as one parameter per statement and is
 * read back with ROWS FROM, each constant once. Returns `returning` columns of the inserted rows
 * (in no particular order). Prisma's @updatedAt has no database default, so it is set here when the
 * table has one. Several statements are in flight (as many as the adapter says, see
 * parameter-handoff): later ones are built and handed to the driver while the database runs the
 * current one, and PostgreSQL's pipelining driver sends them at once, so the server runs them back
 * to back instead of waiting for the client's next turn (0.7 s of an import's 2.1 s of inserts were
 * the server waiting between statements; PGlite runs in this thread either way). A failed
 * statement aborts the transaction, and those started after it then fail too: the oldest is
 * always awaited first, so the error reported is the cause.
 */
export async function insertColumns<T extends Row = Row>(
  tx: Tx,
  table: string,
  { columns, constants = {} }: ColumnarRows,
  returning: string[] = [],
): Promise<T[]> {
  const names = Object.keys(columns);
  const rowCount = names.length > 0 ? columns[names[0]].length : 0;
  if (rowCount === 0) return [];
  const uneven = names.find((name) => columns[name].length !== rowCount);
  if (uneven) throw new Error(`bulk write: ${table}.${uneven} has ${columns[uneven].length} values for ${rowCount} rows`);
  const constantNames = Object.keys(constants).filter((name) => constants[name] !== undefined);
  const tableColumns = await columnsOf(tx, table);
  checkedColumns(table, tableColumns, [...names, ...constantNames, ...returning]);
  const stamped = tableColumns.has("updatedAt") && !names.includes("updatedAt") && !constantNames.includes("updatedAt");
  const target = [...names, ...constantNames].map(quoteIdentifier).join(", ") + (stamped ? `, "updatedAt"` : "");
  const constantValues = constantNames.map((name) => (constants[name] === null ? null : inputText(constants[name], tableColumns.get(name)!)));
  const values = [
    ...names.map(() => ""),
    ...constantNames.map((name, n) => `$${names.length + n + 1}::${tableColumns.get(name)}`),
    ...(stamped ? ["CURRENT_TIMESTAMP"] : []),
  ];

  const statement = (start: number) => {
    const end = Math.min(start + STATEMENT_ROWS, rowCount);
    // further parameters (a JSON column's distinct values) come after the columns and constants
    const further: string[] = [];
    const addParameter = (text: string) => further.push(text) + names.length + constantNames.length;
    const parameters = names.map((name, n) => columnParameter(columns[name].slice(start, end), tableColumns.get(name)!, n + 1, addParameter));
    parameters.forEach((column, n) => (values[n] = column.value));
    const sql =
      `INSERT INTO ${quoteIdentifier(table)} (${target}) SELECT ${values.join(", ")} ` +
      `FROM ROWS FROM (${parameters.map((column) => column.source).join(", ")}) AS r(${parameters.map((_, n) => `c${n + 1}`).join(", ")})` +
      (returning.length > 0 ? ` RETURNING ${returning.map(quoteIdentifier).join(", ")}` : "");
    return { sql, parameterValues: [...parameters.map((column) => column.parameter), ...constantValues, ...further] };
  };
  const run = ({ sql, parameterValues }: ReturnType<typeof statement>): Promise<T[] | number> =>
    returning.length > 0 ? runBulk<T>(tx, "query", sql, parameterValues) : runBulk(tx, "execute", sql, parameterValues);

  const depth = await statementsInFlight(tx);
  const result: T[] = [];
  const inFlight: Promise<T[] | number>[] = [];
  for (let start = 0; start < rowCount; start += STATEMENT_ROWS) {
    const next = run(statement(start));
    // settled in order below; a rejection is reported there, not as unhandled
    next.catch(() => {});
    inFlight.push(next);
    if (inFlight.length >= depth) collect(result, await inFlight.shift()!);
    await yieldToEventLoop();
  }
  while (inFlight.length > 0) collect(result, await inFlight.shift()!);
  return result;
}

function collect<T>(into: T[], rows: T[] | number): void {
  if (typeof rows !== "number") for (const row of rows) into.push(row);
}

/**
 * INSERT rows into `table`; returns `returning` columns of the inserted rows (in no particular
 * order). Rows that leave out a column keep its default: they go in a statement of their own.
 */
export async function insertRows<T extends Row = Row>(tx: Tx, table: string, rows: Row[], returning: string[] = []): Promise<T[]> {
  const result: T[] = [];
  for (const { names, rows: group } of bySignature(rows).values()) {
    const columns = Object.fromEntries(names.map((name) => [name, group.map((row) => row[name])]));
    for (const row of await insertColumns<T>(tx, table, { columns }, returning)) result.push(row);
  }
  return result;
}

/**
 * New ids for `count` rows of `table`, drawn from its id sequence in one statement: rows inserted
 * with them need no RETURNING, and the caller knows each row's id before the row is written.
 */
export async function allocateIds(tx: Tx, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const [row] = await tx.$queryRawUnsafe<{ ids: string }[]>(
    // MATERIALIZED: a plain subquery is pulled up into the join and the catalogue lookup of the
    // sequence then runs once per id (80k edge ids: 170 ms instead of 26 on PostgreSQL)
    `WITH q AS MATERIALIZED (SELECT pg_get_serial_sequence($1, 'id')::regclass AS sequence)
     SELECT string_agg(nextval(q.sequence)::text, ',') AS ids FROM q CROSS JOIN generate_series(1, $2::int)`,
    quoteIdentifier(table),
    count,
  );
  const ids = row.ids.split(",").map(Number);
  if (ids.length !== count) throw new Error(`bulk write: asked ${table} for ${count} ids, got ${ids.length}`);
  return ids;
}

/**
 * New ids for `count` rows of `table` as one range, reserved with one setval however many: only
 * inside a bulk-load window, where the table is locked exclusively. Every other draw from the
 * table's sequence is an insert into the table or an import that has read it first, and so waits
 * for the window's transaction; outside the window a draw between the nextval and the setval could
 * take an id of the range. 100,000 ids drawn one by one cost the server ~45 ms.
 */
export async function reserveIdRange(tx: Tx, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const [row] = await tx.$queryRawUnsafe<{ last: string }[]>(
    `WITH q AS MATERIALIZED (SELECT pg_get_serial_sequence($1, 'id')::regclass AS sequence)
     SELECT setval(q.sequence, nextval(q.sequence) + $2::int - 1)::text AS last FROM q`,
    quoteIdentifier(table),
    count,
  );
  const last = Number(row.last);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/**
 * UPDATE `table` from rows that each carry the key column(s) and the columns to set; rows that
 * change different columns go in different statements. `updatedAt` is stamped when the table has it.
 */
export async function updateRows(tx: Tx, table: string, key: string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = await columnsOf(tx, table);
  checkedColumns(table, columns, key);
  for (const { names, rows: group } of bySignature(rows).values()) {
    checkedColumns(table, columns, names);
    const missingKey = key.find((name) => !names.includes(name));
    if (missingKey) throw new Error(`bulk write: a row for ${table} has no ${missingKey}`);
    const set = names.filter((name) => !key.includes(name)).map((name) => `${quoteIdentifier(name)} = r.${quoteIdentifier(name)}`);
    if (columns.has("updatedAt") && !names.includes("updatedAt")) set.push(`"updatedAt" = CURRENT_TIMESTAMP`);
    if (set.length === 0) continue;
    const match = key.map((name) => `t.${quoteIdentifier(name)} = r.${quoteIdentifier(name)}`).join(" AND ");
    const sql = `UPDATE ${quoteIdentifier(table)} AS t SET ${set.join(", ")} FROM ${recordsetOf(names, columns)} WHERE ${match}`;
    for (let i = 0; i < group.length; i += STATEMENT_ROWS) {
      await runBulk(tx, "execute", sql, [serialise(group.slice(i, i + STATEMENT_ROWS), names)]);
      await yieldToEventLoop();
    }
  }
}

/** Rows of `table` whose `column` is one of `values`, as one join per chunk (never `= ANY(…)`, which an unanalysed table may send to a trigram index). */
export async function selectWhereIn<T extends Row>(tx: Tx, table: string, column: string, values: (string | number)[], select: string[]): Promise<T[]> {
  if (values.length === 0) return [];
  const columns = await columnsOf(tx, table);
  checkedColumns(table, columns, [column, ...select]);
  const type = columns.get(column)!;
  const sql =
    `SELECT ${select.map((name) => `t.${quoteIdentifier(name)}`).join(", ")} ` +
    `FROM (SELECT DISTINCT v::${type} AS v FROM jsonb_array_elements_text($1::jsonb) AS e(v)) AS k ` +
    `JOIN ${quoteIdentifier(table)} AS t ON t.${quoteIdentifier(column)} = k.v`;
  const result: T[] = [];
  for (let i = 0; i < values.length; i += STATEMENT_ROWS) {
    result.push(...(await runBulk<T>(tx, "query", sql, [JSON.stringify(values.slice(i, i + STATEMENT_ROWS))])));
    await yieldToEventLoop();
  }
  return result;
}

/**
 * Rows of `table` matching one of `keys` on every column of the key (a composite key such as an
 * edge's kind, fromId and toId), as one join per chunk: reads exactly the candidates instead of
 * every row that shares one column with them.
 */
export async function selectWhereMatches<T extends Row>(tx: Tx, table: string, keys: Row[], select: string[]): Promise<T[]> {
  if (keys.length === 0) return [];
  const columns = await columnsOf(tx, table);
  const names = Object.keys(keys[0]).sort();
  checkedColumns(table, columns, [...names, ...select]);
  const match = names.map((name) => `t.${quoteIdentifier(name)} = k.${quoteIdentifier(name)}`).join(" AND ");
  const sql =
    `SELECT ${select.map((name) => `t.${quoteIdentifier(name)}`).join(", ")} ` +
    `FROM (SELECT DISTINCT * FROM ${recordsetOf(names, columns)}) AS k JOIN ${quoteIdentifier(table)} AS t ON ${match}`;
  const result: T[] = [];
  for (let i = 0; i < keys.length; i += STATEMENT_ROWS) {
    result.push(...(await runBulk<T>(tx, "query", sql, [serialise(keys.slice(i, i + STATEMENT_ROWS), names)])));
    await yieldToEventLoop();
  }
  return result;
}

/** DELETE rows of `table` whose `column` is one of `values`; returns `returning` columns of the deleted rows. */
export async function deleteWhereIn<T extends Row = Row>(
  tx: Tx,
  table: string,
  column: string,
  values: (string | number)[],
  returning: string[] = [],
): Promise<T[]> {
  if (values.length === 0) return [];
  const columns = await columnsOf(tx, table);
  checkedColumns(table, columns, [column, ...returning]);
  const type = columns.get(column)!;
  const sql =
    `DELETE FROM ${quoteIdentifier(table)} WHERE ${quoteIdentifier(column)} IN (SELECT v::${type} FROM jsonb_array_elements_text($1::jsonb) AS e(v))` +
    (returning.length > 0 ? ` RETURNING ${returning.map(quoteIdentifier).join(", ")}` : "");
  const result: T[] = [];
  for (let i = 0; i < values.length; i += STATEMENT_ROWS) {
    const parameter = JSON.stringify(values.slice(i, i + STATEMENT_ROWS));
    if (returning.length > 0) collect(result, await runBulk<T>(tx, "query", sql, [parameter]));
    else await runBulk(tx, "execute", sql, [parameter]);
    await yieldToEventLoop();
  }
  return result;
}
