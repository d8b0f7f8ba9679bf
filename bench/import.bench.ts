// npm run bench -- import [--repos 1000] [--batch 100]   (the million-edge case: bench/import-1m.bench.ts)
//
// Import throughput for a generated organisation of N repositories (default 1,000), each a
// checkout with one or two workflows and a package-lock.json drawn from a shared package pool —
// the shape `blastmap import org/` sees. Files go through the real path: credential scan, format
// detection, parsers, advisory linking and the one-transaction apply. Two shapes: the whole
// organisation in ONE import (`blastmap import org/`, the shape issue 14 measured: "oneImport", a
// process's first import; "oneImportWarm", the same again in the same process, as the server runs
// uploads), then again into a fresh database in imports of --batch repositories each (a team adding
// repositories day by day: "inBatches", which also times an unchanged re-import). Measured on PGlite
// (a data directory on disk), and on PostgreSQL too when DATABASE_URL is set. Reports files/s, facts (nodes and edges) written per second with and
// without parsing, and the time of each phase of the database half.
import { createPrismaClient, type Db } from "@/lib/db";
import { migrate } from "@/lib/database/migrate";
import { openDatabase, type OpenDatabase } from "@/lib/database/open-database";
import { createThrowawayPostgresDatabase } from "@/lib/database/throwaway-postgres";
import { importParsedSources } from "@/lib/data/import/import-parsed-sources";
import { importSources } from "@/lib/services/import/import-sources";
import { parseAndCheckSources } from "@/lib/ingest/check-sources";
import { parseSources } from "@/lib/ingest/parse-sources";
import type { SourceFile } from "@/lib/ingest/types";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { numberOption, prng, round } from "./bench-kit";

const ciWorkflow = (install: string) => `name: ci
on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - run: ${install}
      - run: npm test
        env:
          CODECOV_TOKEN: \${{ secrets.CODECOV_TOKEN }}
`;

const releaseWorkflow = `name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: [self-hosted, linux, build]
    permissions:
      contents: write
      id-token: write
    env:
      NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
    steps:
      - uses: actions/checkout@v4
      - uses: changesets/action@v1
      - run: npm ci
      - run: npm publish --provenance
`;

/** One checkout per repository: .github/workflows/ci.yml (+ release.yml for half), package-lock.json, package.json. */
export function generateOrganisationFiles(repos: number, seed = 7): SourceFile[][] {
  const random = prng(seed);
  const pool = Array.from({ length: 800 }, (_, i) => (i % 5 === 0 ? `@acme-lib/pkg-${i}` : `lib-${i}`));
  const checkouts: SourceFile[][] = [];
  for (let r = 0; r < repos; r += 1) {
    const dir = `svc-${String(r).padStart(4, "0")}`;
    const packages: Record<string, unknown> = { "": { name: dir, version: "1.0.0" } };
    const direct: Record<string, string> = {};
    for (let p = 0; p < 40; p += 1) {
      const name = pool[Math.floor(random() * pool.length)];
      const version = `${1 + Math.floor(random() * 3)}.${Math.floor(random() * 4)}.0`;
      packages[`node_modules/${name}`] = { version, hasInstallScript: random() < 0.05, dev: random() < 0.4 };
      if (p < 8) direct[name] = `^${version}`;
    }
    const files: SourceFile[] = [
      { path: `${dir}/.github/workflows/ci.yml`, content: ciWorkflow(random() < 0.2 ? "npm ci --ignore-scripts" : "npm ci") },
      { path: `${dir}/package-lock.json`, content: JSON.stringify({ name: dir, lockfileVersion: 3, packages }, null, 2) },
      { path: `${dir}/package.json`, content: JSON.stringify({ name: dir, dependencies: direct }, null, 2) },
    ];
    if (r % 2 === 0) files.push({ path: `${dir}/.github/workflows/release.yml`, content: releaseWorkflow });
    checkouts.push(files);
  }
  return checkouts;
}

