import { importLimits, formatBytes } from "@/lib/ingest/limits";
import { expandZip } from "@/lib/ingest/source/expand-zip";
import type { IngestError, SourceFile } from "@/lib/ingest/types";
import { refusedImport, ZImportJsonRequest, type TImportResult } from "@/lib/schemas/import";

// The body of POST /api/import, read with a hard cap on its size (the stream is cut off, not
// buffered first), as multipart (files, .zip archives, `repo`, `dryRun`) or as JSON.

export type ImportRequest =
  | { ok: true; files: SourceFile[]; repo?: string; repoNames: Record<string, string>; dryRun: boolean; readErrors: IngestError[] }
  | { ok: false; status: number; result: TImportResult };

const REPO = /^[\w.-]+\/[\w.-]+$/;

export function requestRefusal(message: string, file = "request"): TImportResult {
  return refusedImport([{ file, message }]);
}

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
  const body = await readCapped(request, limits.maxTotalBytes);
  if (!body) return { ok: false, status: 413, result: requestRefusal(`the upload is over the ${formatBytes(limits.maxTotalBytes)} limit of one import`) };

  if (contentType.includes("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return { ok: false, status: 400, result: requestRefusal("the request body is not valid JSON") };
    }
    const parsed = ZImportJsonRequest.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, status: 400, result: requestRefusal(`${issue.path.join(".") || "body"}: ${issue.message}`) };
    }
    if (parsed.data.repo && !REPO.test(parsed.data.repo)) return { ok: false, status: 400, result: requestRefusal(`repo must be owner/name, got "${parsed.data.repo}"`) };
    return { ok: true, files: parsed.data.files, repo: parsed.data.repo, repoNames: {}, dryRun: parsed.data.dryRun ?? false, readErrors: [] };
  }

  if (!contentType.includes("multipart/form-data")) {
    return { ok: false, status: 415, result: requestRefusal("send multipart/form-data (files) or application/json ({ files: [{ path, content }] })") };
  }
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, result: requestRefusal("the multipart body could not be read") };
  }
  const repoField = form.get("repo");
  const repo = typeof repoField === "string" && repoField.trim() !== "" ? repoField.trim() : undefined;
  if (repo && !REPO.test(repo)) return { ok: false, status: 400, result: requestRefusal(`repo must be owner/name, got "${repo}"`) };
  const files: SourceFile[] = [];
  const readErrors: IngestError[] = [];
  const repoNames: Record<string, string> = {};
  const uploads = form.getAll("files").filter((value): value is File => typeof value !== "string");
  if (uploads.length === 0) return { ok: false, status: 400, result: requestRefusal("choose at least one file to import") };
  for (const upload of uploads) {
    const name = upload.name.replace(/\\/g, "/");
    if (upload.size > limits.maxFileBytes && !/\.zip$/i.test(name)) {
      readErrors.push({ file: name, message: `the file is ${formatBytes(upload.size)}, over the ${formatBytes(limits.maxFileBytes)} limit (BLASTMAP_IMPORT_MAX_BYTES)` });
      continue;
    }
    const bytes = new Uint8Array(await upload.arrayBuffer());
    if (/\.zip$/i.test(name)) {
      const expanded = expandZip(bytes, name, limits);
      files.push(...expanded.files);
      readErrors.push(...expanded.errors);
      // A zip of a checkout with .github/ at its top is named after the zip (acme-web.zip → acme-web).
      repoNames[`${name.replace(/\.zip$/i, "")}/`] = name.replace(/\.zip$/i, "").split("/").pop()!;
    } else {
      files.push({ path: name, content: new TextDecoder().decode(bytes) });
    }
  }
  return { ok: true, files, repo, repoNames, dryRun: form.get("dryRun") === "true", readErrors };
}
