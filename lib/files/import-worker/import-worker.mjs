// The import worker: reads one upload (body, zips, parsers, shape check) off the server's event
// loop, then is thrown away. Plain JavaScript loaded by file path, so neither Next.js's bundler nor
// vitest has to know about it; it runs the TypeScript of lib/ through tsx (a runtime dependency, as
// for the CLI). Loading takes ~1.5 s, so the caller keeps spare workers loaded and waiting.
// See read-upload-in-worker.ts for the caller, its wall-clock limit and its memory limit.
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: workerData.tsconfig });
const loading = import(pathToFileURL(workerData.entry).href);
// Loading failures are answered with the first upload, not left as an unhandled rejection.
loading.then(
  () => parentPort.postMessage({ ready: true }),
  () => {},
);

parentPort.once("message", async ({ body, contentType, limits }) => {
  try {
    const { readUpload } = await loading;
    parentPort.postMessage({ read: await readUpload(body, contentType, limits) });
  } catch (error) {
    parentPort.postMessage({ crashed: error instanceof Error ? error.message : String(error) });
  }
});
