import { clientAddress, parseTrustedProxies, type TrustedProxies } from "./client-address";

// Where a request came from, for the audit log and the per-address sign-in lockout: the socket's
// peer, or — when that peer is a proxy listed in BLASTMAP_TRUSTED_PROXIES — the right-most
// X-Forwarded-For address that is not itself a trusted proxy (see lib/auth/client-address.ts for
// why X-Forwarded-For is where the socket's address arrives). Always a valid IP address or null.

let cached: { value: string | undefined; proxies: TrustedProxies } | null = null;

function trustedProxies(): TrustedProxies {
  const value = process.env.BLASTMAP_TRUSTED_PROXIES;
  if (!cached || cached.value !== value) {
    const { proxies, invalid } = parseTrustedProxies(value);
    // Failing closed: an entry we cannot read trusts nobody. `blastmap start` refuses to start with one.
    if (invalid.length > 0)
      console.warn(`blastmap: BLASTMAP_TRUSTED_PROXIES: ignoring ${invalid.map((entry) => JSON.stringify(entry)).join(", ")} (not an address or CIDR range)`);
    cached = { value, proxies };
  }
  return cached.proxies;
}

export function requestMeta(headers: Headers): { ip: string | null; userAgent: string | null } {
  return { ip: clientAddress(headers.get("x-forwarded-for"), trustedProxies()), userAgent: headers.get("user-agent")?.slice(0, 500) ?? null };
}
