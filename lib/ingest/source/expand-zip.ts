import { crc32, inflateRawSync } from "node:zlib";
import { formatBytes, type ImportLimits } from "../limits";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { SourceFile } from "../types";
import { unsafePathReason } from "./check-source-path";
import { formatFromPath, looksLikeImportableJson } from "./detect-format";

// A .zip of a repository checkout. The central directory is read and checked before anything is
// inflated: entry count, declared sizes (each and in total), compression ratio, names that climb
// out of the archive, symbolic links, ZIP64 (refused: its second directory is one more thing to
// disagree about) and entries whose local data overlap (the "zip bomb by overlap": many entries
// over the same compressed bytes). The declared sizes are only a hint: each entry is inflated by
// this module from the offset the same directory gives, with Node's zlib and a hard output cap of
// the declared size, so it stops the moment the data runs past it (issue 12: a 4 MB upload
// declaring 1,000 bytes inflated to 4 GB and froze the server for 140 s). The inflated size and
// CRC-32 must then match the directory. Not fflate's streaming Inflate: it copies long runs byte by
// byte (~20 MB/s on a bomb's zeros), where zlib is native and checks its cap every 16 KB.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  encrypted: boolean;
  symlink: boolean;
  directory: boolean;
  crc32: number;
  /** where the entry's local header starts */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MB = 1024 * 1024;
const ZIP64_REFUSED = "ZIP64 archives are not supported; zip the checkout without ZIP64 (it is only needed past 4 GB or 65,535 entries)";

type Listed = { ok: true; entries: ZipEntry[]; directoryOffset: number } | { ok: false; message: string };

export function listZipEntries(data: Uint8Array): Listed {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, message: "not a zip archive (no end-of-central-directory record)" };
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) return { ok: false, message: ZIP64_REFUSED };
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const countOnDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return { ok: false, message: ZIP64_REFUSED };
  if (disk !== 0 || directoryDisk !== 0 || countOnDisk !== count) return { ok: false, message: "multi-part zip archives are not supported" };
  if (directoryOffset + directorySize > end) return { ok: false, message: "corrupt zip archive (the central directory runs past its end record)" };

  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL) return { ok: false, message: "corrupt zip archive (bad central directory)" };
    const madeBy = view.getUint16(offset + 4, true);
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const external = view.getUint32(offset + 38, true);
    const localOffset = view.getUint32(offset + 42, true);
    const extraStart = offset + 46 + nameLength;
    if (extraStart + extraLength + commentLength > end) return { ok: false, message: "corrupt zip archive (truncated central directory entry)" };
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff || hasExtraField(view, extraStart, extraLength, ZIP64_EXTRA)) {
      return { ok: false, message: ZIP64_REFUSED };
    }
    const name = decoder.decode(data.subarray(offset + 46, extraStart));
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
    entries.push({
      name,
      compressedSize,
      size,
      method,
      encrypted: (flags & 1) === 1,
      symlink: (unixMode & 0o170000) === 0o120000,
      directory: name.endsWith("/"),
      crc32: crc,
      localOffset,
    });
    offset = extraStart + extraLength + commentLength;
  }
  if (offset !== directoryOffset + directorySize)
    return { ok: false, message: "corrupt zip archive (the central directory's size does not match its entries)" };
  return { ok: true, entries, directoryOffset };
}

function hasExtraField(view: DataView, start: number, length: number, id: number): boolean {
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) === id) return true;
  }
  return false;
}

interface EntryData {
  entry: ZipEntry;
  /** the compressed bytes start here, after the local header */
  dataStart: number;
}

/**
 * Where each entry's compressed bytes are, from its local header; refuses entries whose local
 * data overlap another's or the central directory, and local headers that disagree with it.
 */
function locateEntries(data: Uint8Array, entries: ZipEntry[], directoryOffset: number): { ok: true; located: EntryData[] } | { ok: false; message: string } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const located: EntryData[] = [];
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > directoryOffset || view.getUint32(at, true) !== LOCAL)
      return { ok: false, message: `corrupt zip archive (no local header for ${entry.name})` };
    if (view.getUint16(at + 8, true) !== entry.method)
      return { ok: false, message: `corrupt zip archive (${entry.name}: the local header and the central directory disagree)` };
    const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (dataStart + entry.compressedSize > directoryOffset)
      return { ok: false, message: `corrupt zip archive (${entry.name} runs into the central directory)` };
    located.push({ entry, dataStart });
  }
  const byOffset = [...located].sort((a, b) => a.entry.localOffset - b.entry.localOffset);
  for (let i = 1; i < byOffset.length; i += 1) {
    const previous = byOffset[i - 1];
    if (previous.dataStart + previous.entry.compressedSize > byOffset[i].entry.localOffset) {
      return {
        ok: false,
        message: `entries ${previous.entry.name} and ${byOffset[i].entry.name} share the same compressed data (a zip bomb by overlap); refused`,
      };
    }
  }
  return { ok: true, located };
}

