import { describe, expect, it } from "vitest";
import { bearerApiToken, generateApiToken, hashApiToken, isApiTokenShaped } from "./api-token";
import { safeNextPath } from "./safe-next-path";

describe("API token format", () => {
  it("generates distinct bm_-prefixed tokens whose hash is their SHA-256", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).not.toBe(b.token);
    expect(isApiTokenShaped(a.token)).toBe(true);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.prefix).toBe(a.token.slice(0, 7));
  });

  it("reads a bearer token from the Authorization header, and only a Blastmap one", () => {
    const { token } = generateApiToken();
    expect(bearerApiToken(new Headers({ authorization: `Bearer ${token}` }))).toBe(token);
    expect(bearerApiToken(new Headers({ authorization: "Bearer eyJhbGciOi.other.jwt" }))).toBeNull();
    expect(bearerApiToken(new Headers({ authorization: `Basic ${token}` }))).toBeNull();
  });
});

describe("the post-sign-in redirect", () => {
  it("returns only to a path on this site", () => {
    expect(safeNextPath("/inventory?kind=identity")).toBe("/inventory?kind=identity");
    for (const unsafe of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "", null, "/sign-in"])
      expect(safeNextPath(unsafe)).toBe("/");
  });
});
