import { createHash, randomBytes } from "node:crypto";

// Blastmap's API tokens: "bm_" + 43 base64url characters (256 random bits). The prefix lets
// secret scanners recognise a leaked token; only the SHA-256 of the whole token is stored — a
// fast hash is right here because the token is random, not a guessable password.
export const API_TOKEN_PREFIX = "bm_";
const TOKEN_PATTERN = /^bm_[A-Za-z0-9_-]{43}$/;

export const API_TOKEN_DEFAULT_DAYS = 30;
export const API_TOKEN_MAX_DAYS = 365;
/** A bearer secret living longer than this is flagged long-lived in the inventory. */
export const API_TOKEN_LONG_LIVED_DAYS = 90;

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 4) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isApiTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The token in an `Authorization: Bearer bm_…` header, or null. */
export function bearerApiToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match && match[1].startsWith(API_TOKEN_PREFIX) ? match[1] : null;
}
