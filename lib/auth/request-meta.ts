// Where a request came from, for the audit log and the per-address sign-in lockout. The first
// X-Forwarded-For hop is the client as the reverse proxy saw it; `next start` sets the header
// itself when no proxy is in front.
export function requestMeta(headers: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  return { ip: ip ? ip.slice(0, 100) : null, userAgent: headers.get("user-agent")?.slice(0, 500) ?? null };
}
