import { describe, expect, it } from "vitest";
import { fileNameSlug } from "./file-name-slug";

describe("file name slugs", () => {
  it("keeps a short name whole, replacing what file systems dislike", () => {
    expect(fileNameSlug("pkg:npm/@acme/ui@1.2.0")).toBe("pkg-npm-@acme-ui@1.2.0");
  });

  it("shortens a long name at a word boundary, never mid-word", () => {
    const slug = fileNameSlug("compromised packages chalk debug supports-color and seven more", { max: 40 });
    expect(slug).toBe("compromised-packages-chalk-debug");
    expect(slug.length).toBeLessThanOrEqual(40);
  });

  it("ends on a whole word when the limit falls on a separator", () => {
    expect(fileNameSlug("aaaa bbbb cccc", { max: 9 })).toBe("aaaa-bbbb");
  });

  it("cuts a single word longer than the limit, and names an empty text", () => {
    expect(fileNameSlug("x".repeat(80), { max: 10 })).toBe("x".repeat(10));
    expect(fileNameSlug("///", { fallback: "radius" })).toBe("radius");
  });
});
