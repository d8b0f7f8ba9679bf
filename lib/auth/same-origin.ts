// CSRF defence for cookie-authenticated state changes (OWASP "verify origin with standard
// headers"): browsers send Origin and Sec-Fetch-Site on every cross-site POST, so a request that
// carries either and does not come from one of our origins is refused. A request with neither is
// not from a browser page (curl, a CI job) and cannot ride on a victim's cookies.
export function isCrossSiteRequest(headers: Headers, ownOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== "null") return !ownOrigins.includes(origin);
  if (origin === "null") return true;
  const site = headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

/** The origin this request was addressed to, as the browser saw it (behind a proxy: X-Forwarded-*). */
export function requestOrigin(headers: Headers, fallbackUrl: string): string {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return new URL(fallbackUrl).origin;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || new URL(fallbackUrl).protocol.replace(":", "");
  return `${proto}://${host}`;
}

export const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
