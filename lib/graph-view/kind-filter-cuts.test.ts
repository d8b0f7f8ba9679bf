import { describe, expect, it } from "vitest";
import type { TGraphView, TGraphViewNode } from "@/lib/schemas/graph-view";
import { kindCutText, kindFilterCuts, walkShownKinds } from "./kind-filter-cuts";

// job(1) ─ secret(2) ─ identity(3) ─ system(4); job(1) ─ runner(5); job(1) ─ secret(6)
const node = (id: number, kind: TGraphViewNode["kind"]): TGraphViewNode => ({
  id,
  kind,
  key: `${kind}:${id}`,
  name: `${kind} ${id}`,
  compromised: false,
  assumedCompromised: false,
  hiddenNeighbours: 0,
});
const edge = (from: number, to: number) => ({ id: from * 100 + to, kind: "EXPOSES", from, to, exposure: null, privilege: null });
const view: TGraphView = {
  focusId: 1,
  nodes: [node(1, "context"), node(2, "secret"), node(3, "identity"), node(4, "system"), node(5, "runner"), node(6, "secret")],
  edges: [edge(1, 2), edge(2, 3), edge(3, 4), edge(1, 5), edge(1, 6)],
  truncated: false,
};

describe("kind filter cuts", () => {
  it("the walk enters shown kinds only and stops at the depth, the start node always counted", () => {
    expect([...walkShownKinds(view, new Set(["identity", "system"]), 3)]).toEqual([1]);
    expect([...walkShownKinds(view, new Set(["secret", "identity", "system"]), 2)].sort()).toEqual([1, 2, 3, 6]);
  });

  it("hiding secrets cuts off the identity and system behind them", () => {
    expect(kindFilterCuts(view, ["identity", "system", "runner"], 3)).toEqual([{ kind: "secret", hidden: 2, beyond: 2, atLeast: false }]);
  });

  it("a hidden kind that leads nowhere is reported with nothing beyond it, after the ones that cut", () => {
    const cuts = kindFilterCuts(view, ["identity", "system"], 3);
    expect(cuts.map((cut) => [cut.kind, cut.hidden, cut.beyond])).toEqual([
      ["secret", 2, 2],
      ["runner", 1, 0],
    ]);
  });

  it("nodes past the depth are not counted as cut", () => {
    expect(kindFilterCuts(view, ["identity", "system", "runner"], 2)).toEqual([{ kind: "secret", hidden: 2, beyond: 1, atLeast: false }]);
  });

  it("no kind filter cuts nothing", () => {
    expect(kindFilterCuts(view, [], 3)).toEqual([]);
  });

  it("says what is hidden and what lies beyond, and hedges when the neighbourhood was capped", () => {
    expect(kindCutText({ kind: "secret", hidden: 12, beyond: 30, atLeast: false })).toBe(
      "12 secrets hidden by the kind filter; 30 nodes beyond them are not shown",
    );
    expect(kindCutText({ kind: "secret", hidden: 1, beyond: 1, atLeast: false })).toBe("1 secret hidden by the kind filter; 1 node beyond it is not shown");
    expect(kindCutText({ kind: "runner", hidden: 1, beyond: 0, atLeast: true })).toBe("at least 1 runner hidden by the kind filter");
  });
});
