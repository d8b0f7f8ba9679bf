import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { GRAPH_TABLES } from "@/lib/database/graph-tables";
import { grantRuntimeRole } from "@/lib/database/grant-runtime-role";
import { openDatabase, type OpenDatabase } from "@/lib/database/open-database";
import { importSources } from "@/lib/services/import/import-sources";
import { releaseRole, urlAsRole } from "@/test/runtime-role";
import { createTestDatabase, postgresqlOnly, testDatabaseKinds, useTestDatabase, type TestDatabase } from "@/test/test-database";
import { analyzeAfterLoad } from "./analyze-after-load";
import { ANALYZE_MIN_CHANGE, ANALYZE_MIN_ROWS } from "./needs-analyze";

// A lockfile of n dependencies stores n packages and n versions (2n nodes, 2n node origins) and n
// INSTALLED_IN edges (n edge origins) in one source document.
const lockfile = (name: string, dependencies: number) => ({
  path: `${name}/package-lock.json`,
  content: JSON.stringify({
    name,
    lockfileVersion: 3,
    packages: Object.fromEntries([
      ["", { name, version: "1.0.0" }],
      ...Array.from({ length: dependencies }, (_, i) => [`node_modules/${name}-dep-${i}`, { version: "1.0.0" }]),
    ]),
  }),
});

/** How many times each graph table has been analysed, as PostgreSQL counts it. */
async function analyzeCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ table: string; count: number }[]>(
    `SELECT relname AS "table", analyze_count::int AS count FROM pg_stat_user_tables WHERE relname = ANY($1::text[])`,
    [...GRAPH_TABLES],
  );
  return Object.fromEntries(rows.map((row) => [row.table, row.count]));
}

const analysedSince = (before: Record<string, number>, after: Record<string, number>) =>
  Object.keys(after)
    .filter((table) => after[table] > (before[table] ?? 0))
    .sort();

const LOCKFILE_TABLES = ["Edge", "Node", "Package", "PackageVersion"];

async function importAndSeeWhatIsAnalysed(db: Db, source: ReturnType<typeof lockfile>, options: { dryRun?: boolean } = {}): Promise<string[]> {
  const before = await analyzeCounts(db);
  const result = await importSources(db, [source], { actor: "test", ...options });
  expect(result.ok, JSON.stringify(result.errors)).toBe(true);
  return analysedSince(before, await analyzeCounts(db));
}

// The tests of a database build on each other: one growing organisation.
describe.each(testDatabaseKinds())("statistics after an import (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const first = 20_000;

  it(`a small import analyses nothing: tables under ${ANALYZE_MIN_ROWS} rows plan fast without statistics`, async () => {
    expect(await importAndSeeWhatIsAnalysed(database.current.db, lockfile("small", 10))).toEqual([]);
  });

  it("a dry run analyses nothing, however large", async () => {
    expect(await importAndSeeWhatIsAnalysed(database.current.db, lockfile("trial", first), { dryRun: true })).toEqual([]);
  });

  it("the first large import analyses the tables it filled, and only those", async () => {
    const { db } = database.current;
    expect(await importAndSeeWhatIsAnalysed(db, lockfile("first", first))).toEqual(LOCKFILE_TABLES);
    const measured = await db.$queryRawUnsafe<{ table: string; rows: number }[]>(
      `SELECT relname AS "table", reltuples::float8 AS rows FROM pg_class WHERE relname = ANY($1::text[]) ORDER BY 1`,
      LOCKFILE_TABLES,
    );
    for (const { rows } of measured) expect(rows).toBeGreaterThanOrEqual(first);
    // an edge's attributes are read field by field, never estimated as a whole: no statistics gathered for them
    const edgeColumns = await db.$queryRawUnsafe<{ column: string }[]>(`SELECT attname::text AS column FROM pg_stats WHERE tablename = 'Edge' ORDER BY 1`);
    expect(edgeColumns.map((row) => row.column)).toContain("fromId");
    expect(edgeColumns.map((row) => row.column)).not.toContain("attributes");
  });

  it(`an import that adds a tenth to the tables analyses nothing (under ${ANALYZE_MIN_CHANGE * 100}%)`, async () => {
    expect(await importAndSeeWhatIsAnalysed(database.current.db, lockfile("tenth", first / 10))).toEqual([]);
  });

  it(`changes add up across imports: the next 15% takes the tables past ${ANALYZE_MIN_CHANGE * 100}% and they are analysed`, async () => {
    expect(await importAndSeeWhatIsAnalysed(database.current.db, lockfile("more", (first * 15) / 100))).toEqual(LOCKFILE_TABLES);
  });

  it("after that, the count starts again from the new statistics", async () => {
    expect(await importAndSeeWhatIsAnalysed(database.current.db, lockfile("again", (first * 15) / 100))).toEqual([]);
  });

  it("an import's changes are counted when it commits, though both databases report counters at most once a second", async () => {
    const { db } = database.current;
    const changedPackages = async () =>
      (await db.$queryRawUnsafe<{ rows: number }[]>(`SELECT n_mod_since_analyze::int AS rows FROM pg_stat_user_tables WHERE relname = 'Package'`))[0].rows;
    const before = await changedPackages();
    expect(await importAndSeeWhatIsAnalysed(db, lockfile("quick-1", 50))).toEqual([]);
    expect(await importAndSeeWhatIsAnalysed(db, lockfile("quick-2", 50))).toEqual([]);
    expect((await changedPackages()) - before).toBe(100);
  });
});

describe.each(postgresqlOnly())("statistics after an import by a runtime role that does not own the tables (%s)", () => {
  const role = `blastmap_rt_${randomBytes(4).toString("hex")}`;
  let owner: TestDatabase;
  let runtime: { connection: OpenDatabase; db: Db } | undefined;

  beforeAll(async () => {
    owner = await createTestDatabase("postgresql");
    await owner.connection.query(`CREATE ROLE ${role} LOGIN`);
    await grantRuntimeRole(owner.connection, role);
    const connection = await openDatabase({ kind: "postgresql", url: urlAsRole(owner, role).toString() });
    runtime = { connection, db: createPrismaClient(connection) };
  });

  afterAll(() => releaseRole(role, owner, runtime));

  it("imports all the same; PostgreSQL skips the tables with a warning unless it grants MAINTAIN (17 and later)", async () => {
    const [{ version }] = await owner.connection.query<{ version: number }>(`SELECT current_setting('server_version_num')::int AS version`);
    const { db } = runtime!;
    const analysed = await importAndSeeWhatIsAnalysed(db, lockfile("runtime", ANALYZE_MIN_ROWS * 2));
    expect(analysed).toEqual(version >= 170000 ? LOCKFILE_TABLES : []);
    expect(await db.node.count()).toBe(ANALYZE_MIN_ROWS * 4);
    // it did ask: the tables still need statistics, and asking again does not throw
    const before = await analyzeCounts(db);
    expect((await analyzeAfterLoad(db, { importId: 1, dryRun: false })).sort()).toEqual(version >= 170000 ? [] : LOCKFILE_TABLES);
    expect(analysedSince(before, await analyzeCounts(db))).toEqual([]);
  });
});
