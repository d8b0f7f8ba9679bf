import { describe, expect, it } from "vitest";
import {
  DEFAULT_EXPLORER_VIEW,
  parseExplorerViewState,
  serializeExplorerViewState,
  showingKind,
  startingFrom,
  type TExplorerViewState,
} from "./explorer-view-state";

const roundTrip = (state: TExplorerViewState) => parseExplorerViewState(new URLSearchParams(serializeExplorerViewState(state).toString()));

describe("explorer view state", () => {
  it("round-trips a full view through the query string", () => {
    const state: TExplorerViewState = {
      focus: 42,
      depth: 2,
      limit: 500,
      kinds: ["identity", "context"],
      exposure: ["install"],
      layout: "elk",
      groupBy: "repository",
      display: "table",
      selected: 7,
    };
    expect(roundTrip(state)).toEqual(state);
  });

  it("leaves defaults out of the permalink, the start node's selection included", () => {
    expect(serializeExplorerViewState({ ...DEFAULT_EXPLORER_VIEW, focus: 42, selected: 42 }).toString()).toBe("focus=42");
  });

  it("selects the start node when the URL names no node, and nothing after the reader cleared it", () => {
    expect(parseExplorerViewState(new URLSearchParams("focus=42")).selected).toBe(42);
    const cleared = { ...DEFAULT_EXPLORER_VIEW, focus: 42, selected: null };
    expect(serializeExplorerViewState(cleared).toString()).toBe("focus=42&node=none");
    expect(roundTrip(cleared).selected).toBeNull();
  });

  it("ignores malformed values instead of failing", () => {
    const state = parseExplorerViewState(
      new URLSearchParams("focus=-3&depth=9&limit=7&kinds=secret,bogus,secret&layout=preset&group=colour&view=nonsense&node=abc"),
    );
    expect(state).toEqual({ ...DEFAULT_EXPLORER_VIEW, kinds: ["secret"] });
  });

  it("a new start node is also the selected one", () => {
    expect(startingFrom({ ...DEFAULT_EXPLORER_VIEW, focus: 1, selected: 5 }, 9)).toMatchObject({ focus: 9, selected: 9 });
  });

  it("showing a kind adds it to the filter, and changes nothing when every kind is shown", () => {
    expect(showingKind({ ...DEFAULT_EXPLORER_VIEW, kinds: ["identity"] }, "secret").kinds).toEqual(["identity", "secret"]);
    expect(showingKind(DEFAULT_EXPLORER_VIEW, "secret").kinds).toEqual([]);
  });
});
