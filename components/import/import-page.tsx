"use client";

import { useState, type FormEvent } from "react";
import { useImportFiles } from "@/lib/queries/use-import-files";
import { ImportSummary } from "./import-summary";
import { ErrorMessage } from "@/components/layout/error-message";

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function ImportPage({ maxFileBytes }: { maxFileBytes: number }) {
  const [files, setFiles] = useState<File[]>([]);
  const [repo, setRepo] = useState("");
  const [dryRun, setDryRun] = useState(false);
  const importFiles = useImportFiles();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (files.length > 0) importFiles.mutate({ files, repo: repo.trim() || undefined, dryRun });
  };

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import</h1>
      <p className="muted">
        GitHub Actions workflows, <code>package-lock.json</code> (v2/v3) and <code>package.json</code>, OSV advisories (including OpenSSF <code>MAL-</code>{" "}
        records), CycloneDX SBOMs (JSON) and Blastmap inventory files — or a <code>.zip</code> of a repository checkout. An import is applied whole or not at
        all. Files over {megabytes(maxFileBytes)} and anything that looks like a live credential are refused.
      </p>
      <form className="form" onSubmit={submit} aria-label="Import files">
        <label>
          Files or a .zip
          <input
            type="file"
            name="files"
            multiple
            accept=".json,.yml,.yaml,.zip,.npmrc,application/json,application/zip"
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
          />
        </label>
        <label>
          Repository (owner/name, optional)
          <input type="text" name="repo" value={repo} onChange={(event) => setRepo(event.target.value)} pattern="[\w.\-]+/[\w.\-]+" placeholder="acme/web" />
        </label>
        <label style={{ display: "flex", alignItems: "center", gap: "0.5rem" }}>
          <input type="checkbox" name="dryRun" style={{ width: "auto" }} checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} /> Dry run:
          check and count, write nothing
        </label>
        <button className="button button-primary" type="submit" disabled={files.length === 0 || importFiles.isPending}>
          {importFiles.isPending ? "Importing…" : `Import ${files.length === 1 ? "1 file" : `${files.length} files`}`}
        </button>
      </form>
      <ErrorMessage message={importFiles.error?.message} />
      {importFiles.data ? <ImportSummary result={importFiles.data} /> : null}
    </section>
  );
}
