import { unzipSync } from "fflate";
import { formatBytes, type ImportLimits } from "../limits";
import type { IngestError, SourceFile } from "../types";
import { unsafePathReason } from "./check-source-path";
import { formatFromPath, looksLikeImportableJson } from "./detect-format";

// A .zip of a repository checkout. The central directory is read and checked before anything is
// inflated: entry count, declared sizes (each and in total), compression ratio (a zip bomb
// declares or achieves absurd ratios), names that climb out of the archive, and symbolic links.
// fflate then inflates only the entries Blastmap reads, each into a buffer of its declared size,
// so a lying header cannot make it allocate more.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  encrypted: boolean;
  symlink: boolean;
  directory: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MB = 1024 * 1024;

export function listZipEntries(data: Uint8Array): { ok: true; entries: ZipEntry[] } | { ok: false; message: string } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, message: "not a zip archive (no end-of-central-directory record)" };
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, message: "ZIP64 archives are not supported; zip the checkout without ZIP64" };
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== CENTRAL) return { ok: false, message: "corrupt zip archive (bad central directory)" };
    const madeBy = view.getUint16(offset + 4, true);
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const external = view.getUint32(offset + 38, true);
    if (offset + 46 + nameLength > data.length) return { ok: false, message: "corrupt zip archive (truncated file name)" };
    const name = decoder.decode(data.subarray(offset + 46, offset + 46 + nameLength));
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
    entries.push({
      name,
      compressedSize,
      size,
      method,
      encrypted: (flags & 1) === 1,
      symlink: (unixMode & 0o170000) === 0o120000,
      directory: name.endsWith("/"),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

const isCandidate = (name: string) => formatFromPath(name) !== null || /\.json$/i.test(name);

/** The files of a zip that Blastmap reads, named `<zip name without .zip>/<entry>`. */
export function expandZip(data: Uint8Array, zipName: string, limits: ImportLimits): { files: SourceFile[]; errors: IngestError[] } {
  const fail = (message: string, file = zipName) => ({ files: [], errors: [{ file, message }] });
  const listed = listZipEntries(data);
  if (!listed.ok) return fail(listed.message);
  const { entries } = listed;
  if (entries.length > limits.maxZipEntries) return fail(`the archive has ${entries.length} entries, over the limit of ${limits.maxZipEntries}`);

  const errors: IngestError[] = [];
  const wanted: ZipEntry[] = [];
  let total = 0;
  for (const entry of entries) {
    const unsafe = unsafePathReason(entry.name);
    if (unsafe) errors.push({ file: `${zipName}: ${entry.name}`, message: unsafe });
    else if (entry.symlink) errors.push({ file: `${zipName}: ${entry.name}`, message: "the archive contains a symbolic link; refused" });
    if (unsafe || entry.symlink || entry.directory || !isCandidate(entry.name)) continue;
    if (entry.encrypted) errors.push({ file: `${zipName}: ${entry.name}`, message: "encrypted zip entries are not supported" });
    else if (entry.method !== 0 && entry.method !== 8) errors.push({ file: `${zipName}: ${entry.name}`, message: `unsupported compression method ${entry.method} (use deflate)` });
    else if (entry.size > limits.maxFileBytes) {
      errors.push({ file: `${zipName}: ${entry.name}`, message: `the file is ${formatBytes(entry.size)} uncompressed, over the ${formatBytes(limits.maxFileBytes)} limit (BLASTMAP_IMPORT_MAX_BYTES)` });
    } else if (entry.size > MB && entry.size / Math.max(entry.compressedSize, 1) > limits.maxZipRatio) {
      errors.push({ file: `${zipName}: ${entry.name}`, message: `compression ratio ${Math.round(entry.size / Math.max(entry.compressedSize, 1))}:1 looks like a zip bomb; refused` });
    } else {
      total += entry.size;
      wanted.push(entry);
    }
  }
  if (total > limits.maxTotalBytes) errors.push({ file: zipName, message: `the archive would inflate to ${formatBytes(total)}, over the ${formatBytes(limits.maxTotalBytes)} limit` });
  if (errors.length > 0) return { files: [], errors };

  const names = new Set(wanted.map((entry) => entry.name));
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(data, { filter: (file) => names.has(file.name) && file.originalSize <= limits.maxFileBytes });
  } catch (error) {
    return fail(`corrupt zip archive: ${error instanceof Error ? error.message : String(error)}`);
  }
  const base = zipName.replace(/\.zip$/i, "");
  const decoder = new TextDecoder();
  const files: SourceFile[] = [];
  for (const entry of wanted) {
    const bytes = inflated[entry.name];
    if (!bytes) continue;
    const content = decoder.decode(bytes);
    const pathName = `${base}/${entry.name}`;
    // Like a directory walk: JSON that is none of the importable formats is skipped, not an error.
    if (formatFromPath(entry.name) === null && !looksLikeImportableJson(content)) continue;
    files.push({ path: pathName, content });
  }
  return { files, errors: [] };
}
