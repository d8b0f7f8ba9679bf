// npm run bench -- radius [--sizes 1k,10k,100k] [--samples 200] [--cte-samples 10]
//
// Synthetic organisations at 1k/10k/100k identities (deterministic, seeded), bulk-loaded with a
// few multi-row INSERT … SELECT unnest(…) statements, then per size: graph load time from the
// database, radius median/p95 over random sources beside a bare BFS over the same step table and
// sources (bench/bare-bfs.ts: the ratio is what the walk's rules cost), `fixes` time, peak RSS,
// and the same reachability as a PostgreSQL recursive CTE (lib/data/radius/count-reachable-by-sql.ts:
// the engine's rules in SQL; on PostgreSQL when DATABASE_URL is set, else on PGlite), reported as
// a ratio — the run fails if the two ever reach a different number of nodes.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseConfig } from "@/lib/database/config";
import { migrate } from "@/lib/database/migrate";
import { openDatabase, type OpenDatabase } from "@/lib/database/open-database";
import { createThrowawayPostgresDatabase } from "@/lib/database/throwaway-postgres";
import { loadGraph } from "@/lib/data/graph/load-graph";
import { countReachableBySql } from "@/lib/data/radius/count-reachable-by-sql";
import { semverStepPairs } from "@/lib/engine/steps";
import { rankFixes } from "@/lib/engine/fixes";
import { buildEngineGraph, type EngineGraph, type GraphRows } from "@/lib/engine/graph";
import { RadiusWorkspace } from "@/lib/engine/radius";
import { radiusJsonChunks } from "@/lib/engine/radius-json";
import { summarizeRadius } from "@/lib/engine/radius-result";
import { buildRotationPlan } from "@/lib/engine/rotation";
import { BareBfs } from "./bare-bfs";
import { prng, round as roundTo, stringOption } from "./bench-kit";

const RESULTS = path.join(path.dirname(new URL(import.meta.url).pathname), "results.json");
const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000 };

interface Generated {
  nodes: { id: number[]; kind: string[]; key: string[]; name: string[] };
  details: Record<string, Record<string, unknown[]>>;
  edges: { kind: string[]; from: number[]; to: number[]; exposure: (string | null)[]; privilege: (string | null)[] };
  versionIds: number[];
  publisherIds: number[];
}