/** Inflates one entry into a buffer of its declared size, stopping the moment the data runs past it. */
function inflateEntry(data: Uint8Array, { entry, dataStart }: EntryData, cap: number): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  const compressed = data.subarray(dataStart, dataStart + entry.compressedSize);
  const declared = formatBytes(entry.size);
  if (entry.size > cap) return { ok: false, message: `the entry declares ${declared}, over what this import may still inflate (${formatBytes(cap)})` };
  let bytes: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) return { ok: false, message: "a stored entry whose sizes disagree; refused" };
    bytes = compressed.slice();
  } else {
    try {
      // zlib stops and throws once the output would pass maxOutputLength (checked every 16 KB chunk).
      bytes = inflateRawSync(compressed, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        return { ok: false, message: `the entry inflates past its declared ${declared}; refused (its sizes are false: a zip bomb)` };
      }
      return { ok: false, message: `corrupt compressed data (${error instanceof Error ? error.message : String(error)})` };
    }
    if (bytes.length !== entry.size)
      return { ok: false, message: `the entry inflates to ${formatBytes(bytes.length)}, not the ${declared} the archive declares; refused` };
  }
  if (crc32(bytes) >>> 0 !== entry.crc32) return { ok: false, message: "CRC-32 mismatch: the entry is corrupt or was altered; refused" };
  return { ok: true, bytes };
}

const isCandidate = (name: string) => formatFromPath(name) !== null || /\.json$/i.test(name);

export interface ExpandZipBudget {
  /** bytes already inflated by this import (other zips of the same upload); grows as this one inflates */
  inflatedBytes: number;
}

/** The files of a zip that Blastmap reads, named `<zip name without .zip>/<entry>`. */
export function expandZip(
  data: Uint8Array,
  zipName: string,
  limits: ImportLimits,
  budget: ExpandZipBudget = { inflatedBytes: 0 },
): { files: SourceFile[]; errors: TFileProblem[] } {
  const fail = (message: string, file = zipName) => ({ files: [], errors: [{ file, message }] });
  const listed = listZipEntries(data);
  if (!listed.ok) return fail(listed.message);
  const { entries } = listed;
  if (entries.length > limits.maxZipEntries) return fail(`the archive has ${entries.length} entries, over the limit of ${limits.maxZipEntries}`);
  const located = locateEntries(data, entries, listed.directoryOffset);
  if (!located.ok) return fail(located.message);

  const errors: TFileProblem[] = [];
  const wanted: EntryData[] = [];
  let total = 0;
  for (const found of located.located) {
    const { entry } = found;
    const unsafe = unsafePathReason(entry.name);
    if (unsafe) errors.push({ file: `${zipName}: ${entry.name}`, message: unsafe });
    else if (entry.symlink) errors.push({ file: `${zipName}: ${entry.name}`, message: "the archive contains a symbolic link; refused" });
    if (unsafe || entry.symlink || entry.directory || !isCandidate(entry.name)) continue;
    if (entry.encrypted) errors.push({ file: `${zipName}: ${entry.name}`, message: "encrypted zip entries are not supported" });
    else if (entry.method !== 0 && entry.method !== 8)
      errors.push({ file: `${zipName}: ${entry.name}`, message: `unsupported compression method ${entry.method} (use deflate)` });
    else if (entry.size > limits.maxFileBytes) {
      errors.push({
        file: `${zipName}: ${entry.name}`,
        message: `the file is ${formatBytes(entry.size)} uncompressed, over the ${formatBytes(limits.maxFileBytes)} limit (BLASTMAP_IMPORT_MAX_BYTES)`,
      });
    } else if (entry.size > MB && entry.size / Math.max(entry.compressedSize, 1) > limits.maxZipRatio) {
      errors.push({
        file: `${zipName}: ${entry.name}`,
        message: `compression ratio ${Math.round(entry.size / Math.max(entry.compressedSize, 1))}:1 looks like a zip bomb; refused`,
      });
    } else {
      total += entry.size;
      wanted.push(found);
    }
  }
  if (budget.inflatedBytes + total > limits.maxTotalBytes) {
    errors.push({
      file: zipName,
      message: `the archive would inflate to ${formatBytes(total)}, over the ${formatBytes(limits.maxTotalBytes)} limit of one import (BLASTMAP_IMPORT_MAX_TOTAL_BYTES)`,
    });
  }
  if (errors.length > 0) return { files: [], errors };

  const base = zipName.replace(/\.zip$/i, "");
  const decoder = new TextDecoder();
  const files: SourceFile[] = [];
  for (const found of wanted) {
    // The running caps hold whatever the directory says: never past BLASTMAP_IMPORT_MAX_BYTES for one
    // entry, never past BLASTMAP_IMPORT_MAX_TOTAL_BYTES for the import.
    const cap = Math.min(limits.maxFileBytes, limits.maxTotalBytes - budget.inflatedBytes);
    const inflated = inflateEntry(data, found, cap);
    if (!inflated.ok) return fail(inflated.message, `${zipName}: ${found.entry.name}`);
    budget.inflatedBytes += inflated.bytes.length;
    const content = decoder.decode(inflated.bytes);
    // Like a directory walk: JSON that is none of the importable formats is skipped, not an error.
    if (formatFromPath(found.entry.name) === null && !looksLikeImportableJson(content)) continue;
    files.push({ path: `${base}/${found.entry.name}`, content });
  }
  return { files, errors: [] };
}
