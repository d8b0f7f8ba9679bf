import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageWindow, pageWindowText } from "./use-paged-rows";

describe("pageWindow", () => {
  it("draws the first page of a long list and offers a full page more", () => {
    expect(pageWindow(1234, PAGE_SIZE)).toEqual({ shown: 50, total: 1234, remaining: 1184, nextStep: 50, paged: true });
  });

  it("offers only what remains once less than a page is left", () => {
    expect(pageWindow(84, 100)).toEqual({ shown: 84, total: 84, remaining: 0, nextStep: 0, paged: true });
    expect(pageWindow(84, 50)).toMatchObject({ shown: 50, remaining: 34, nextStep: 34 });
  });

  it("does not page a list that fits on the first page", () => {
    expect(pageWindow(50, 50)).toEqual({ shown: 50, total: 50, remaining: 0, nextStep: 0, paged: false });
    expect(pageWindow(0, 50)).toMatchObject({ shown: 0, paged: false });
  });

  it("never draws fewer than the first page, even when asked for less", () => {
    expect(pageWindow(300, 10)).toMatchObject({ shown: 50, remaining: 250 });
  });

  it("a short first page is followed by steps of another size", () => {
    expect(pageWindow(120, 6, 6, 50)).toEqual({ shown: 6, total: 120, remaining: 114, nextStep: 50, paged: true });
    expect(pageWindow(120, 56, 6, 50)).toMatchObject({ shown: 56, nextStep: 50 });
    expect(pageWindow(5, 6, 6, 50)).toMatchObject({ shown: 5, paged: false });
  });
});

describe("pageWindowText", () => {
  it("says how much of how many is shown, in which order, with thousands separated", () => {
    expect(pageWindowText(pageWindow(12_345, 50), "nearest first")).toBe("Showing the first 50 of 12,345, nearest first.");
    expect(pageWindowText(pageWindow(120, 6, 6))).toBe("Showing the first 6 of 120.");
  });

  it("says all are shown once the last page is drawn", () => {
    expect(pageWindowText(pageWindow(84, 100), "most urgent first")).toBe("All 84 shown.");
  });
});
