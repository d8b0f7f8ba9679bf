import { randomBytes } from "node:crypto";
import type { SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

// Prisma hands every raw query's parameters to the driver adapter through JSON: stringified, then
// parsed back, element by element for arrays. A bulk statement's parameters are a few large
// strings (a column of 2,000 rows as one array literal), and an import of 100k facts spent ~0.3 s
// of its client's CPU copying and escaping them twice. The parameters of a bulk statement are
// handed over instead: the statement carries one short handle, and the adapter's queryables
// (wrapped by `withParameterHandoff` when the database is opened) swap the handle for the values
// kept here before the driver sees them. The SQL and the values the database receives are the
// same; only Prisma's copy of them is skipped. A handle is random per process and counted, used
// once, and a query whose one parameter is not a kept handle passes through unchanged.

/** What the adapter that takes the handed-over parameters says about itself. */
export interface HandoffAdapter {
  /** statements of one transaction worth handing to the driver at once (>1 where the driver pipelines them) */
  statementsInFlight: number;
}

/** Text parameters (or NULL), or what to send once the adapter is known (a probe of the adapter). */
type Kept = (string | null)[] | ((adapter: HandoffAdapter) => (string | null)[]);

const PREFIX = `blastmap-parameters:${randomBytes(12).toString("hex")}:`;

// Next.js may evaluate this module in several bundles: one store per process, on globalThis.
const STORE = Symbol.for("blastmap.parameterHandoff");
const store = ((globalThis as Record<symbol, unknown>)[STORE] ??= { next: 0, kept: new Map<string, Kept>() }) as {
  next: number;
  kept: Map<string, Kept>;
};

/** Keeps `values` for one query; returns the handle that stands for them. */
export function keepParameters(values: Kept): string {
  const handle = `${PREFIX}${store.next++}`;
  store.kept.set(handle, values);
  return handle;
}

/** Forgets a handle's values (after its query settled, whether or not an adapter took them). */
export function dropParameters(handle: string): void {
  store.kept.delete(handle);
}

/** Parameters kept and not yet taken or dropped (none once every query has settled). */
export function keptParameterCount(): number {
  return store.kept.size;
}

const TEXT: SqlQuery["argTypes"][number] = { scalarType: "string", arity: "scalar" };

function handedOver(query: SqlQuery, adapter: HandoffAdapter): SqlQuery {
  const [first] = query.args;
  if (query.args.length !== 1 || typeof first !== "string" || !first.startsWith(PREFIX)) return query;
  const kept = store.kept.get(first);
  if (!kept) return query;
  store.kept.delete(first);
  const values = typeof kept === "function" ? kept(adapter) : kept;
  return { ...query, args: values, argTypes: values.map(() => TEXT) };
}

type Queryable = Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">;

function wrapQueryable(queryable: Queryable, adapter: HandoffAdapter): void {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => queryRaw(handedOver(query, adapter));
  queryable.executeRaw = (query) => executeRaw(handedOver(query, adapter));
}

/** The adapter, and every transaction it starts, swapping handles for the values kept for them. */
export function withParameterHandoff<A extends SqlDriverAdapter>(adapter: A, about: HandoffAdapter): A {
  wrapQueryable(adapter, about);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction: Transaction = await startTransaction(isolationLevel);
    wrapQueryable(transaction, about);
    return transaction;
  };
  return adapter;
}
