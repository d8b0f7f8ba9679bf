import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, parseTrustedProxies } from "./client-address";

const trusted = (value: string) => parseTrustedProxies(value).proxies;

describe("normaliseAddress", () => {
  it("keeps IPv6 loopback as ::1 and reads IPv4-mapped IPv6 as IPv4", () => {
    expect(normaliseAddress("::1")).toBe("::1");
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
  });

  it("records nothing for markup, hostnames or obfuscated IPv4", () => {
    for (const value of ["<script>alert(1)</script>", "evil.example", "0x7f.1", "127.1", "1.2.3.4<b>", "", "fe80::1%<b>"]) {
      expect(normaliseAddress(value)).toBeNull();
    }
  });
});

describe("parseTrustedProxies", () => {
  it("reads IPv4 and IPv6 ranges and single addresses, and names what it cannot read", () => {
    const { proxies, invalid } = parseTrustedProxies(" 10.0.0.0/8, fd00::/8,192.0.2.10, 10.0.0.0/33, proxy.internal, 10.1.0.0/x ");
    expect(proxies.map(([address, prefix]) => `${address.toString()}/${prefix}`)).toEqual(["10.0.0.0/8", "fd00::/8", "192.0.2.10/32"]);
    expect(invalid).toEqual(["10.0.0.0/33", "proxy.internal", "10.1.0.0/x"]);
  });
});

describe("clientAddress", () => {
  it("without trusted proxies is the socket's peer, whatever the client wrote to its left", () => {
    expect(clientAddress("203.0.113.9, 198.51.100.66", [])).toBe("198.51.100.66");
    expect(clientAddress("<img src=x>, ::1", [])).toBe("::1");
    expect(clientAddress("::ffff:127.0.0.1", [])).toBe("127.0.0.1");
  });

  it("behind a trusted proxy is the right-most address that is not a trusted proxy", () => {
    const proxies = trusted("10.0.0.0/8, fd00::/8");
    expect(clientAddress("203.0.113.9, 198.51.100.7, 10.0.0.2", proxies)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.9, 10.0.0.3, fd00::2", proxies)).toBe("203.0.113.9");
    expect(clientAddress("2001:db8::7, ::ffff:10.0.0.2", proxies)).toBe("2001:db8::7");
  });

  it("records nothing when a trusted proxy passes on something that is not an address", () => {
    expect(clientAddress("<script>, 10.0.0.2", trusted("10.0.0.0/8"))).toBeNull();
    expect(clientAddress("unknown", [])).toBeNull();
    expect(clientAddress(null, [])).toBeNull();
  });

  it("is the proxy itself when every hop is a trusted proxy", () => {
    expect(clientAddress("10.0.0.2", trusted("10.0.0.0/8"))).toBe("10.0.0.2");
  });
});
