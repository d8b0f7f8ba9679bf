import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { ConfigError, describeDatabase, type DatabaseConfig } from "./config";
import { withParameterHandoff } from "./parameter-handoff";

/** A live connection to the configured database, below Prisma: what migrations and raw reads need. */
export interface OpenDatabase {
  config: DatabaseConfig;
  description: string;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  return config.kind === "pglite" ? openPglite(config) : openPostgres(config);
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: "postgresql" }>): Promise<OpenDatabase> {
  const { default: pg } = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const description = describeDatabase(config);
  const pool = new pg.Pool({ connectionString: config.url, connectionTimeoutMillis: 5000, max: 10 });
  pool.on("error", () => {}); // idle-client errors surface on the next query instead of crashing
  const searchPath = config.schema ? `SET search_path TO "${config.schema.replaceAll('"', '""')}"` : undefined;
  if (searchPath) pool.on("connect", (client) => void client.query(searchPath));
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`Cannot reach ${description}: ${(error as Error).message || String(error)}`);
  }
  return {
    config,
    description,
    // A config object, not the pool: the adapter derives its shadow database (for drift checks)
    // by overriding `database`, which a connection string would shadow.
    adapterFactory: withDisposableShadowDb(PrismaPg, poolConfigFromUrl(config.url), config.schema),
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async close() {
      await pool.end().catch(() => {});
    },
  };
}

type PoolConfig = ReturnType<typeof poolConfigFromUrl>;

// @prisma/adapter-pg drops its shadow database while its own pool still holds connections, which
// PostgreSQL refuses; this one closes the pool first and drops with FORCE.
function withDisposableShadowDb(
  PrismaPg: typeof import("@prisma/adapter-pg").PrismaPg,
  poolConfig: PoolConfig,
  schema: string | undefined,
): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(poolConfig, schema ? { schema } : undefined);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withParameterHandoff(wholeScripts(await main.connect()), { statementsInFlight: PIPELINED_STATEMENTS }),
    async connectToShadowDb() {
      const name = `blastmap_shadow_${randomUUID().replaceAll("-", "")}`;
      const admin = await main.connect();
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = wholeScripts(await new PrismaPg({ ...poolConfig, database: name }).connect());
      const disposeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await disposeShadow();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

// The adapter runs a migration script by splitting it on every ";", which breaks function bodies
// ($$ … $$) such as the audit log's append-only trigger. PostgreSQL's simple-query protocol runs a
// multi-statement script as sent, so the script goes over whole.
type PgAdapter = Awaited<ReturnType<InstanceType<typeof import("@prisma/adapter-pg").PrismaPg>["connect"]>>;
function wholeScripts(adapter: PgAdapter): PgAdapter {
  const internals = adapter as unknown as { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

function poolConfigFromUrl(value: string) {
  const url = new URL(value);
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    connectionTimeoutMillis: 5000,
    max: 10,
    // Queries handed to one connection before the earlier ones answered go out at once instead of
    // waiting in the driver for the client's next turn: a bulk load's statements then run back to
    // back while the client builds the next ones (lib/data/import/bulk-sql). Every query still
    // ends in its own Sync and gets its own result or error, as one at a time would (in a
    // transaction, those after a failed one fail as aborted). Nothing here uses cursors or query
    // streams, which pipelining refuses.
    pipeline: true,
  };
}

/** Statements of one bulk write handed to the pipelining driver at once (2, 4, 16 measured: the server's backlog at the end of a 100k-fact import 0.84–1.09 s, 0.63–0.85 s, 0.51–0.81 s). */
const PIPELINED_STATEMENTS = 16;

/** PGlite runs each statement in this thread as it is handed over: a deeper queue only makes other requests wait longer behind an import. */
const EMBEDDED_STATEMENTS = 2;

// PGlite loads contrib extensions only when the instance is created, so every instance — the
// database and the schema engine's shadow — is created with the ones the migrations install
// (pg_trgm: the inventory's substring search uses trigram indexes).
async function pgliteExtensions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}

async function openPglite(config: Extract<DatabaseConfig, { kind: "pglite" }>): Promise<OpenDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const description = describeDatabase(config);
  const inMemory = config.dataDir === ":memory:";
  const releaseLock = inMemory ? () => {} : acquireDataDirLock(config.dataDir);
  const extensions = await pgliteExtensions();
  let client: InstanceType<typeof PGlite>;
  try {
    if (!inMemory) mkdirSync(config.dataDir, { recursive: true });
    client = new PGlite({ ...(inMemory ? {} : { dataDir: config.dataDir }), extensions });
    await client.waitReady;
  } catch (error) {
    releaseLock();
    throw new DatabaseUnavailableError(`Cannot open ${description}: ${(error as Error).message || String(error)} (was it written by a newer PGlite?)`);
  }
  return {
    config,
    description,
    adapterFactory: await pgliteAdapterFactory(client, () => new PGlite({ extensions })),
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query<Row>(sql, params)).rows;
    },
    async close() {
      await client.close().catch(() => {});
      releaseLock();
    },
  };
}

type PGliteClient = import("@electric-sql/pglite").PGlite;
type PGliteAdapter = Awaited<ReturnType<InstanceType<typeof import("pglite-prisma-adapter").PrismaPGlite>["connect"]>>;

// pglite-prisma-adapter opens its shadow database without extensions (so a migration that creates
// one fails there) and never closes it; this one opens it like the main database and closes it.
async function pgliteAdapterFactory(client: PGliteClient, openShadow: () => PGliteClient): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const main = new PrismaPGlite(client);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withParameterHandoff(awaitedScripts(await main.connect()), { statementsInFlight: EMBEDDED_STATEMENTS }),
    async connectToShadowDb() {
      const shadowClient = openShadow();
      const shadow = awaitedScripts(await new PrismaPGlite(shadowClient).connect());
      shadow.dispose = async () => {
        await shadowClient.close().catch(() => {});
      };
      return shadow;
    },
  };
}

// The adapter starts a script without awaiting it, so a failing migration statement is an
// unhandled rejection instead of a failed migration; awaited here, the failure reaches Prisma.
function awaitedScripts(adapter: PGliteAdapter): PGliteAdapter {
  const internals = adapter as unknown as { client: PGliteClient; onError(error: unknown): never };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.exec(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

/** The data directory's lock is held by another live process (a running server, another CLI). */
export class DataDirInUseError extends ConfigError {}

// PGlite is a single-process database: two processes writing one data directory corrupt it.
function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  if (existsSync(lockFile)) {
    const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new DataDirInUseError(
        `The embedded database at ${dataDir} is in use by another Blastmap process (pid ${holder}); stop it first, or set DATABASE_URL to share PostgreSQL between the server and the CLI (beside a running \`blastmap start\`, import, radius, path and fixes ask the server).`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockFile, "utf8") === String(process.pid)) rmSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
