import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSourcesFromPaths } from "@/lib/files/read-sources-from-paths";
import { readImportRequest } from "@/lib/files/read-import-request";
import { writeFixtureTree, realFixturesAbsent } from "@/test/fixture-tree";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { importParsedSources } from "./import-parsed-sources";
import { importSources } from "@/lib/services/import/import-sources";

// The upload route parses in a worker and imports what it parsed through importParsedSources; the
// CLI parses and imports in one call through importSources. Both must write the same thing.

describe.skipIf(realFixturesAbsent()).each(testDatabaseKinds())("importing sources parsed in the import worker (%s)", (kind) => {
  const viaWorker = useTestDatabase(kind);
  const inProcess = useTestDatabase(kind);
  let root: string;
  beforeAll(() => {
    root = writeFixtureTree();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes what importSources writes for the same files", async () => {
    const read = await readSourcesFromPaths(["."], { cwd: root });
    const body = JSON.stringify({ files: read.files.filter((file) => !file.path.includes("/.git/")) });
    const request = await readImportRequest(
      new Request("http://localhost/api/import", { method: "POST", body, headers: { "content-type": "application/json" } }),
    );
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    const worker = await importParsedSources(viaWorker.current.db, request.sources, { actor: "test", readErrors: request.readErrors });
    const direct = await importSources(inProcess.current.db, JSON.parse(body).files, { actor: "test" });
    expect(worker.errors).toEqual([]);
    expect({ ...worker, importId: null, message: null }).toEqual({ ...direct, importId: null, message: null });
    expect(await viaWorker.current.db.node.count()).toBe(await inProcess.current.db.node.count());
    expect(await viaWorker.current.db.edge.count()).toBe(await inProcess.current.db.edge.count());
  });

  it("refuses, writing nothing, when the upload had read errors", async () => {
    const request = await readImportRequest(
      new Request("http://localhost/api/import", {
        method: "POST",
        body: JSON.stringify({ files: [{ path: "osv/MAL-9.json", content: '{"id":"MAL-9","modified":"2025-01-01T00:00:00Z"}' }] }),
        headers: { "content-type": "application/json" },
      }),
    );
    if (!request.ok) throw new Error("expected the request to read");
    const before = await viaWorker.current.db.node.count();
    const result = await importParsedSources(viaWorker.current.db, request.sources, { actor: "test", readErrors: [{ file: "x.zip", message: "refused" }] });
    expect(result).toMatchObject({ ok: false, errors: [{ file: "x.zip", message: "refused" }] });
    expect(await viaWorker.current.db.node.count()).toBe(before);
  });
});
