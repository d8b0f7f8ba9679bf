import { describe, expect, it } from "vitest";
import { buildEngineGraph, EdgeColumns, type NodeRow } from "./graph";

const node = (id: number, key: string): NodeRow => ({ id, kind: "secret", key, name: key });

describe("finding nodes by database id", () => {
  it("serial ids with gaps: every node is found, and ids between them, below them or above them are not", () => {
    const graph = buildEngineGraph({
      version: 1,
      nodes: [node(3, "secret:a"), node(4, "secret:b"), node(9, "secret:c")],
      edges: EdgeColumns.of([{ kind: "STORES", from: 9, to: 3 }]),
    });
    expect([3, 4, 9].map((id) => graph.keys[graph.indexOfId(id)!])).toEqual(["secret:a", "secret:b", "secret:c"]);
    expect([0, 5, 8, 10, 1_000_000, -1, 3.5].map((id) => graph.indexOfId(id))).toEqual(Array(7).fill(undefined));
    expect(graph.edgeCount).toBe(1);
    expect(graph.keys[graph.edgeFrom[0]]).toBe("secret:c");
  });

  it("ids far sparser than the nodes (a database that deleted most of its nodes) are found all the same", () => {
    const ids = [7, 2_000_000_000, 1_500_000];
    const graph = buildEngineGraph({
      version: 1,
      nodes: ids.map((id, i) => node(id, `secret:${i}`)),
      edges: EdgeColumns.of([{ kind: "STORES", from: 2_000_000_000, to: 1_500_000 }]),
    });
    expect(ids.map((id) => graph.keys[graph.indexOfId(id)!])).toEqual(["secret:0", "secret:1", "secret:2"]);
    expect(graph.indexOfId(8)).toBeUndefined();
    expect(graph.edgeCount).toBe(1);
  });
});
