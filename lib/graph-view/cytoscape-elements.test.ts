import { describe, expect, it } from "vitest";
import type { TGraphViewEdge, TGraphViewNode } from "@/lib/schemas/graph-view";
import { edgeElementId, mergeGraphViews, toCytoscapeElements } from "./cytoscape-elements";

const node = (id: number, extra: Partial<TGraphViewNode> = {}): TGraphViewNode => ({
  id,
  kind: "identity",
  key: `identity:n${id}`,
  name: `n${id}`,
  compromised: false,
  assumedCompromised: false,
  hiddenNeighbours: 0,
  ...extra,
});
const edge = (from: number, to: number, extra: Partial<TGraphViewEdge> = {}): TGraphViewEdge => ({
  id: null,
  kind: "CAN_ACCESS",
  from,
  to,
  exposure: null,
  privilege: null,
  ...extra,
});

describe("toCytoscapeElements", () => {
  it("gives nodes their stored id as a string and carries the compromise flags", () => {
    const [element] = toCytoscapeElements({ nodes: [node(7, { compromised: true, kind: "packageVersion" })], edges: [] });
    expect(element).toEqual({
      group: "nodes",
      data: {
        id: "7",
        kind: "packageVersion",
        key: "identity:n7",
        label: "n7",
        compromised: true,
        assumedCompromised: false,
        criticality: null,
        hiddenNeighbours: 0,
      },
    });
  });

  it("marks an edge without an exposure level as exposure none so styles can select on it", () => {
    const elements = toCytoscapeElements({ nodes: [node(1), node(2)], edges: [edge(1, 2), edge(2, 1, { kind: "EXPOSES", exposure: "install" })] });
    const edges = elements.filter((element) => element.group === "edges").map((element) => element.data);
    expect(edges).toEqual([
      expect.objectContaining({ id: "1-CAN_ACCESS-2", source: "1", target: "2", exposure: "none" }),
      expect.objectContaining({ id: "2-EXPOSES-1", source: "2", target: "1", exposure: "install" }),
    ]);
  });

  it("drops an edge whose endpoint is not in the view, which Cytoscape would reject", () => {
    const elements = toCytoscapeElements({ nodes: [node(1)], edges: [edge(1, 99)] });
    expect(elements).toHaveLength(1);
  });

  it("derives the same edge id for a derived edge without a stored id", () => {
    expect(edgeElementId({ kind: "WORM_REPUBLISH", from: 3, to: 4 })).toBe("3-WORM_REPUBLISH-4");
  });
});

describe("mergeGraphViews", () => {
  it("unions nodes and edges by id, the newer copy winning", () => {
    const merged = mergeGraphViews(
      { nodes: [node(1), node(2, { name: "old" })], edges: [edge(1, 2)] },
      { nodes: [node(2, { name: "new" }), node(3)], edges: [edge(1, 2), edge(2, 3)] },
    );
    expect(merged.nodes.map((n) => [n.id, n.name])).toEqual([
      [1, "n1"],
      [2, "new"],
      [3, "n3"],
    ]);
    expect(merged.edges).toHaveLength(2);
  });

  it("recounts a node's undrawn neighbours from its degree once an expansion drew more of its edges", () => {
    // node 1 has 3 edges; the first response drew one (to 2), expanding node 3 drew the edge 3→1
    const merged = mergeGraphViews(
      { nodes: [node(1, { degree: 3, hiddenNeighbours: 2 }), node(2)], edges: [edge(1, 2)] },
      { nodes: [node(3), node(1, { degree: 3, hiddenNeighbours: 2 })], edges: [edge(3, 1)] },
    );
    expect(merged.nodes.find((n) => n.id === 1)?.hiddenNeighbours).toBe(1);
  });

  it("keeps the hidden count as sent when the node's degree is unknown", () => {
    const merged = mergeGraphViews({ nodes: [node(1, { hiddenNeighbours: 5 })], edges: [] }, { nodes: [node(2)], edges: [edge(2, 1)] });
    expect(merged.nodes.find((n) => n.id === 1)?.hiddenNeighbours).toBe(5);
  });
});