async function scratchDatabase(kind: "pglite" | "postgresql"): Promise<{ db: Db; connection: OpenDatabase; drop(): Promise<void> }> {
  if (kind === "pglite") {
    // a data directory on disk, as `npm start` and the CLI use: an in-memory PGlite keeps its files in
    // Emscripten's MEMFS, which copies a whole file each time it outgrows its buffer (0.35–0.5 s of
    // an import of the 1,000 repositories, ~15% slower than on disk)
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "blastmap-bench-pglite-"));
    const connection = await openDatabase({ kind: "pglite", dataDir });
    await migrate(connection);
    const db = createPrismaClient(connection);
    return {
      db,
      connection,
      drop: async () => {
        await db.$disconnect();
        await connection.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const throwaway = await createThrowawayPostgresDatabase(process.env.DATABASE_URL!, "blastmap_bench");
  const connection = await openDatabase({ kind: "postgresql", url: throwaway.url });
  await migrate(connection);
  const db = createPrismaClient(connection);
  return {
    db,
    connection,
    async drop() {
      await db.$disconnect();
      await connection.close();
      await throwaway.drop();
    },
  };
}

/**
 * CPU seconds used so far by this process and by the scratch database's server processes (read
 * from /proc when PostgreSQL runs on this machine), per process id. On a machine shared with
 * other jobs the wall clock stretches with the load; CPU time much less, so the bench reports
 * both, and CPU time is what an idle machine's wall clock would roughly be.
 */
async function cpuSecondsByProcess(connection: OpenDatabase): Promise<Map<string, number>> {
  const usage = process.cpuUsage();
  const byProcess = new Map([["bench", (usage.user + usage.system) / 1e6]]);
  if (connection.config.kind !== "postgresql") return byProcess;
  const backends = await connection.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  for (const { pid } of backends) {
    try {
      // fields after the command name: state is the 3rd field of the line, utime the 14th, stime the 15th (clock ticks, 100 a second)
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      byProcess.set(String(pid), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // a server on another machine, or a backend that has gone: its time is not counted
    }
  }
  return byProcess;
}

const cpuSecondsBetween = (before: Map<string, number>, after: Map<string, number>) =>
  [...after].reduce((sum, [process, seconds]) => sum + seconds - (before.get(process) ?? 0), 0);

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const repos = numberOption(args, "repos", 1000);
  const batch = numberOption(args, "batch", 100);
  const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];
  const checkouts = generateOrganisationFiles(repos);
  console.log("\n— the whole organisation in one import");
  const { parse, pglite, postgresql, ...organisation } = await measureImports(checkouts, checkouts.length, kinds, { reimport: false, parseAlone: true });
  // The first import pays the process's start-up (Prisma's query compiler and the driver's first
  // queries, ~0.3 s): the CLI pays it every time, the server once, so its uploads import warm.
  console.log("\n— the whole organisation in one import again, in the same process (warm, as the server imports uploads)");
  const warm = await measureImports(checkouts, checkouts.length, kinds, { reimport: false, parseAlone: false });
  console.log(`\n— in imports of ${batch} repositories`);
  const inBatches = await measureImports(checkouts, batch, kinds, { reimport: true, parseAlone: false });
  return {
    ...organisation,
    batchRepositories: batch,
    parse,
    oneImport: { pglite, postgresql },
    oneImportWarm: { pglite: warm.pglite, postgresql: warm.postgresql },
    inBatches: { pglite: inBatches.pglite, postgresql: inBatches.postgresql },
  };
}

export type DatabaseKind = "pglite" | "postgresql";

/**
 * Parses the organisation once on its own, then imports it into a scratch database of each kind
 * in batches of `batch` repositories, timing each phase of the database half. Facts written are
 * nodes and edges created or updated; origins (which document says what) are not counted.
 */
