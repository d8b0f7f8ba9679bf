import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { readImportRequest } from "./read-import-request";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/api/import", { method: "POST", body, headers });

describe("readImportRequest", () => {
  afterEach(() => {
    delete process.env.BLASTMAP_IMPORT_MAX_TOTAL_BYTES;
  });

  it("reads multipart files, a .zip checkout, the repository and dry-run fields", async () => {
    const form = new FormData();
    form.append("files", new File(['{"id":"MAL-1","modified":"2025-01-01T00:00:00Z"}'], "osv/MAL-1.json"));
    form.append("files", new File([zipSync({ ".github/workflows/ci.yml": strToU8("on: push\njobs: {}\n") })], "web.zip"));
    form.append("repo", "acme/web");
    form.append("dryRun", "true");
    const read = await readImportRequest(post(form));
    expect(read).toMatchObject({ ok: true, repo: "acme/web", dryRun: true, readErrors: [] });
    expect(read.ok && read.files.map((file) => file.path)).toEqual(["osv/MAL-1.json", "web/.github/workflows/ci.yml"]);
  });

  it("reads a JSON body of files", async () => {
    const read = await readImportRequest(post(JSON.stringify({ files: [{ path: "a.json", content: "{}" }] }), { "content-type": "application/json" }));
    expect(read).toMatchObject({ ok: true, files: [{ path: "a.json", content: "{}" }], dryRun: false });
  });

  it("passes refused zip entries on as read errors so the whole import is refused", async () => {
    const form = new FormData();
    form.append("files", new File([zipSync({ "../../etc/package.json": strToU8("{}") })], "evil.zip"));
    const read = await readImportRequest(post(form));
    expect(read.ok && read.readErrors).toEqual([{ file: "evil.zip: ../../etc/package.json", message: "a path with ../ escapes the upload" }]);
  });

  it("cuts off a body over the upload limit with 413", async () => {
    process.env.BLASTMAP_IMPORT_MAX_TOTAL_BYTES = "1000";
    const big = "x".repeat(5000);
    const read = await readImportRequest(post(JSON.stringify({ files: [{ path: "a.json", content: big }] }), { "content-type": "application/json" }));
    expect(read).toMatchObject({ ok: false, status: 413 });
  });

  it("answers 415 for a body that is neither multipart nor JSON, and 400 for a bad repo", async () => {
    expect(await readImportRequest(post("hello", { "content-type": "text/plain" }))).toMatchObject({ ok: false, status: 415 });
    const read = await readImportRequest(post(JSON.stringify({ repo: "not a repo", files: [{ path: "a.json", content: "{}" }] }), { "content-type": "application/json" }));
    expect(read).toMatchObject({ ok: false, status: 400, result: { errors: [{ message: expect.stringContaining("owner/name") }] } });
  });
});
