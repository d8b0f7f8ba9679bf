// npm run bench -- import-cli [--repos 1000] [--runs 2]
//
// What a user waits for: `blastmap import org/` on the command line, start to finish. That is the
// process starting, the checkouts read from disk (each a git repository whose origin names it),
// parsing, the one-transaction import and its ANALYZE, and the summary printed. The organisation is
// bench/import.bench.ts's generated one, laid out as checkouts by git itself. Each run imports into an
// empty, migrated database: a PGlite data directory, and a PostgreSQL database too when DATABASE_URL
// is set. Reading the checkouts alone (readSourcesFromPaths, in this process) is timed as well.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readSourcesFromPaths } from "@/lib/files/read-sources-from-paths";
import { createThrowawayPostgresDatabase } from "@/lib/database/throwaway-postgres";
import { ZImportResult } from "@/lib/schemas/import";
import { median, numberOption, round } from "./bench-kit";
import { generateOrganisationFiles, type DatabaseKind } from "./import.bench";

const CLI = path.resolve(import.meta.dirname, "../bin/blastmap.mjs");

/** The generated organisation as checkouts under `root`: files written, then `git init` and an origin per repository. */
function layOutCheckouts(root: string, repos: number): number {
  const checkouts = generateOrganisationFiles(repos);
  for (const files of checkouts) {
    for (const file of files) {
      const target = path.join(root, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    const directory = path.join(root, files[0].path.split("/")[0]);
    execFileSync("git", ["init", "-q", directory]);
    execFileSync("git", ["-C", directory, "remote", "add", "origin", `git@github.com:acme/${path.basename(directory)}.git`]);
  }
  return checkouts.flat().length;
}

/** Runs the CLI to its end; its stdout, and how long it took. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve({ stdout, seconds: (performance.now() - started) / 1000 });
      else reject(new Error(`blastmap ${args[0]} exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}

/** An empty database of the kind, migrated by the CLI: the environment that reaches it, and how to drop it. */
async function emptyDatabase(kind: DatabaseKind): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const { DATABASE_URL, BLASTMAP_DATA_DIR, ...rest } = process.env;
  void BLASTMAP_DATA_DIR;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  if (kind === "postgresql") {
    const throwaway = await createThrowawayPostgresDatabase(DATABASE_URL!, "blastmap_bench");
    env = { ...rest, DATABASE_URL: throwaway.url };
    drop = throwaway.drop;
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "blastmap-bench-pglite-"));
    env = { ...rest, BLASTMAP_DATA_DIR: dataDir };
    drop = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  await cli(["migrate"], env);
  return { env, drop };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const repos = numberOption(args, "repos", 1000);
  const runs = numberOption(args, "runs", 2);
  const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];
  const root = mkdtempSync(path.join(os.tmpdir(), "blastmap-bench-org-"));
  try {
    const layOutStarted = performance.now();
    const files = layOutCheckouts(path.join(root, "org"), repos);
    console.log(`organisation: ${repos} git checkouts, ${files} files, laid out in ${((performance.now() - layOutStarted) / 1000).toFixed(1)} s`);

    const readSeconds: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const read = await readSourcesFromPaths(["org"], { cwd: root });
      readSeconds.push((performance.now() - started) / 1000);
      if (read.files.length !== files || Object.keys(read.repoNames).length !== repos) throw new Error("bench: the checkouts were not read back as written");
    }
    const read = { seconds: round(median(readSeconds), 3), filesPerSecond: Math.round(files / median(readSeconds)) };
    console.log(`reading the checkouts alone: ${read.seconds} s median of 3 = ${read.filesPerSecond} files/s`);

    const figures: Record<string, unknown> = { repositories: repos, files, read };
    for (const kind of kinds) {
      const seconds: number[] = [];
      let facts = 0;
      for (let i = 0; i < runs; i += 1) {
        const database = await emptyDatabase(kind);
        try {
          const imported = await cli(["import", path.join(root, "org"), "--json"], database.env);
          const result = ZImportResult.parse(JSON.parse(imported.stdout));
          if (!result.ok) throw new Error(`bench import refused: ${result.errors[0]?.message}`);
          facts = Object.values(result.byFormat).reduce((sum, f) => sum + f.nodes.created + f.nodes.updated + f.edges.created + f.edges.updated, 0);
          seconds.push(imported.seconds);
        } finally {
          await database.drop();
        }
      }
      const best = Math.min(...seconds);
      figures[kind] = {
        runs: seconds.map((s) => round(s, 2)),
        bestSeconds: round(best, 2),
        factsWritten: facts,
        factsPerSecond: Math.round(facts / best),
        filesPerSecond: Math.round(files / best),
      };
      console.log(
        `${kind}: blastmap import of ${files} files → ${facts} facts in ${seconds.map((s) => s.toFixed(1)).join(", ")} s; best ${Math.round(facts / best)} facts/s end to end`,
      );
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
