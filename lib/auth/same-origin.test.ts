import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, requestOrigin } from "./same-origin";

const own = ["http://localhost:3000", "http://127.0.0.1:3000"];

describe("cross-site request detection", () => {
  it("accepts a request whose Origin is one of ours", () => {
    expect(isCrossSiteRequest(new Headers({ origin: "http://127.0.0.1:3000" }), own)).toBe(false);
  });

  it("refuses another origin, an opaque origin, and a cross-site fetch without Origin", () => {
    expect(isCrossSiteRequest(new Headers({ origin: "https://evil.example" }), own)).toBe(true);
    expect(isCrossSiteRequest(new Headers({ origin: "null" }), own)).toBe(true);
    expect(isCrossSiteRequest(new Headers({ "sec-fetch-site": "cross-site" }), own)).toBe(true);
    expect(isCrossSiteRequest(new Headers({ "sec-fetch-site": "same-site" }), own)).toBe(true);
  });

  it("lets through a non-browser client that sends neither header", () => {
    expect(isCrossSiteRequest(new Headers(), own)).toBe(false);
    expect(isCrossSiteRequest(new Headers({ "sec-fetch-site": "same-origin" }), own)).toBe(false);
  });

  it("reconstructs the origin a browser used behind a reverse proxy", () => {
    expect(
      requestOrigin(
        new Headers({ host: "internal:3000", "x-forwarded-host": "blastmap.example.test", "x-forwarded-proto": "https" }),
        "http://internal:3000/x",
      ),
    ).toBe("https://blastmap.example.test");
    expect(requestOrigin(new Headers({ host: "127.0.0.1:3000" }), "http://127.0.0.1:3000/api/x")).toBe("http://127.0.0.1:3000");
  });
});
