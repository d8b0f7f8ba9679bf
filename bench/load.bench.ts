// npm run bench -- load [--seconds 60] [--concurrency 50] [--big-identities 20000] [--upload-mb 10] [--dist .next]
//
// The production server (`next start`, built beforehand: `npm run build`) on 127.0.0.1 only, over a
// fresh database holding the demo organisation: embedded PGlite in a temporary directory, or a
// throw-away PostgreSQL database when DATABASE_URL is set. Then:
//   1. `concurrency` clients send radius and inventory requests for `seconds` (read-scoped API
//      token): p50/p95/max latency, request and error counts, and /api/health sampled alongside;
//   2. mixed radius requests: 20 clients, 17 asking for the first page of a big radius (an
//      organisation of `big-identities` identities whose tokens one build machine exposes, imported
//      into the same database) and 3 for small ones: p50/p95 per class, so small answers that wait
//      behind big ones show; then the same with 2 clients asking for the big radius' complete answer
//      (no limit: every node and path, streamed);
//   3. /api/health sampled every 100 ms while a large checkout (`upload-mb` of lockfiles, inflated)
//      is uploaded and imported (import-scoped token), and again while a zip bomb (an entry declaring
//      1,000 bytes that inflates to 1 GB) is refused.
// Everything is bounded (seconds ≤ 120, concurrency ≤ 100, each upload ≤ 240 s) and the server is
// stopped and the data removed at the end, whatever happens.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { createDeflateRaw } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { createApiToken } from "@/lib/data/tokens/create-api-token";
import { SYSTEM_ACTOR } from "@/lib/data/audit/record-audit-event";
import type { DatabaseConfig } from "@/lib/database/config";
import { migrate } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { createThrowawayPostgresDatabase } from "@/lib/database/throwaway-postgres";
import { createPrismaClient } from "@/lib/db";
import { seedDemoOrganisation } from "@/lib/services/demo/seed-demo-organisation";
import { importSources } from "@/lib/services/import/import-sources";
import { createDemoAdmin } from "@/lib/data/users/create-demo-admin";
import { INVENTORY_KINDS } from "@/lib/schemas/inventory-query";
import { buildZip } from "@/test/hostile-zip/build-zip";
import { numberOption, round, stringOption } from "./bench-kit";

/** Loopback only: this bench never sends a request anywhere else. */
const HOST = "127.0.0.1";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const MB = 1024 * 1024;

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)], 1);
};
const latency = (values: number[]) => ({ count: values.length, p50Ms: percentile(values, 50), p95Ms: percentile(values, 95), maxMs: percentile(values, 100) });

export interface Prepared {
  config: DatabaseConfig;
  label: string;
  readToken: string;
  importToken: string;
  refs: string[];
  drop(): Promise<void>;
}

