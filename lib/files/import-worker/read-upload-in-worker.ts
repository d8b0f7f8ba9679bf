import path from "node:path";
import { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "@/lib/database/migrations";
import { importLimits, type ImportLimits } from "@/lib/ingest/limits";
import { requestRefusal, type UploadRead } from "./read-upload";

// Runs readUpload in a worker thread with a wall-clock limit (BLASTMAP_IMPORT_TIMEOUT_SECONDS) and a
// heap limit, so one hostile or enormous upload can slow only itself: the server's event loop keeps
// answering everyone else, and a worker past its limit is terminated. The worker script is found
// from the project root (like prisma/ and demo/), not import.meta.url: the server bundle under
// .next/ does not sit beside lib/. A worker takes ~1.5 s to load the parsers, so MAX_CONCURRENT
// spares are kept loaded (unreferenced, so they never keep a process alive); each upload takes one
// and starts a replacement, and every worker reads exactly one upload.

const WORKER_DIR = path.join(/*turbopackIgnore: true*/ PROJECT_ROOT, "lib", "files", "import-worker");
const WORKER_SCRIPT = path.join(/*turbopackIgnore: true*/ WORKER_DIR, "import-worker.mjs");
const READ_UPLOAD = path.join(/*turbopackIgnore: true*/ WORKER_DIR, "read-upload.ts");
const TSCONFIG = path.join(/*turbopackIgnore: true*/ PROJECT_ROOT, "tsconfig.json");
const MB = 1024 * 1024;
/** uploads read at once; one more is answered 503 at once rather than queued (memory is the limit) */
const MAX_CONCURRENT = 2;
let running = 0;
interface Spare {
  worker: Worker;
  maxOldGenerationSizeMb: number;
  /** resolves when the worker has loaded the parsers */
  ready: Promise<void>;
  loaded: boolean;
}
let spares: Spare[] = [];

function startSpare(maxOldGenerationSizeMb: number): Spare {
  // turbopackIgnore: the bundler must not follow the worker into tsx and esbuild's binary.
  const worker = new Worker(/*turbopackIgnore: true*/ WORKER_SCRIPT, {
    workerData: { entry: READ_UPLOAD, tsconfig: TSCONFIG },
    resourceLimits: { maxOldGenerationSizeMb },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  const spare: Spare = { worker, maxOldGenerationSizeMb, loaded: false, ready: Promise.resolve() };
  spare.ready = new Promise((resolve) => {
    const loaded = (message: { ready?: boolean }) => {
      if (!message.ready) return;
      spare.loaded = true;
      worker.off("message", loaded);
      resolve();
    };
    worker.on("message", loaded);
    // A spare that dies (or is killed by a test runner) is dropped and replaced at the next upload.
    worker.once("exit", () => {
      spares = spares.filter((other) => other !== spare);
      resolve();
    });
  });
  worker.once("error", () => {});
  return spare;
}

/** Keeps MAX_CONCURRENT workers loaded and waiting; resolves when they are ready. */
export async function warmImportWorkers(maxOldGenerationSizeMb = heapLimitMb(importLimits())): Promise<void> {
  for (const stale of spares.filter((spare) => spare.maxOldGenerationSizeMb !== maxOldGenerationSizeMb)) void stale.worker.terminate();
  spares = spares.filter((spare) => spare.maxOldGenerationSizeMb === maxOldGenerationSizeMb);
  while (spares.length < MAX_CONCURRENT) spares.push(startSpare(maxOldGenerationSizeMb));
  await Promise.all(spares.map((spare) => spare.ready));
}

function takeWorker(maxOldGenerationSizeMb: number): Worker {
  const fitting = spares.filter((spare) => spare.maxOldGenerationSizeMb === maxOldGenerationSizeMb);
  const taken = fitting.find((spare) => spare.loaded) ?? fitting[0] ?? startSpare(maxOldGenerationSizeMb);
  spares = spares.filter((spare) => spare !== taken);
  void warmImportWorkers(maxOldGenerationSizeMb);
  return taken.worker;
}

/** Parsed documents take several times the text they come from; the body itself is off-heap. */
const heapLimitMb = (limits: ImportLimits) => Math.max(512, Math.ceil((limits.maxTotalBytes / MB) * 8));

/** BLASTMAP_IMPORT_TIMEOUT_SECONDS: how long reading and parsing one upload may take (default 120 s). */
export function importTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.BLASTMAP_IMPORT_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 120_000;
}

const refuse = (status: number, message: string): UploadRead => ({ ok: false, status, result: requestRefusal(message) });

export function readUploadInWorker(body: Uint8Array, contentType: string, limits: ImportLimits, timeoutMs = importTimeoutMs()): Promise<UploadRead> {
  if (running >= MAX_CONCURRENT) return Promise.resolve(refuse(503, `${MAX_CONCURRENT} imports are already being read; try again in a moment`));
  const maxOldGenerationSizeMb = heapLimitMb(limits);
  const worker = takeWorker(maxOldGenerationSizeMb);
  running += 1;
  const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
  const own = whole ? body : body.slice();
  return new Promise<UploadRead>((resolve) => {
    let settled = false;
    const finish = (read: UploadRead) => {
      if (settled) return;
      settled = true;
      running -= 1;
      clearTimeout(timer);
      void worker.terminate();
      resolve(read);
    };
    const timer = setTimeout(() => {
      finish(
        refuse(413, `reading the upload took longer than ${timeoutMs / 1000} s (BLASTMAP_IMPORT_TIMEOUT_SECONDS) and was stopped; import it in smaller parts`),
      );
    }, timeoutMs);
    worker.on("message", (message: { ready?: boolean; read?: UploadRead; crashed?: string }) => {
      if (message.ready) return;
      if (message.read) finish(message.read);
      else finish(refuse(400, `the upload could not be read: ${message.crashed ?? "unknown error"}`));
    });
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
        finish(refuse(413, `reading the upload needed more than the ${maxOldGenerationSizeMb} MB an import may use; import it in smaller parts`));
      else finish(refuse(500, "the import worker failed; see the server log"));
      console.error("blastmap: import worker:", error);
    });
    worker.once("exit", () => finish(refuse(500, "the import worker stopped before answering")));
    worker.postMessage({ body: own, contentType, limits }, [own.buffer as ArrayBuffer]);
  });
}
