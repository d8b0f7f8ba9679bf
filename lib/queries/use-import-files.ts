"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ZImportResult, type TImportResult } from "@/lib/schemas/import";
import { ZProblemBody } from "@/lib/schemas/input-problem";

export interface ImportUpload {
  files: File[];
  repo?: string;
  dryRun?: boolean;
}

// A refused import (400) is an answer to show, not a failure: the body is the same summary with
// its error list. Only an unreachable server or an unexpected body is thrown.
async function postImport(upload: ImportUpload): Promise<TImportResult> {
  const form = new FormData();
  // A file picked from a folder keeps its path inside the folder, so .github/workflows/ is seen.
  for (const file of upload.files) form.append("files", file, file.webkitRelativePath || file.name);
  if (upload.repo) form.append("repo", upload.repo);
  if (upload.dryRun) form.append("dryRun", "true");
  let response: Response;
  try {
    response = await fetch("/api/import", { method: "POST", body: form, headers: { accept: "application/json" } });
  } catch {
    throw new Error("the server could not be reached");
  }
  const body: unknown = await response.json().catch(() => null);
  const parsed = ZImportResult.safeParse(body);
  if (parsed.success) return parsed.data;
  const refusal = ZProblemBody.safeParse(body);
  throw new Error(refusal.success ? refusal.data.error : `the import failed (${response.status})`);
}

export function useImportFiles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postImport,
    onSuccess: (result) => {
      if (result.ok && !result.dryRun && !result.unchanged) void queryClient.invalidateQueries();
    },
  });
}