/** An organisation of n identities with about ten edges per identity. */
export function generateOrganisation(n: number, seed = 42): Generated {
  const random = prng(seed + n);
  const pick = (count: number) => Math.floor(random() * count);
  const nodes: Generated["nodes"] = { id: [], kind: [], key: [], name: [] };
  const details: Generated["details"] = {};
  const detail = (table: string, row: Record<string, unknown>) => {
    const columns = (details[table] ??= {});
    for (const [column, value] of Object.entries(row)) (columns[column] ??= []).push(value);
  };
  let nextId = 1;
  const node = (kind: string, key: string, name: string) => {
    const id = nextId++;
    nodes.id.push(id);
    nodes.kind.push(kind);
    nodes.key.push(key);
    nodes.name.push(name);
    return id;
  };
  const edges: Generated["edges"] = { kind: [], from: [], to: [], exposure: [], privilege: [] };
  const seen = new Set<string>();
  const edge = (kind: string, from: number, to: number, exposure: string | null = null, privilege: string | null = null) => {
    const key = `${kind}:${from}:${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.kind.push(kind);
    edges.from.push(from);
    edges.to.push(to);
    edges.exposure.push(exposure);
    edges.privilege.push(privilege);
  };

  const repos = Math.max(5, n / 20);
  const systems = Array.from({ length: Math.max(10, n / 20) }, (_, i) => {
    const criticality = random() < 0.05 ? "critical" : random() < 0.2 ? "high" : random() < 0.5 ? "medium" : "low";
    const storesSecrets = random() < 0.1;
    const id = node("system", `system:sys-${i}`, `sys-${i}`);
    detail("System", { nodeId: id, systemKind: storesSecrets ? "vault" : "database", criticality, storesSecrets });
    return id;
  });
  const identities = Array.from({ length: n }, (_, i) => {
    const publishes = random() < 0.01;
    const longLived = random() < 0.7;
    const id = node("identity", `identity:id-${i}`, `id-${i}`);
    detail("Identity", {
      nodeId: id,
      identityKind: publishes ? "registryPublishToken" : "ciServiceAccount",
      lifetime: longLived ? "longLived" : "shortLived",
      owner: `team-${i % 50}`,
    });
    return { id, publishes };
  });
  const secrets = identities.map(({ id: identity }, i) => {
    const id = node("secret", `secret:repo-${i % repos}:S${i}`, `S${i}`);
    detail("Secret", { nodeId: id, secretName: `S${i}`, secretType: "token", storedIn: "ciSecret" });
    edge("AUTHENTICATES_AS", id, identity);
    return id;
  });
  const runners = Array.from({ length: Math.max(4, n / 100) }, (_, i) => {
    const persistent = random() < 0.05;
    const id = node("runner", `runner:r-${i}`, `r-${i}`);
    detail("Runner", { nodeId: id, hosting: persistent ? "selfHosted" : "githubHosted", persistent });
    return id;
  });
  const contexts = Array.from({ length: n / 2 }, (_, i) => {
    const repo = `org/repo-${i % repos}`;
    const id = node("context", `context:${repo}/ci.yml/job-${i}`, `job-${i}`);
    detail("ExecutionContext", { nodeId: id, contextKind: "ciJob", repo, ignoresScripts: random() < 0.2, untrustedCode: random() < 0.02 });
    return id;
  });
  const publishers = Array.from({ length: Math.max(2, n / 50) }, (_, i) => {
    const id = node("publisher", `publisher:npm/p-${i}`, `p-${i}`);
    detail("Publisher", { nodeId: id, ecosystem: "npm", handle: `p-${i}` });
    return id;
  });
  const packages = Array.from({ length: n / 4 }, (_, i) => {
    const id = node("package", `pkg:npm/pkg-${i}`, `pkg-${i}`);
    detail("Package", { nodeId: id, ecosystem: "npm", name: `pkg-${i}`, purl: `pkg:npm/pkg-${i}` });
    edge("MAINTAINS", publishers[pick(publishers.length)], id);
    return id;
  });
  const versionIds: number[] = [];
  packages.forEach((pkg, i) => {
    for (const version of ["1.0.0", "1.1.0"]) {
      const id = node("packageVersion", `pkg:npm/pkg-${i}@${version}`, `pkg-${i}@${version}`);
      detail("PackageVersion", { nodeId: id, packageNodeId: pkg, version, purl: `pkg:npm/pkg-${i}@${version}`, hasInstallScript: random() < 0.1 });
      edge("VERSION_OF", id, pkg);
      versionIds.push(id);
    }
  });
  const actions = Array.from({ length: Math.max(2, n / 100) }, (_, i) => {
    const id = node("action", `action:vendor/action-${i}`, `action-${i}`);
    detail("Action", { nodeId: id, slug: `vendor/action-${i}`, owner: "vendor", repo: `action-${i}` });
    return id;
  });

  // edges: ~10 per identity
  for (const version of versionIds) for (let j = 0; j < 3; j++) edge("INSTALLED_IN", version, contexts[pick(contexts.length)]);
  for (const context of contexts) {
    for (let j = 0; j < 4; j++) edge("EXPOSES", context, secrets[pick(secrets.length)], random() < 0.3 ? "install" : "job");
    edge("RUNS_ON", context, runners[pick(runners.length)]);
  }
  identities.forEach(({ id, publishes }) => {
    for (let j = 0; j < 3; j++) {
      const r = random();
      edge("CAN_ACCESS", id, systems[pick(systems.length)], null, r < 0.7 ? "read" : r < 0.95 ? "write" : "admin");
    }
    if (publishes) for (let j = 0; j < 2; j++) edge("CAN_PUBLISH", id, packages[pick(packages.length)]);
    if (random() < 0.05) edge("TRIGGERS", id, contexts[pick(contexts.length)]);
  });
  for (const system of systems) if (random() < 0.1) for (let j = 0; j < 20; j++) edge("STORES", system, secrets[pick(secrets.length)]);
  for (const action of actions) for (let j = 0; j < 30; j++) edge("USED_IN", action, contexts[pick(contexts.length)]);
  return { nodes, details, edges, versionIds, publisherIds: publishers };
}

const COLUMN_TYPES: Record<string, string> = {
  nodeId: "int",
  packageNodeId: "int",
  storesSecrets: "boolean",
  persistent: "boolean",
  ignoresScripts: "boolean",
  untrustedCode: "boolean",
  hasInstallScript: "boolean",
  identityKind: '"IdentityKind"',
  lifetime: '"Lifetime"',
  storedIn: '"SecretStore"',
  contextKind: '"ContextKind"',
  hosting: '"RunnerHosting"',
  systemKind: '"SystemKind"',
  criticality: '"Criticality"',
};

async function bulkInsert(db: OpenDatabase, table: string, columns: Record<string, unknown[]>, extra = "", chunk = 100_000): Promise<void> {
  const names = Object.keys(columns);
  const total = columns[names[0]].length;
  for (let start = 0; start < total; start += chunk) {
    const params = names.map((name) => columns[name].slice(start, start + chunk));
    const unnest = names.map((name, i) => `$${i + 1}::${COLUMN_TYPES[name] ?? "text"}[]`).join(", ");
    const quoted = names.map((name) => `"${name}"`).join(", ");
    await db.query(
      `INSERT INTO "${table}" (${quoted}${extra ? `, ${extra.split("=")[0]}` : ""}) SELECT *${extra ? `, ${extra.split("=")[1]}` : ""} FROM unnest(${unnest})`,
      params,
    );
  }
}

async function writeOrganisation(db: OpenDatabase, org: Generated): Promise<void> {
  await db.query(`TRUNCATE "Node", "Edge" RESTART IDENTITY CASCADE`);
  COLUMN_TYPES.kind = '"NodeKind"';
  COLUMN_TYPES.id = "int";
  await bulkInsert(db, "Node", { id: org.nodes.id, kind: org.nodes.kind, key: org.nodes.key, name: org.nodes.name }, `"updatedAt"=now()`);
  for (const [table, columns] of Object.entries(org.details)) await bulkInsert(db, table, columns);
  COLUMN_TYPES.kind = '"EdgeKind"';
  COLUMN_TYPES.fromId = "int";
  COLUMN_TYPES.toId = "int";
  COLUMN_TYPES.exposure = '"Exposure"';
  COLUMN_TYPES.privilege = '"Privilege"';
  const { kind, from, to, exposure, privilege } = org.edges;
  await bulkInsert(db, "Edge", { kind, fromId: from, toId: to, exposure, privilege }, `"updatedAt"=now()`);
  await db.query(`SELECT setval(pg_get_serial_sequence('"Node"', 'id'), (SELECT max(id) FROM "Node"))`);
  await db.query(`INSERT INTO "GraphState" (id, version, "updatedAt") VALUES (1, 1, now()) ON CONFLICT (id) DO UPDATE SET version = "GraphState".version + 1`);
  await db.query(`ANALYZE`);
}

async function scratchDatabase(): Promise<{ db: OpenDatabase; label: string; drop(): Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const config: DatabaseConfig = { kind: "pglite", dataDir: ":memory:" };
    const db = await openDatabase(config);
    return { db, label: "PGlite (in memory)", drop: () => db.close() };
  }
  const throwaway = await createThrowawayPostgresDatabase(process.env.DATABASE_URL, "blastmap_bench");
  const db = await openDatabase({ kind: "postgresql", url: throwaway.url });
  return {
    db,
    label: "PostgreSQL",
    async drop() {
      await db.close();
      await throwaway.drop();
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value: number, digits = 2) => roundTo(value, digits);

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function measure(size: string, n: number, samples: number, cteSamples: number, fixesSizes: Set<string>) {
  console.log(`\n## ${size}: ${n} identities`);
  const started = performance.now();
  // Generate and store, then keep only what picking sources needs: the peak memory below is the
  // engine's (load, walks, answers), as in a server process, not the generator's.
  const { db, label, drop } = await scratchDatabase();
  try {
    let sourcePool: number[];
    {
      const org = generateOrganisation(n);
      await migrate(db);
      await writeOrganisation(db, org);
      console.log(
        `generated and stored ${org.nodes.id.length} nodes, ${org.edges.kind.length} edges in ${round((performance.now() - started) / 1000)}s (${label})`,
      );
      sourcePool = [...org.versionIds, ...org.publisherIds];
    }
    global.gc?.();
    const rssBeforeLoad = process.memoryUsage().rss;
    peakRss = 0;
    sampleRss();
    const sampler = setInterval(sampleRss, 20);

    const loadStarted = performance.now();
    let rows: GraphRows | null = await loadGraph(db);
    const queried = performance.now();
    const graph: EngineGraph = buildEngineGraph(rows);
    rows = null; // a server keeps only the engine graph
    const loadMs = performance.now() - loadStarted;
    sampleRss();
    const peakAfterLoad = peakRss;
    console.log(`graph load: ${round(loadMs)} ms (queries ${round(queried - loadStarted)} ms, build ${round(performance.now() - queried)} ms)`);

    const random = prng(7);
    const sources = Array.from({ length: samples }, () => graph.indexOfId(sourcePool[Math.floor(random() * sourcePool.length)])!);
    const workspace = new RadiusWorkspace(graph);
    const bfs = new BareBfs(graph);
    for (const s of sources.slice(0, 10)) {
      // warm-up
      workspace.walk([s]);
      bfs.search([s]);
    }
    const walkMs: number[] = [];
    const bfsMs: number[] = [];
    const answerMs: number[] = [];
    const reached: number[] = [];
    const bfsReached: number[] = [];
    let walkCpuUs = 0;
    let bfsCpuUs = 0;
    // the walk and the bare BFS take turns on each source, so a busy moment on the machine hits both
    for (const s of sources) {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      workspace.walk([s]);
      walkMs.push(performance.now() - t0);
      walkCpuUs += process.cpuUsage(cpu).user;
      reached.push(workspace.count);
      const bfsCpu = process.cpuUsage();
      const t1 = performance.now();
      bfs.search([s]);
      bfsMs.push(performance.now() - t1);
      bfsCpuUs += process.cpuUsage(bfsCpu).user;
      bfsReached.push(bfs.count);
    }
    const walkCpuMs = walkCpuUs / 1000 / sources.length;
    const bareBfs = {
      median: round(percentile(bfsMs, 50), 3),
      p95: round(percentile(bfsMs, 95), 3),
      meanCpu: round(bfsCpuUs / 1000 / sources.length, 3),
      reachedMedian: percentile(bfsReached, 50),
      // wall-clock ratios, and the CPU-time one, which a machine shared with other work disturbs less
      walkRatio: {
        median: round(percentile(walkMs, 50) / Math.max(percentile(bfsMs, 50), 0.001)),
        p95: round(percentile(walkMs, 95) / Math.max(percentile(bfsMs, 95), 0.001)),
        meanCpu: round(walkCpuUs / Math.max(bfsCpuUs, 1)),
      },
    };
    sampleRss();
    // the summary and rotation plan grow with the radius (one line per reached secret and
    // identity); measured on the first 30 sources
    for (const s of sources.slice(0, 30)) {
      const t0 = performance.now();
      workspace.walk([s]);
      summarizeRadius(workspace);
      buildRotationPlan(workspace);
      answerMs.push(performance.now() - t0);
      sampleRss();
    }
    const peakBeforeFullJson = peakRss;
    // the full answer as the CLI and the API send it: JSON chunks written out as they are made
    const fullMs: number[] = [];
    const fullMb: number[] = [];
    for (const s of sources.slice(0, size === "100k" ? 3 : 10)) {
      const t0 = performance.now();
      let bytes = 0;
      for (const chunk of radiusJsonChunks(
        workspace.walk([s]),
        { refs: [], nodes: [s], description: "" },
        { maxHops: null, exposures: [], whatIf: [], timings: [] },
      )) {
        bytes += chunk.length;
        sampleRss();
      }
      fullMs.push(performance.now() - t0);
      fullMb.push(bytes / 1e6);
    }
    console.log(
      `radius walk: median ${round(percentile(walkMs, 50))} ms, p95 ${round(percentile(walkMs, 95))} ms (mean CPU ${round(walkCpuMs)} ms); bare BFS over the same step table, same sources: median ${bareBfs.median} ms, p95 ${bareBfs.p95} ms (mean CPU ${bareBfs.meanCpu} ms, reached median ${bareBfs.reachedMedian}); walk / BFS: median ${bareBfs.walkRatio.median}x, p95 ${bareBfs.walkRatio.p95}x, mean CPU ${bareBfs.walkRatio.meanCpu}x; with summary + rotation plan: median ${round(percentile(answerMs, 50))} ms, p95 ${round(percentile(answerMs, 95))} ms; full JSON with every path (${fullMs.length} sources, median ${round(percentile(fullMb, 50), 0)} MB): median ${round(percentile(fullMs, 50))} ms; nodes reached: median ${percentile(reached, 50)}, max ${Math.max(...reached)}`,
    );

    const cteMs: number[] = [];
    const engineMs: number[] = [];
    const cteReached: number[] = [];
    const disagreements: string[] = [];
    const pairs = semverStepPairs(graph);
    for (const s of sources.slice(0, cteSamples)) {
      const t0 = performance.now();
      const sqlReached = await countReachableBySql(db, [graph.ids[s]], pairs);
      cteMs.push(performance.now() - t0);
      cteReached.push(sqlReached);
      const t1 = performance.now();
      workspace.walk([s]);
      engineMs.push(performance.now() - t1);
      // the comparison only means something if both computed the same answer
      if (workspace.count !== sqlReached) disagreements.push(`${graph.keys[s]}: engine ${workspace.count}, CTE ${sqlReached}`);
    }
    if (disagreements.length) throw new Error(`the recursive CTE and the engine disagree:\n${disagreements.join("\n")}`);
    const cteMedian = percentile(cteMs, 50);
    const ratio = cteMedian / Math.max(percentile(engineMs, 50), 0.001);
    console.log(
      `recursive CTE (${label}, ${cteSamples} sources): median ${round(cteMedian)} ms (reached median ${percentile(cteReached, 50)}); engine ${round(percentile(engineMs, 50))} ms; engine is ${round(ratio, 1)}x faster; both reach the same number of nodes in every sample`,
    );

    let fixes: Record<string, unknown> | null = null;
    if (fixesSizes.has(size)) {
      const t0 = performance.now();
      const cpu = process.cpuUsage();
      const result = rankFixes(graph, { top: 10, timeBudgetMs: 300_000 });
      const seconds = (performance.now() - t0) / 1000;
      const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
      fixes = {
        seconds: round(seconds),
        cpuSeconds: round(cpuSeconds),
        sources: result.sources,
        candidates: result.candidates,
        evaluated: result.evaluated,
        exhaustive: result.exhaustive,
        best: result.fixes[0]?.control ?? null,
        bestReduction: result.fixes[0]?.reduction ?? null,
      };
      console.log(
        `fixes: ${round(seconds)} s wall, ${round(cpuSeconds)} s CPU (${result.sources} sources, ${result.candidates} candidates, ${result.evaluated} evaluated exactly, exhaustive ${result.exhaustive}); best: ${result.fixes[0]?.control ?? "none"} (-${result.fixes[0]?.reduction ?? 0})`,
      );
      sampleRss();
    }
    clearInterval(sampler);
    console.log(
      `peak RSS: ${round(peakRss / 1024 / 1024, 0)} MB (${round(rssBeforeLoad / 1024 / 1024, 0)} MB before loading the graph, ${round(peakAfterLoad / 1024 / 1024, 0)} MB peak while loading it, ${round(peakBeforeFullJson / 1024 / 1024, 0)} MB before building the full JSON answers)`,
    );
    return {
      identities: n,
      nodes: graph.nodeCount,
      edges: graph.edgeCount,
      database: label,
      loadMs: round(loadMs),
      radiusWalkMs: { median: round(percentile(walkMs, 50)), p95: round(percentile(walkMs, 95)), meanCpu: round(walkCpuMs), samples: walkMs.length },
      bareBfsMs: bareBfs,
      radiusWithSummaryAndRotationMs: { median: round(percentile(answerMs, 50)), p95: round(percentile(answerMs, 95)), samples: answerMs.length },
      radiusFullJsonMs: { median: round(percentile(fullMs, 50)), samples: fullMs.length, medianMegabytes: round(percentile(fullMb, 50), 1) },
      reachedNodes: { median: percentile(reached, 50), max: Math.max(...reached) },
      samples,
      cte: {
        samples: cteMs.length,
        medianMs: round(cteMedian),
        engineMedianMs: round(percentile(engineMs, 50)),
        speedup: round(ratio, 1),
        reachedMedian: percentile(cteReached, 50),
        sameReachability: true,
      },
      fixes,
      peakRssMb: round(peakRss / 1024 / 1024, 0),
      peakRssBeforeFullJsonMb: round(peakBeforeFullJson / 1024 / 1024, 0),
      peakRssDuringLoadMb: round(peakAfterLoad / 1024 / 1024, 0),
      rssBeforeLoadMb: round(rssBeforeLoad / 1024 / 1024, 0),
      loadAverage: os.loadavg().map((value) => round(value, 1)),
    };
  } finally {
    await drop();
  }
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const sizes = stringOption(args, "sizes", "1k,10k,100k")
    .split(",")
    .map((s) => s.trim());
  const samples = Number(stringOption(args, "samples", "200"));
  const cteSamples = Number(stringOption(args, "cte-samples", "10"));
  const fixesSizes = new Set(stringOption(args, "fixes", "1k,10k").split(","));
  // sizes not measured in this run keep their previous figures
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")).radius ?? {}) : {};
  const results: Record<string, unknown> = Object.fromEntries(Object.entries(previous).filter(([key]) => key in SIZES));
  for (const size of sizes) {
    const n = SIZES[size];
    if (!n) throw new Error(`unknown size ${size}: use ${Object.keys(SIZES).join(", ")}`);
    peakRss = 0;
    results[size] = await measure(size, n, samples, cteSamples, fixesSizes);
  }
  return results;
}