/** A migrated database with the demo organisation and two API tokens; closed again for the server. */
export async function prepare(dataDir: string, bigIdentities: number, adminPassword?: string): Promise<Prepared> {
  let config: DatabaseConfig = { kind: "pglite", dataDir };
  let label = "PGlite (embedded)";
  let drop = async () => {};
  if (process.env.DATABASE_URL) {
    const throwaway = await createThrowawayPostgresDatabase(process.env.DATABASE_URL, "blastmap_load");
    config = { kind: "postgresql", url: throwaway.url };
    label = "PostgreSQL";
    drop = throwaway.drop;
  }
  const connection = await openDatabase(config);
  try {
    await migrate(connection);
    const prisma = createPrismaClient(connection);
    try {
      await seedDemoOrganisation(prisma);
      if (adminPassword) await createDemoAdmin(prisma, adminPassword);
      if (bigIdentities > 0) {
        const big = await importSources(prisma, [{ path: "load-big/inventory.json", content: bigOrganisation(bigIdentities) }], { actor: "load-bench" });
        if (!big.ok) throw new Error(`the big organisation was refused: ${big.errors[0]?.message}`);
      }
      const readToken = (await createApiToken(prisma, { name: "load-bench-read", scope: "read", days: 1 }, SYSTEM_ACTOR)).token;
      const importToken = (await createApiToken(prisma, { name: "load-bench-import", scope: "import", days: 1 }, SYSTEM_ACTOR)).token;
      const refs = (await prisma.node.findMany({ where: { kind: { in: ["packageVersion", "secret", "identity"] } }, select: { key: true }, take: 200 })).map(
        (node) => node.key,
      );
      return { config, label, readToken, importToken, refs, drop };
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await connection.close();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export function startServer(port: number, prepared: Prepared, dataDir: string, distDir: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    BLASTMAP_ROOT: ROOT,
    BLASTMAP_DIST_DIR: distDir,
    BLASTMAP_DATA_DIR: dataDir,
    DATABASE_URL: prepared.config.kind === "postgresql" ? prepared.config.url : "",
    BETTER_AUTH_URL: `http://${HOST}:${port}`,
  };
  const server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", HOST], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  return server;
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function timed(url: string, init: RequestInit = {}, timeoutMs = 30_000): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { ms: performance.now() - started, status: response.status, body };
  } catch (error) {
    return { ms: performance.now() - started, status: 0, body: error instanceof Error ? error.message : String(error) };
  }
}

export async function waitForHealth(base: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before answering`);
    if ((await timed(`${base}/api/health`, {}, 2000)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer /api/health in time");
}

/** Samples /api/health every `everyMs` until `until` settles; the latencies (a failure counts as its time). */
async function healthWhile<T>(base: string, until: Promise<T>, everyMs = 100): Promise<{ result: T; health: number[]; failures: number }> {
  let done = false;
  const health: number[] = [];
  let failures = 0;
  const sampling = (async () => {
    while (!done) {
      const answer = await timed(`${base}/api/health`, {}, 60_000);
      health.push(answer.ms);
      if (answer.status !== 200) failures += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  const result = await until;
  done = true;
  await sampling;
  return { result, health, failures };
}

async function loadPhase(base: string, prepared: Prepared, seconds: number, concurrency: number) {
  const headers = { authorization: `Bearer ${prepared.readToken}` };
  const samples = { radius: [] as number[], inventory: [] as number[] };
  const errors = { radius: 0, inventory: 0 };
  const firstErrors: string[] = [];
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const n = next++;
      const kind = n % 2 === 0 ? "radius" : "inventory";
      const url =
        kind === "radius"
          ? `${base}/api/blast-radius?ref=${encodeURIComponent(prepared.refs[n % prepared.refs.length])}`
          : `${base}/api/inventory/${INVENTORY_KINDS[n % INVENTORY_KINDS.length]}`;
      const answer = await timed(url, { headers });
      if (answer.status === 200) samples[kind].push(answer.ms);
      else {
        errors[kind] += 1;
        if (firstErrors.length < 5) firstErrors.push(`${answer.status} ${url.slice(base.length)}: ${answer.body.slice(0, 160)}`);
      }
    }
  };
  const clients = Promise.all(Array.from({ length: concurrency }, client));
  const { health, failures } = await healthWhile(base, clients, 500);
  const all = [...samples.radius, ...samples.inventory];
  return {
    seconds,
    concurrency,
    requests: all.length + errors.radius + errors.inventory,
    requestsPerSecond: round(all.length / seconds, 1),
    errors: errors.radius + errors.inventory,
    radius: { ...latency(samples.radius), errors: errors.radius },
    inventory: { ...latency(samples.inventory), errors: errors.inventory },
    all: latency(all),
    health: { ...latency(health), failures },
    firstErrors,
  };
}

export const BIG_SOURCE = "pkg:npm/load-big-evil@1.0.0";

/** An inventory whose one build box exposes a token per identity: a radius of ~2 × `identities` nodes from BIG_SOURCE. */
function bigOrganisation(identities: number) {
  const ids = Array.from({ length: identities }, (_, i) => String(i).padStart(6, "0"));
  return JSON.stringify({
    blastmapInventory: 1,
    organisation: "load-big",
    packages: [{ purl: "pkg:npm/load-big-evil", versions: [{ version: "1.0.0", hasInstallScript: true }] }],
    identities: ids.map((n, i) => ({ name: `load-bot-${n}`, kind: "ciServiceAccount", lifetime: i % 3 ? "longLived" : "shortLived" })),
    secrets: ids.map((n) => ({ name: `load-token-${n}`, type: "api-key", storedIn: "envFile", authenticatesAs: `identity:load-bot-${n}` })),
    contexts: [{ name: "load-build-box", installs: [BIG_SOURCE], exposes: ids.map((n) => ({ secret: `secret:load-token-${n}`, exposure: "install" })) }],
  });
}

/** `big.query`: "&limit=500&include=paths" asks for the first page; "" for the complete answer, every path, streamed. */
async function mixedPhase(base: string, prepared: Prepared, seconds: number, big = { clients: 17, query: "&limit=500&include=paths" }) {
  const headers = { authorization: `Bearer ${prepared.readToken}` };
  const samples = { big: [] as number[], small: [] as number[] };
  let errors = 0;
  let bigBytes = 0;
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  const client = (kind: "big" | "small") => async () => {
    while (performance.now() < deadline) {
      const ref = kind === "big" ? BIG_SOURCE : prepared.refs[n++ % prepared.refs.length];
      const answer = await timed(`${base}/api/blast-radius?ref=${encodeURIComponent(ref)}${kind === "big" ? big.query : "&limit=500&include=paths"}`, {
        headers,
      });
      if (answer.status === 200) samples[kind].push(answer.ms);
      else errors += 1;
      if (kind === "big") bigBytes = answer.body.length;
    }
  };
  await Promise.all([...Array.from({ length: big.clients }, client("big")), ...Array.from({ length: 3 }, client("small"))]);
  return {
    seconds,
    clients: { big: big.clients, small: 3 },
    bigAnswerMegabytes: round(bigBytes / 1e6, 1),
    big: latency(samples.big),
    small: latency(samples.small),
    errors,
  };
}

/** A checkout of npm lockfiles (each under the 10 MB file limit) inflating to about `megabytes`. */
function largeCheckout(megabytes: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (let n = 0; total < megabytes * MB; n += 1) {
    const packages: Record<string, unknown> = { "": { name: `app-${n}`, version: "1.0.0", dependencies: { [`pkg-${n}-0`]: "^1.0.0" } } };
    for (let i = 0; i < 24_000; i += 1) {
      packages[`node_modules/pkg-${n}-${i}`] = {
        version: `1.${i % 50}.${i % 7}`,
        resolved: `https://registry.npmjs.org/pkg-${n}-${i}/-/pkg-${n}-${i}-1.${i % 50}.${i % 7}.tgz`,
        integrity: `sha512-${Buffer.from(`${n}:${i}:${"x".repeat(40)}`).toString("base64")}`,
        dependencies: { [`pkg-${n}-${(i + 1) % 24_000}`]: "^1.0.0" },
      };
    }
    const content = strToU8(JSON.stringify({ name: `app-${n}`, lockfileVersion: 3, requires: true, packages }, null, 2));
    files[`app-${n}/package-lock.json`] = content;
    total += content.length;
  }
  return zipSync(files, { level: 1 });
}

