import { describe, expect, it } from "vitest";
import { countOf, describeFindingCounts } from "./describe-finding-counts";

describe("finding counts in words", () => {
  it("labels each severity's count, most severe first, and leaves out the empty ones", () => {
    expect(describeFindingCounts(7, { low: 3, medium: 4, critical: 0 }).text).toBe("7 findings: 4 medium, 3 low");
  });

  it("says one finding in the singular", () => {
    expect(describeFindingCounts(1, { high: 1 }).text).toBe("1 finding: 1 high");
    expect(countOf(1200, "event")).toBe("1,200 events");
  });
});
