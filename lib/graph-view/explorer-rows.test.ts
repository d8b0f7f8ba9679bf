import { describe, expect, it } from "vitest";
import type { TGraphViewNode } from "@/lib/schemas/graph-view";
import { explorerRows, hopsFrom, sortExplorerRows } from "./explorer-rows";

const node = (id: number, kind: TGraphViewNode["kind"], key: string, extra: Partial<TGraphViewNode> = {}): TGraphViewNode => ({
  id,
  kind,
  key,
  name: key.split(":").pop()!,
  compromised: false,
  assumedCompromised: false,
  hiddenNeighbours: 0,
  ...extra,
});
const edge = (from: number, to: number) => ({ id: from * 100 + to, kind: "EXPOSES", from, to, exposure: null, privilege: null });
const view = {
  nodes: [
    node(3, "identity", "identity:release-bot", { degree: 4, hiddenNeighbours: 3 }),
    node(1, "context", "context:acme/ui-kit/release.yml/publish"),
    node(2, "secret", "secret:acme/ui-kit:NPM_TOKEN"),
    node(9, "system", "system:prod"),
  ],
  // 3 → 2 → 1: edges count in either direction
  edges: [edge(1, 2), edge(3, 2)],
};

describe("explorer rows", () => {
  it("counts hops from the start over drawn edges in either direction", () => {
    expect(Object.fromEntries(hopsFrom(1, view.edges))).toEqual({ 1: 0, 2: 1, 3: 2 });
  });

  it("lists nodes nearest first, with repository, and unconnected nodes last", () => {
    const rows = explorerRows(view, 1);
    expect(rows.map((row) => [row.id, row.hops, row.repository])).toEqual([
      [1, 0, "acme/ui-kit"],
      [2, 1, "acme/ui-kit"],
      [3, 2, null],
      [9, null, null],
    ]);
  });

  it("takes the degree the server counted, or counts drawn and undrawn edges", () => {
    const rows = explorerRows(view, 1);
    expect(rows.find((row) => row.id === 3)!.degree).toBe(4);
    expect(rows.find((row) => row.id === 2)!.degree).toBe(2);
  });

  it("sorts by a column either way, rows without a value last both times", () => {
    const rows = explorerRows(view, 1);
    expect(sortExplorerRows(rows, "repository", false).map((row) => row.id)).toEqual([1, 2, 3, 9]);
    expect(sortExplorerRows(rows, "repository", true).map((row) => row.id)).toEqual([1, 2, 3, 9]);
    expect(sortExplorerRows(rows, "name", true).map((row) => row.name)).toEqual(["release-bot", "prod", "NPM_TOKEN", "acme/ui-kit/release.yml/publish"]);
    expect(sortExplorerRows(rows, "hops", true).map((row) => row.id)).toEqual([3, 2, 1, 9]);
  });
});