/** One entry declaring 1,000 bytes over a deflate stream of 1 GB of zeros (~1 MB), deflated in pieces. */
async function zipBombArchive(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const deflater = createDeflateRaw({ level: 9 });
  deflater.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve) => deflater.once("end", resolve));
  const zeros = Buffer.alloc(MB);
  for (let i = 0; i < 1024; i += 1) if (!deflater.write(zeros)) await new Promise((resolve) => deflater.once("drain", resolve));
  deflater.end();
  await finished;
  return buildZip([{ name: "bomb/package-lock.json", content: new Uint8Array(0), deflated: Buffer.concat(chunks), declaredSize: 1000 }]);
}

async function uploadPhase(base: string, prepared: Prepared, name: string, zip: Uint8Array) {
  const form = new FormData();
  form.append("files", new File([zip as Uint8Array<ArrayBuffer>], name));
  const upload = timed(`${base}/api/import`, { method: "POST", headers: { authorization: `Bearer ${prepared.importToken}` }, body: form }, 240_000);
  const { result, health, failures } = await healthWhile(base, upload);
  let message = result.body.slice(0, 200);
  try {
    const json = JSON.parse(result.body) as { message?: string; errors?: { message: string }[] };
    message = [json.message, json.errors?.[0]?.message].filter(Boolean).join(" — ");
  } catch {
    // not JSON: keep the raw start of the body
  }
  return { uploadBytes: zip.length, status: result.status, importMs: round(result.ms, 0), message, health: { ...latency(health), failures } };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const seconds = Math.min(numberOption(args, "seconds", 60), 120);
  const concurrency = Math.min(numberOption(args, "concurrency", 50), 100);
  const uploadMb = Math.min(numberOption(args, "upload-mb", 10), 200);
  const bigIdentities = Math.min(numberOption(args, "big-identities", 20_000), 200_000);
  const distDir = stringOption(args, "dist", process.env.BLASTMAP_DIST_DIR ?? ".next");
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID"))) throw new Error(`no production build in ${distDir}: run \`npm run build\` (or pass --dist) first`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "blastmap-load-"));
  const prepared = await prepare(path.join(dataDir, "data"), bigIdentities);
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  console.log(`database: ${prepared.label}; server: ${base} (${distDir})`);
  const server = startServer(port, prepared, path.join(dataDir, "data"), distDir);
  try {
    await waitForHealth(base, server);
    console.log(`load: ${concurrency} clients for ${seconds} s (radius and inventory)…`);
    const load = await loadPhase(base, prepared, seconds, concurrency);
    console.log(
      `  ${load.requests} requests, ${load.errors} errors, ${load.requestsPerSecond}/s; radius p50 ${load.radius.p50Ms} ms p95 ${load.radius.p95Ms} ms; inventory p50 ${load.inventory.p50Ms} ms p95 ${load.inventory.p95Ms} ms; health p95 ${load.health.p95Ms} ms`,
    );
    for (const error of load.firstErrors) console.log(`  error: ${error}`);

    console.log(`mixed: 17 clients on the first page of a ${bigIdentities}-identity radius, 3 on small radii, for ${Math.min(seconds, 30)} s…`);
    const mixed = await mixedPhase(base, prepared, Math.min(seconds, 30));
    console.log(
      `  big p50 ${mixed.big.p50Ms} ms p95 ${mixed.big.p95Ms} ms (${mixed.big.count}); small p50 ${mixed.small.p50Ms} ms p95 ${mixed.small.p95Ms} ms (${mixed.small.count}); ${mixed.errors} errors`,
    );

    // the complete answer is written in chunks with a turn of the event loop between them
    // (lib/http/json-stream.ts), so small radii should not wait for all of it
    console.log(
      `mixed, complete answers: 2 clients on the whole ${bigIdentities}-identity radius (every path), 3 on small radii, for ${Math.min(seconds, 30)} s…`,
    );
    const complete = await mixedPhase(base, prepared, Math.min(seconds, 30), { clients: 2, query: "" });
    console.log(
      `  complete (${complete.bigAnswerMegabytes} MB) p50 ${complete.big.p50Ms} ms p95 ${complete.big.p95Ms} ms (${complete.big.count}); small p50 ${complete.small.p50Ms} ms p95 ${complete.small.p95Ms} ms (${complete.small.count}); ${complete.errors} errors`,
    );

    console.log(`upload: a checkout of ~${uploadMb} MB of lockfiles while /api/health is polled…`);
    const large = await uploadPhase(base, prepared, "large.zip", largeCheckout(uploadMb));
    console.log(
      `  ${large.status} in ${large.importMs} ms (${large.message}); health p50 ${large.health.p50Ms} ms p95 ${large.health.p95Ms} ms max ${large.health.maxMs} ms`,
    );

    console.log("upload: a zip bomb (1,000 bytes declared, 1 GB inflated)…");
    const bomb = await uploadPhase(base, prepared, "bomb.zip", await zipBombArchive());
    console.log(`  ${bomb.status} in ${bomb.importMs} ms (${bomb.message}); health p50 ${bomb.health.p50Ms} ms max ${bomb.health.maxMs} ms`);
    return {
      database: prepared.label,
      load,
      mixed: { bigIdentities, ...mixed },
      mixedComplete: { bigIdentities, ...complete },
      largeUpload: { inflatedMb: uploadMb, ...large },
      zipBomb: bomb,
    };
  } finally {
    await stopServer(server);
    await prepared.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
