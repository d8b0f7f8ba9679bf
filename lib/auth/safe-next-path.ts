/** Where to go after sign-in: only a path on this site (no //host, no scheme), else "/". */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f]/.test(next)) return "/";
  if (next.startsWith("/sign-in") || next.startsWith("/setup") || next.startsWith("/api/")) return "/";
  return next;
}
