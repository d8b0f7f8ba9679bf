import { strToU8, zipSync } from "fflate";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildZip } from "@/test/hostile-zip/build-zip";
import { warmImportWorkers } from "./import-worker/read-upload-in-worker";
import { readImportRequest } from "./read-import-request";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://localhost/api/import", { method: "POST", body, headers });

describe("readImportRequest", () => {
  afterEach(() => {
    delete process.env.BLASTMAP_IMPORT_MAX_TOTAL_BYTES;
    delete process.env.BLASTMAP_IMPORT_TIMEOUT_SECONDS;
  });

  it("reads multipart files, a .zip checkout, the repository and dry-run fields", async () => {
    const form = new FormData();
    form.append("files", new File(['{"id":"MAL-1","modified":"2025-01-01T00:00:00Z"}'], "osv/MAL-1.json"));
    form.append("files", new File([zipSync({ ".github/workflows/ci.yml": strToU8("on: push\njobs: {}\n") })], "web.zip"));
    form.append("repo", "acme/web");
    form.append("dryRun", "true");
    const read = await readImportRequest(post(form));
    expect(read).toMatchObject({ ok: true, repo: "acme/web", dryRun: true, readErrors: [] });
    expect(read.ok && read.sources.fileCount).toBe(2);
    expect(read.ok && read.sources.parsed.documents.map((document) => document.key)).toEqual(expect.arrayContaining(["osv:MAL-1"]));
    expect(read.ok && read.sources.parsed.filesByFormat).toMatchObject({ osv: 1, workflow: 1 });
  });

  it("reads a JSON body of files", async () => {
    const read = await readImportRequest(post(JSON.stringify({ files: [{ path: "a.json", content: "{}" }] }), { "content-type": "application/json" }));
    expect(read).toMatchObject({ ok: true, sources: { fileCount: 1 }, dryRun: false });
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
    const read = await readImportRequest(
      post(JSON.stringify({ repo: "not a repo", files: [{ path: "a.json", content: "{}" }] }), { "content-type": "application/json" }),
    );
    expect(read).toMatchObject({ ok: false, status: 400, result: { errors: [{ message: expect.stringContaining("owner/name") }] } });
  });

  it("refuses a zip whose entry inflates past its declared size, without inflating the rest", async () => {
    const form = new FormData();
    form.append("files", new File([buildZip([{ name: "web/package-lock.json", content: new Uint8Array(64 * 1024 * 1024), declaredSize: 1000 }])], "bomb.zip"));
    const read = await readImportRequest(post(form));
    expect(read.ok && read.readErrors).toEqual([
      { file: "bomb.zip: web/package-lock.json", message: "the entry inflates past its declared 1000 bytes; refused (its sizes are false: a zip bomb)" },
    ]);
  });

  it("stops reading an upload past BLASTMAP_IMPORT_TIMEOUT_SECONDS and says so", async () => {
    process.env.BLASTMAP_IMPORT_TIMEOUT_SECONDS = "0.2";
    const started = performance.now();
    // a workflow of 20,000 jobs (1.4 MB): seconds of YAML parsing, however fast the machine
    const jobs = Array.from({ length: 20_000 }, (_, i) => `  j${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${i}\n`).join("");
    const workflow = `on: push\njobs:\n${jobs}`;
    const read = await readImportRequest(
      post(JSON.stringify({ files: [{ path: ".github/workflows/huge.yml", content: workflow }] }), { "content-type": "application/json" }),
    );
    // far sooner than parsing that workflow takes (a loose bound: CI's two cores are shared)
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(read).toMatchObject({
      ok: false,
      status: 413,
      result: { errors: [{ message: expect.stringMatching(/took longer than 0.2 s \(BLASTMAP_IMPORT_TIMEOUT_SECONDS\) and was stopped/) }] },
    });
  });
});

// Issue 12: a 4 MB zip whose entry declared 1,000 bytes but inflated to 4 GB held the event loop
// for 140 s, so /api/health and every other request waited. Here a smaller bomb (256 MB of zeros)
// and a large checkout are read while a second, small import goes through the same code path.
describe("readImportRequest keeps the event loop free", () => {
  const small = () =>
    post(JSON.stringify({ files: [{ path: "osv/MAL-2.json", content: '{"id":"MAL-2","modified":"2025-01-01T00:00:00Z"}' }] }), {
      "content-type": "application/json",
    });

  beforeAll(async () => {
    // Workers take ~1.5 s to load the parsers; the server keeps spares loaded, as here.
    await warmImportWorkers();
  });

  /** Reads `upload` and, 50 ms in, a small import; the worst event-loop stall and the small import's time. */
  async function whileReading(upload: Request) {
    let worstLag = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 20);
      last = now;
    }, 20);
    const reading = readImportRequest(upload);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const smallRead = await readImportRequest(small());
    const smallTook = performance.now() - started;
    const read = await reading;
    clearInterval(probe);
    return { read, smallRead, smallTook, worstLag };
  }

  it("answers a small import within a second while a zip bomb is being inflated", async () => {
    const bomb = new FormData();
    bomb.append("files", new File([buildZip([{ name: "web/package-lock.json", content: new Uint8Array(256 * 1024 * 1024), declaredSize: 1000 }])], "bomb.zip"));
    const { read, smallRead, smallTook, worstLag } = await whileReading(post(bomb));
    expect(read.ok && read.readErrors[0].message).toMatch(/inflates past its declared 1000 bytes/);
    expect(smallRead).toMatchObject({ ok: true, sources: { fileCount: 1 } });
    // on the event loop these stalls were 10 s and more; the bound leaves room for a busy CI machine
    expect(smallTook).toBeLessThan(3000);
    expect(worstLag).toBeLessThan(3000);
  });

  it("answers a small import within a second while a large checkout is being inflated and parsed", async () => {
    await warmImportWorkers();
    const large = new FormData();
    large.append("files", new File([largeCheckout(2)], "large.zip"));
    const { read, smallRead, smallTook, worstLag } = await whileReading(post(large));
    expect(read).toMatchObject({ ok: true, readErrors: [], sources: { fileCount: 2, shapeErrors: [], parsed: { errors: [] } } });
    expect(smallRead).toMatchObject({ ok: true, sources: { fileCount: 1 } });
    // on the event loop these stalls were 10 s and more; the bound leaves room for a busy CI machine
    expect(smallTook).toBeLessThan(3000);
    expect(worstLag).toBeLessThan(3000);
  });
});

/** A zip of `count` npm lockfiles of ~5 MB each, a realistic large checkout. */
function largeCheckout(count: number): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = {};
  for (let n = 0; n < count; n += 1) {
    const packages: Record<string, unknown> = { "": { name: `app-${n}`, version: "1.0.0", dependencies: {} } };
    for (let i = 0; i < 15_000; i += 1) {
      packages[`node_modules/pkg-${n}-${i}`] = {
        version: `1.${i % 50}.${i % 7}`,
        resolved: `https://registry.npmjs.org/pkg-${n}-${i}/-/pkg-${n}-${i}-1.${i % 50}.${i % 7}.tgz`,
        integrity: `sha512-${Buffer.from(`${n}:${i}:${"x".repeat(40)}`).toString("base64")}`,
        license: "MIT",
        dependencies: { [`pkg-${n}-${(i + 1) % 15_000}`]: "^1.0.0" },
      };
    }
    files[`app-${n}/package-lock.json`] = strToU8(JSON.stringify({ name: `app-${n}`, lockfileVersion: 3, requires: true, packages }, null, 2));
  }
  return new Uint8Array(zipSync(files, { level: 1 }));
}
