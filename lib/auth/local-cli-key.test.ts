import { describe, expect, it } from "vitest";
import { generateLocalCliKey, isLoopbackAddress, matchesLocalCliKey } from "./local-cli-key";

describe("the local CLI key", () => {
  it("matches only the running server's own key", () => {
    const key = generateLocalCliKey();
    expect(key).toMatch(/^bmlocal_[\w-]{43}$/);
    expect(matchesLocalCliKey(key, key)).toBe(true);
    expect(matchesLocalCliKey(`${key.slice(0, -1)}x`, key)).toBe(false);
    expect(matchesLocalCliKey(key, generateLocalCliKey())).toBe(false);
    // a server started without one (PostgreSQL, `next start` run directly) accepts none
    expect(matchesLocalCliKey(key, undefined)).toBe(false);
    expect(matchesLocalCliKey("bmlocal_", "")).toBe(false);
  });

  it("is taken from loopback addresses only", () => {
    for (const ip of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(ip)).toBe(true);
    for (const ip of [null, "", "10.0.0.1", "::ffff:10.0.0.1", "203.0.113.9", "fe80::1"]) expect(isLoopbackAddress(ip)).toBe(false);
  });
});
