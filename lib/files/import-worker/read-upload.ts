import { parseAndCheckSources, type CheckedSources } from "@/lib/ingest/check-sources";
import { formatBytes, type ImportLimits } from "@/lib/ingest/limits";
import { expandZip } from "@/lib/ingest/source/expand-zip";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { SourceFile } from "@/lib/ingest/types";
import { refusedImport, ZImportJsonRequest, type TImportResult } from "@/lib/schemas/import";
import { describeIssues } from "@/lib/schemas/input-problem";

// Everything heavy about an upload, from its raw body to checked graph documents: the multipart or
// JSON body, zip inflation, every parser, the documents' shape check. It runs in the import worker
// (import-worker.mjs), never on the server's event loop; what it returns is plain data that crosses
// to the main thread by structured clone, where only the database transaction is left to do.

export type UploadRead =
  { ok: true; sources: CheckedSources; repo?: string; dryRun: boolean; readErrors: TFileProblem[] } | { ok: false; status: number; result: TImportResult };

const REPO = /^[\w.-]+\/[\w.-]+$/;
const REPO_NAME = /^[\w.-]+(\/[\w.-]+)?$/;

export function requestRefusal(message: string, file = "request"): TImportResult {
  return refusedImport([{ file, message }]);
}

const refuse = (status: number, message: string): UploadRead => ({ ok: false, status, result: requestRefusal(message) });

export async function readUpload(body: Uint8Array, contentType: string, limits: ImportLimits): Promise<UploadRead> {
  if (contentType.includes("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return refuse(400, "the request body is not valid JSON");
    }
    const parsed = ZImportJsonRequest.safeParse(json);
    if (!parsed.success) {
      return refuse(400, describeIssues(parsed.error.issues.slice(0, 1), "body")[0]);
    }
    if (parsed.data.repo && !REPO.test(parsed.data.repo)) return refuse(400, `repo must be owner/name, got "${parsed.data.repo}"`);
    const repoNames = parsed.data.repoNames ?? {};
    // a directory without a git remote is named by itself, as the CLI does on disk
    const badName = Object.entries(repoNames).find(([, name]) => !REPO_NAME.test(name));
    if (badName) return refuse(400, `repoNames["${badName[0].slice(0, 100)}"] must be owner/name or a directory name, got "${badName[1].slice(0, 100)}"`);
    return read(parsed.data.files, { repo: parsed.data.repo, repoNames, dryRun: parsed.data.dryRun ?? false, readErrors: [] }, limits);
  }

  if (!contentType.includes("multipart/form-data")) {
    return refuse(415, "send multipart/form-data (files) or application/json ({ files: [{ path, content }] })");
  }
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return refuse(400, "the multipart body could not be read");
  }
  const repoField = form.get("repo");
  const repo = typeof repoField === "string" && repoField.trim() !== "" ? repoField.trim() : undefined;
  if (repo && !REPO.test(repo)) return refuse(400, `repo must be owner/name, got "${repo}"`);
  const files: SourceFile[] = [];
  const readErrors: TFileProblem[] = [];
  const repoNames: Record<string, string> = {};
  const uploads = form.getAll("files").filter((value): value is File => typeof value !== "string");
  if (uploads.length === 0) return refuse(400, "choose at least one file to import");
  // The zips of one upload share one inflation budget (BLASTMAP_IMPORT_MAX_TOTAL_BYTES).
  const budget = { inflatedBytes: 0 };
  for (const upload of uploads) {
    const name = upload.name.replace(/\\/g, "/");
    if (upload.size > limits.maxFileBytes && !/\.zip$/i.test(name)) {
      readErrors.push({
        file: name,
        message: `the file is ${formatBytes(upload.size)}, over the ${formatBytes(limits.maxFileBytes)} limit (BLASTMAP_IMPORT_MAX_BYTES)`,
      });
      continue;
    }
    const bytes = new Uint8Array(await upload.arrayBuffer());
    if (/\.zip$/i.test(name)) {
      const expanded = expandZip(bytes, name, limits, budget);
      files.push(...expanded.files);
      readErrors.push(...expanded.errors);
      // A zip of a checkout with .github/ at its top is named after the zip (acme-web.zip → acme-web).
      repoNames[`${name.replace(/\.zip$/i, "")}/`] = name
        .replace(/\.zip$/i, "")
        .split("/")
        .pop()!;
    } else {
      budget.inflatedBytes += bytes.length;
      files.push({ path: name, content: new TextDecoder().decode(bytes) });
    }
  }
  return read(files, { repo, repoNames, dryRun: form.get("dryRun") === "true", readErrors }, limits);
}

function read(
  files: SourceFile[],
  request: { repo?: string; repoNames: Record<string, string>; dryRun: boolean; readErrors: TFileProblem[] },
  limits: ImportLimits,
): UploadRead {
  // parsed and shape-checked here, so that all of it stays off the event loop
  const sources = parseAndCheckSources(files, { repo: request.repo, repoNames: request.repoNames, limits });
  return {
    ok: true,
    sources,
    repo: request.repo,
    dryRun: request.dryRun,
    readErrors: request.readErrors,
  };
}
