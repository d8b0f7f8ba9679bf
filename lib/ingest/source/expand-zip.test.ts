import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
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
    expect(expandZip(zip, "x.zip", limits)).toEqual({ files: [], errors: [{ file: "x.zip: ../evil/package.json", message: "a path with ../ escapes the upload" }] });
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
});
