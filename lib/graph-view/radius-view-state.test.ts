import { describe, expect, it } from "vitest";
import { EMPTY_RADIUS_VIEW, parseRadiusViewState, radiusApiParams, serializeRadiusViewState } from "./radius-view-state";

describe("radius view state", () => {
  it("round-trips a full view through the query string", () => {
    const state = {
      refs: ["pkg:npm/chalk@5.6.1", "identity:npm-publish"],
      advisory: "MAL-2025-46969",
      maxHops: 4,
      exposures: ["install" as const, "job" as const],
      timings: ["now" as const],
      whatIf: ["ignore-scripts:context:acme/web/ci.yml/build"],
      selected: "secret:acme/web:NPM_TOKEN",
      pathFrom: "pkg:npm/chalk@5.6.1",
      pathTo: "system:prod",
      display: "table" as const,
    };
    expect(parseRadiusViewState(new URLSearchParams(serializeRadiusViewState(state).toString()))).toEqual(state);
  });

  it("leaves defaults out of the permalink", () => {
    expect(serializeRadiusViewState({ ...EMPTY_RADIUS_VIEW, refs: ["pkg:npm/x"] }).toString()).toBe("ref=pkg%3Anpm%2Fx");
  });

  it('reads only the "now" timing filter; anything else means both timings', () => {
    expect(parseRadiusViewState(new URLSearchParams("ref=a&timing=now")).timings).toEqual(["now"]);
    expect(parseRadiusViewState(new URLSearchParams("ref=a&timing=next-resolve")).timings).toEqual([]);
    expect(serializeRadiusViewState({ ...EMPTY_RADIUS_VIEW, refs: ["a"], timings: ["now"] }).toString()).toBe("ref=a&timing=now");
  });

  it("ignores malformed values instead of failing", () => {
    const state = parseRadiusViewState(new URLSearchParams("maxHops=abc&exposure=install,bogus&view=nonsense&ref=&ref=a&ref=a"));
    expect(state).toEqual({ ...EMPTY_RADIUS_VIEW, refs: ["a"], exposures: ["install"] });
    expect(parseRadiusViewState(new URLSearchParams("maxHops=0")).maxHops).toBeNull();
  });

  it("sends the API only what changes the radius, not the selection", () => {
    const params = radiusApiParams({ refs: ["a"], advisory: null, maxHops: 3, exposures: ["job"], timings: ["now"], whatIf: ["short-lived:identity:x"] });
    expect(params.toString()).toBe("ref=a&maxHops=3&exposure=job&timing=now&whatIf=short-lived%3Aidentity%3Ax");
  });
});
