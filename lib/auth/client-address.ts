import ipaddr from "ipaddr.js";

// Which address a request came from, for the audit log and the per-address sign-in lockout.
//
// Next.js 16 hands neither proxy.ts, route handlers nor server actions the socket: `next start`
// only copies the socket's address into X-Forwarded-For when the client sent no such header
// (`??=` in next/dist/server/base-server.js), so a client-sent header would otherwise win and
// anyone could pick the address they are counted and audited under. `blastmap start` therefore
// loads lib/http/append-socket-address.cjs into the server process, which appends the socket's
// address to X-Forwarded-For on every request, as a reverse proxy does: the right-most entry is
// always the peer. An entry further left is believed only while everything to its right is a
// proxy listed in BLASTMAP_TRUSTED_PROXIES (the scheme of proxy-addr, which Express uses).
//
// ipaddr.js does the parsing: IPv4-mapped IPv6, zone ids, RFC 5952 output and CIDR matching are
// easy to get subtly wrong by hand, and it is the library proxy-addr itself is built on.

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type TrustedProxies = [Address, number][];

/** A valid IPv4 (dotted quad only) or IPv6 address, IPv4-mapped IPv6 read as IPv4; null for anything else. */
function parseAddress(value: string): Address | null {
  const text = value.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (ipaddr.IPv6.isValid(text)) return ipaddr.process(text);
  return null;
}

/**
 * The address as the audit log stores it: `::1` for IPv6 loopback, `127.0.0.1` for
 * `::ffff:127.0.0.1`, compressed lower-case IPv6 — and null for anything that is not an IP
 * address (a hostname, markup, an obfuscated `0x7f.1`).
 */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  return parseAddress(value)?.toString() ?? null;
}

/**
 * BLASTMAP_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges, IPv4 and IPv6
 * (`10.0.0.0/8, fd00::/8, 192.0.2.10`). Entries that are neither are returned in `invalid`.
 */
export function parseTrustedProxies(value: string | undefined): { proxies: TrustedProxies; invalid: string[] } {
  const proxies: TrustedProxies = [];
  const invalid: string[] = [];
  for (const entry of (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const slash = entry.indexOf("/");
    const address = parseAddress(slash === -1 ? entry : entry.slice(0, slash));
    const bits = address?.kind() === "ipv4" ? 32 : 128;
    const prefix = slash === -1 ? bits : /^\d{1,3}$/.test(entry.slice(slash + 1)) ? Number(entry.slice(slash + 1)) : NaN;
    if (!address || !(prefix >= 0 && prefix <= bits)) invalid.push(entry);
    else proxies.push([address, prefix]);
  }
  return { proxies, invalid };
}

// match() compares addresses of one family only; the kind check makes that hold.
const isTrusted = (address: Address, proxies: TrustedProxies) =>
  proxies.some(([network, prefix]) => network.kind() === address.kind() && (address as ipaddr.IPv4).match(network as ipaddr.IPv4, prefix));

/**
 * The client's address from an X-Forwarded-For chain whose right-most entry is the socket's peer:
 * the right-most entry that is not a trusted proxy. Null when that entry is not a valid address.
 * A request from a trusted proxy itself (every entry trusted) is that proxy's.
 */
export function clientAddress(forwardedFor: string | null | undefined, proxies: TrustedProxies): string | null {
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim());
  let last: Address | null = null;
  for (let index = hops.length - 1; index >= 0; index--) {
    const address = parseAddress(hops[index]);
    if (!address) return null;
    if (!isTrusted(address, proxies)) return address.toString();
    last = address;
  }
  return last?.toString() ?? null;
}