export async function measureImports(
  checkouts: SourceFile[][],
  batch: number,
  kinds: DatabaseKind[],
  { reimport, parseAlone }: { reimport: boolean; parseAlone: boolean },
): Promise<Record<string, unknown>> {
  const files = checkouts.flat();
  console.log(
    `organisation: ${checkouts.length} repositories, ${files.length} files, ${(files.reduce((s, f) => s + f.content.length, 0) / 1e6).toFixed(1)} MB, imports of ${batch} repositories`,
  );

  const figures: Record<string, unknown> = { repositories: checkouts.length, files: files.length, batchRepositories: batch };
  if (parseAlone) {
    // Parsing alone (pure: scan, detect, parse, link), the whole organisation at once.
    const parseStarted = performance.now();
    const parsed = parseSources(files);
    const parseSeconds = (performance.now() - parseStarted) / 1000;
    const factCount = parsed.documents.reduce((sum, doc) => sum + doc.nodes.length + doc.edges.length, 0);
    console.log(
      `parse: ${files.length} files in ${parseSeconds.toFixed(2)} s = ${Math.round(files.length / parseSeconds)} files/s, ${Math.round(factCount / parseSeconds)} facts/s${parsed.errors.length ? ` (${parsed.errors.length} errors!)` : ""}`,
    );
    figures.parse = {
      seconds: round(parseSeconds),
      filesPerSecond: Math.round(files.length / parseSeconds),
      factsPerSecond: Math.round(factCount / parseSeconds),
    };
  }
  for (const kind of kinds) {
    const scratch = await scratchDatabase(kind);
    try {
      let written = 0;
      const phases = new Map<string, number>();
      const recordPhase = (phase: string, milliseconds: number) => phases.set(phase, (phases.get(phase) ?? 0) + milliseconds);
      let parseCpuSeconds = 0;
      const cpuBefore = await cpuSecondsByProcess(scratch.connection);
      const started = performance.now();
      for (let i = 0; i < checkouts.length; i += batch) {
        const parseStarted = performance.now();
        const parseCpu = process.cpuUsage();
        const sources = parseAndCheckSources(checkouts.slice(i, i + batch).flat());
        const parseCpuUsed = process.cpuUsage(parseCpu);
        parseCpuSeconds += (parseCpuUsed.user + parseCpuUsed.system) / 1e6;
        recordPhase("parse", performance.now() - parseStarted);
        const result = await importParsedSources(scratch.db, sources, { actor: "bench", recordPhase });
        if (!result.ok) throw new Error(`bench import refused: ${result.errors[0]?.file}: ${result.errors[0]?.message}`);
        for (const format of Object.values(result.byFormat))
          written += format.nodes.created + format.nodes.updated + format.edges.created + format.edges.updated;
      }
      const seconds = (performance.now() - started) / 1000;
      const databaseSeconds = seconds - (phases.get("parse") ?? 0) / 1000;
      const cpuAfter = await cpuSecondsByProcess(scratch.connection);
      const databaseCpuSeconds = cpuSecondsBetween(cpuBefore, cpuAfter) - parseCpuSeconds;
      // PGlite runs inside the bench process; PostgreSQL's share is its backends'
      const serverCpuSeconds = cpuSecondsBetween(cpuBefore, cpuAfter) - ((cpuAfter.get("bench") ?? 0) - (cpuBefore.get("bench") ?? 0));
      const nodes = await scratch.db.node.count();
      const edges = await scratch.db.edge.count();
      // Re-importing one batch unchanged: the digest check should skip it cheaply.
      let unchangedReimportFilesPerSecond: number | null = null;
      if (reimport) {
        const againStarted = performance.now();
        const again = await importSources(scratch.db, checkouts.slice(0, batch).flat(), { actor: "bench" });
        const againSeconds = (performance.now() - againStarted) / 1000;
        if (again.unchanged) unchangedReimportFilesPerSecond = Math.round(checkouts.slice(0, batch).flat().length / againSeconds);
      }
      const row = {
        seconds: round(seconds),
        filesPerSecond: Math.round(files.length / seconds),
        nodesPerSecond: Math.round(nodes / seconds),
        factsWritten: written,
        factsWrittenPerSecond: Math.round(written / seconds),
        databaseSeconds: round(databaseSeconds),
        databaseFactsPerSecond: Math.round(written / databaseSeconds),
        databaseCpuSeconds: round(databaseCpuSeconds),
        databaseFactsPerCpuSecond: Math.round(written / databaseCpuSeconds),
        serverCpuSeconds: kind === "postgresql" ? round(serverCpuSeconds) : null,
        phasesMs: Object.fromEntries([...phases].map(([phase, ms]) => [phase, Math.round(ms)])),
        nodes,
        edges,
        unchangedReimportFilesPerSecond,
      };
      console.log(`${kind} phases (ms): ${[...phases].map(([phase, ms]) => `${phase} ${Math.round(ms)}`).join(", ")}`);
      console.log(
        `${kind}: ${files.length} files → ${nodes} nodes, ${edges} edges in ${seconds.toFixed(1)} s = ${row.filesPerSecond} files/s, ${row.factsWrittenPerSecond} facts/s with parsing, ${row.databaseFactsPerSecond} facts/s in the database half (${databaseSeconds.toFixed(1)} s; ${databaseCpuSeconds.toFixed(1)} CPU s${kind === "postgresql" ? `, ${serverCpuSeconds.toFixed(1)} of them the server's` : ""} = ${row.databaseFactsPerCpuSecond} facts per CPU second)${reimport ? `; unchanged re-import ${unchangedReimportFilesPerSecond} files/s` : ""}`,
      );
      figures[kind] = row;
    } finally {
      await scratch.drop();
    }
  }
  return figures;
}
