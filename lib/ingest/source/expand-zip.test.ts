import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildZip } from "@/test/hostile-zip/build-zip";
import { importLimits } from "../limits";
import { expandZip, listZipEntries } from "./expand-zip";

const limits = importLimits({});

describe("expandZip", () => {
  it("reads the importable files of a checkout and skips the rest", () => {
    const zip = zipSync({
      "web/.github/workflows/ci.yml": strToU8("on: push\njobs: {}\n"),
      "web/package-lock.json": strToU8('{"lockfileVersion":3,"packages":{}}'),
      "web/tsconfig.json": strToU8('{"compilerOptions":{}}'),
      "web/src/index.ts": strToU8("export {}"),
    });
    const { files, errors } = expandZip(zip, "web.zip", limits);
    expect(errors).toEqual([]);
    expect(files.map((file) => file.path)).toEqual(["web/web/.github/workflows/ci.yml", "web/web/package-lock.json"]);
  });

  it("refuses an entry whose path climbs out of the archive", () => {
    const zip = zipSync({ "../evil/package.json": strToU8("{}") });
    expect(expandZip(zip, "x.zip", limits)).toEqual({
      files: [],
      errors: [{ file: "x.zip: ../evil/package.json", message: "a path with ../ escapes the upload" }],
    });
  });

  it("refuses a zip bomb from its declared sizes before inflating anything", () => {
    const zip = zipSync({ "bomb/package-lock.json": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const { files, errors } = expandZip(zip, "bomb.zip", limits);
    expect(files).toEqual([]);
    expect(errors[0].message).toMatch(/looks like a zip bomb/);
  });

  it("refuses an entry over the size limit", () => {
    const zip = zipSync({ "big/package-lock.json": new Uint8Array(2048) });
    const { errors } = expandZip(zip, "big.zip", { ...limits, maxFileBytes: 1024 });
    expect(errors[0].message).toMatch(/over the 1 KB limit/);
  });

  it("refuses symbolic links", () => {
    const zip = zipSync({ "web/package.json": [strToU8("/etc/passwd"), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expect(listZipEntries(zip)).toMatchObject({ ok: true, entries: [{ symlink: true }] });
    expect(expandZip(zip, "link.zip", limits).errors[0].message).toMatch(/symbolic link/);
  });

  it("says so when the upload is not a zip", () => {
    expect(expandZip(strToU8("not a zip at all, just text ".repeat(3)), "fake.zip", limits).errors[0].message).toMatch(/not a zip archive/);
  });

  it("reads a zip built by hand the same way (the builder the hostile tests use is honest by default)", () => {
    const zip = buildZip([
      { name: "web/package.json", content: strToU8('{"name":"web"}') },
      { name: "web/.npmrc", content: strToU8("x=1"), stored: true },
    ]);
    expect(expandZip(zip, "web.zip", limits)).toEqual({
      files: [
        { path: "web/web/package.json", content: '{"name":"web"}' },
        { path: "web/web/.npmrc", content: "x=1" },
      ],
      errors: [],
    });
  });
});

// Issue 12: inflation used to trust the directory. Each archive below is accepted by the old code.
describe("expandZip against archives that lie", () => {
  const MB = 1024 * 1024;

  it("stops inflating an entry the moment it passes its declared size, in bounded time and memory", () => {
    // 64 MB of zeros deflate to ~64 KB; the directory declares 1,000 bytes.
    const zip = buildZip([{ name: "bomb/package-lock.json", content: new Uint8Array(64 * MB), declaredSize: 1000 }]);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const { files, errors } = expandZip(zip, "bomb.zip", limits);
    expect(performance.now() - started).toBeLessThan(100);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(32 * MB);
    expect(files).toEqual([]);
    expect(errors).toEqual([
      { file: "bomb.zip: bomb/package-lock.json", message: "the entry inflates past its declared 1000 bytes; refused (its sizes are false: a zip bomb)" },
    ]);
  });

  it("refuses an entry that inflates to less than it declares", () => {
    const zip = buildZip([{ name: "short/package.json", content: strToU8('{"name":"short"}'), declaredSize: 100 }]);
    expect(expandZip(zip, "short.zip", limits).errors[0].message).toBe("the entry inflates to 16 bytes, not the 100 bytes the archive declares; refused");
  });

  it("refuses an entry whose CRC-32 does not match its data", () => {
    const zip = buildZip([{ name: "web/package.json", content: strToU8('{"name":"web"}'), declaredCrc: 0x12345678 }]);
    expect(expandZip(zip, "web.zip", limits)).toEqual({
      files: [],
      errors: [{ file: "web.zip: web/package.json", message: "CRC-32 mismatch: the entry is corrupt or was altered; refused" }],
    });
  });

  it("refuses several entries over the same local data (a zip bomb by overlap)", () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `web${i}/package-lock.json`);
    const zip = buildZip([{ name: "web/package-lock.json", content: strToU8('{"lockfileVersion":3,"packages":{}}'), aliases }]);
    const { files, errors } = expandZip(zip, "overlap.zip", limits);
    expect(files).toEqual([]);
    expect(errors).toEqual([
      {
        file: "overlap.zip",
        message: "entries web/package-lock.json and web0/package-lock.json share the same compressed data (a zip bomb by overlap); refused",
      },
    ]);
  });

  it("refuses a ZIP64 archive, whether its end record says so or only a ZIP64 locator does", () => {
    const entry = { name: "web/package.json", content: strToU8('{"name":"web"}') };
    for (const zip64End of ["marked", "hidden"] as const) {
      expect(expandZip(buildZip([entry], { zip64End }), "z.zip", limits).errors[0].message).toMatch(/^ZIP64 archives are not supported/);
    }
    expect(expandZip(buildZip([{ ...entry, zip64Extra: true }]), "z.zip", limits).errors[0].message).toMatch(/^ZIP64 archives are not supported/);
  });

  it("holds the running total across the zips of one import (BLASTMAP_IMPORT_MAX_TOTAL_BYTES)", () => {
    const zip = buildZip([{ name: "web/package.json", content: strToU8(`{"name":"${"w".repeat(2000)}"}`) }]);
    const budget = { inflatedBytes: 0 };
    const small = { ...limits, maxTotalBytes: 3000 };
    expect(expandZip(zip, "a.zip", small, budget).errors).toEqual([]);
    expect(budget.inflatedBytes).toBe(2011);
    expect(expandZip(zip, "b.zip", small, budget).errors[0].message).toMatch(/over the 3 KB limit of one import/);
  });
});
