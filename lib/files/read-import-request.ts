import { importLimits, formatBytes } from "@/lib/ingest/limits";
import { requestRefusal, type UploadRead } from "./import-worker/read-upload";
import { readUploadInWorker } from "./import-worker/read-upload-in-worker";

// The body of POST /api/import, read with a hard cap on its size (the stream is cut off, not
// buffered first), as multipart (files, .zip archives, `repo`, `dryRun`) or as JSON. Only the
// capped read happens on the event loop; decoding, inflating and parsing happen in the import
// worker (import-worker/), which answers parsed, shape-checked documents or a refusal.

export type ImportRequest = UploadRead;

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function readImportRequest(request: Request): Promise<ImportRequest> {
  const limits = importLimits();
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.includes("application/json") && !contentType.includes("multipart/form-data")) {
    return { ok: false, status: 415, result: requestRefusal("send multipart/form-data (files) or application/json ({ files: [{ path, content }] })") };
  }
  const body = await readCapped(request, limits.maxTotalBytes);
  if (!body) return { ok: false, status: 413, result: requestRefusal(`the upload is over the ${formatBytes(limits.maxTotalBytes)} limit of one import`) };
  return readUploadInWorker(body, contentType, limits);
}
