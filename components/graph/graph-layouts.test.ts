import { describe, expect, it } from "vitest";
import { effectiveLayout } from "./graph-layouts";
import { EXPOSURE_VISUALS, nodeDisplayLabel } from "./graph-style";

describe("effectiveLayout", () => {
  it("runs the requested force-directed layout within its node budget", () => {
    expect(effectiveLayout("fcose", 1500)).toEqual({ name: "fcose", fallbackReason: null });
  });

  it("falls back to breadthfirst above the budget and says why", () => {
    const chosen = effectiveLayout("elk", 2400);
    expect(chosen.name).toBe("breadthfirst");
    expect(chosen.fallbackReason).toContain("2,400 nodes");
  });

  it("never replaces the cheap layouts", () => {
    expect(effectiveLayout("breadthfirst", 50_000).name).toBe("breadthfirst");
    expect(effectiveLayout("preset", 50_000).name).toBe("preset");
  });
});

describe("graph visual language", () => {
  it("tells exposure levels apart by colour and width, not only by dash (WebGL draws no dashes)", () => {
    const visuals = Object.values(EXPOSURE_VISUALS);
    expect(new Set(visuals.map((visual) => visual.colour)).size).toBe(visuals.length);
    expect(EXPOSURE_VISUALS.install.width).toBeGreaterThan(EXPOSURE_VISUALS.job.width);
    expect(EXPOSURE_VISUALS.job.width).toBeGreaterThan(EXPOSURE_VISUALS.runtime.width);
  });

  it("prefixes a compromised node's label with the hazard glyph and shows undrawn neighbours", () => {
    expect(nodeDisplayLabel({ kind: "packageVersion", label: "chalk@5.6.1", compromised: true, hiddenNeighbours: 3 })).toBe("☣ ◈ chalk@5.6.1  +3");
    expect(nodeDisplayLabel({ kind: "identity", label: "deploy-bot" })).toBe("⚙ deploy-bot");
  });
});
