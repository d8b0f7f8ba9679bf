import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// The CLI beside a running embedded server. PGlite is one process's database, so while
// `blastmap start` serves, `blastmap import` cannot open it; it asks the server instead, with a key
// the start command made for this run and left beside the data directory (readable by the same
// user as the data directory itself, so it grants nothing the files did not). The key is accepted
// from this machine only (a loopback socket), acts with the import scope, and dies with the server.

export const LOCAL_CLI_KEY_ENV = "BLASTMAP_LOCAL_CLI_KEY";
export const LOCAL_CLI_ACTOR = "cli:local";

export function generateLocalCliKey(): string {
  return `bmlocal_${randomBytes(32).toString("base64url")}`;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether `presented` is this server run's key (constant time; false when the server has none). */
export function matchesLocalCliKey(presented: string, expected: string | undefined): boolean {
  if (!expected || !expected.startsWith("bmlocal_")) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

export function isLoopbackAddress(ip: string | null): boolean {
  if (!ip) return false;
  return ip === "::1" || ip.startsWith("127.") || ip.startsWith("::ffff:127.");
}
