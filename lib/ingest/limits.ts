// Import limits. Every number is a guard against hostile input (a 10 GB "lockfile", a zip bomb, a
// JSON nesting bomb); the file-size limit is configurable because real monorepo lockfiles vary.

export interface ImportLimits {
  /** largest single file, in bytes (BLASTMAP_IMPORT_MAX_BYTES, default 10 MB) */
  maxFileBytes: number;
  /** largest total of all files of one import, uncompressed (BLASTMAP_IMPORT_MAX_TOTAL_BYTES, default 200 MB) */
  maxTotalBytes: number;
  /** most files in one zip archive */
  maxZipEntries: number;
  /** largest uncompressed / compressed ratio of a zip entry over 1 MB (real JSON/YAML compresses ~10–30×) */
  maxZipRatio: number;
  /** deepest JSON nesting a parser will walk */
  maxJsonDepth: number;
}

const MB = 1024 * 1024;

export function importLimits(env: Record<string, string | undefined> = process.env): ImportLimits {
  const configured = Number(env.BLASTMAP_IMPORT_MAX_BYTES);
  const maxFileBytes = Number.isFinite(configured) && configured > 0 ? Math.floor(configured) : 10 * MB;
  const total = Number(env.BLASTMAP_IMPORT_MAX_TOTAL_BYTES);
  return {
    maxFileBytes,
    maxTotalBytes: Number.isFinite(total) && total > 0 ? Math.floor(total) : Math.max(maxFileBytes, 200 * MB),
    maxZipEntries: 20_000,
    maxZipRatio: 200,
    maxJsonDepth: 64,
  };
}

export const formatBytes = (bytes: number): string =>
  bytes >= MB ? `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
