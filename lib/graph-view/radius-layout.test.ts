import { describe, expect, it } from "vitest";
import { layoutRadius, stageOf, type TLayoutNode } from "./radius-layout";

const node = (id: number, kind: TLayoutNode["kind"], hops: number, generation = 0, name = `n${id}`): TLayoutNode => ({ id, kind, name, hops, generation });

describe("layoutRadius", () => {
  it("places the stages left to right: compromise, contexts, secrets, identities, reach", () => {
    const nodes = [node(1, "packageVersion", 0), node(2, "context", 1), node(3, "secret", 2), node(4, "identity", 3), node(5, "system", 4)];
    const { positions } = layoutRadius(nodes, { sourceIds: [1] });
    const xs = [1, 2, 3, 4, 5].map((id) => positions.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(5);
  });

  it("puts a source in the first column whatever its kind", () => {
    const { positions, stageOf: stages } = layoutRadius([node(7, "identity", 0), node(8, "system", 1)], { sourceIds: [7] });
    expect(stages.get(7)).toBe("compromise");
    expect(positions.get(7)!.x).toBeLessThan(positions.get(8)!.x);
  });

  it("draws a later worm generation in its own band to the right of the previous one, with a gap", () => {
    const nodes = [node(1, "packageVersion", 0), node(2, "identity", 1), node(3, "package", 2), node(4, "packageVersion", 3, 1), node(5, "secret", 5, 1)];
    const layout = layoutRadius(nodes, { sourceIds: [1], bandGap: 100 });
    expect(layout.bands.map((band) => band.label)).toEqual(["Original compromise", "Generation 1"]);
    const [first, second] = layout.bands;
    expect(second.x).toBeGreaterThanOrEqual(first.x + first.width + 100);
    // the republished version opens generation 1; everything of generation 1 is inside its band
    for (const id of [4, 5]) expect(layout.positions.get(id)!.x).toBeGreaterThan(second.x);
    expect(layout.stageOf.get(4)).toBe("compromise");
    expect(layout.stageOf.get(3)).toBe("reach");
  });

  it("orders a column by hops, then kind, then name, and centres it vertically", () => {
    const nodes = [node(1, "packageVersion", 0), node(2, "secret", 3, 0, "b"), node(3, "secret", 2, 0, "z"), node(4, "secret", 3, 0, "a")];
    const { positions } = layoutRadius(nodes, { sourceIds: [1], rowHeight: 10 });
    expect([3, 4, 2].map((id) => positions.get(id)!.y)).toEqual([-10, 0, 10]);
    expect(positions.get(1)!.y).toBe(0);
  });

  it("wraps a tall column into sub-columns and moves the next stage right of them", () => {
    const secrets = Array.from({ length: 25 }, (_, i) => node(10 + i, "secret", 2));
    const layout = layoutRadius([node(1, "context", 0), ...secrets, node(99, "identity", 3)], { sourceIds: [1], maxRowsPerColumn: 10, columnWidth: 100 });
    const secretXs = new Set(secrets.map((s) => layout.positions.get(s.id)!.x));
    expect(secretXs.size).toBe(3);
    expect(layout.positions.get(99)!.x).toBeGreaterThan(Math.max(...secretXs));
    expect(layout.columns.find((column) => column.stage === "secrets")!.count).toBe(25);
  });

  it("is deterministic: the same radius in another order gets the same positions", () => {
    const nodes = Array.from({ length: 50 }, (_, i) => node(i + 1, (["context", "secret", "identity", "system"] as const)[i % 4], 1 + (i % 3)));
    const a = layoutRadius(nodes, { sourceIds: [1] });
    const b = layoutRadius([...nodes].reverse(), { sourceIds: [1] });
    expect([...b.positions.entries()].sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual(
      [...a.positions.entries()].sort((x, y) => Number(x[0]) - Number(y[0])),
    );
  });

  it("lays out 2,000 nodes with a position for every one and no two on the same spot", () => {
    const kinds = ["context", "secret", "identity", "system", "package"] as const;
    const nodes = Array.from({ length: 2000 }, (_, i) => node(i + 1, kinds[i % 5], 1 + (i % 6), i % 3));
    const { positions } = layoutRadius(nodes, { sourceIds: [1] });
    expect(positions.size).toBe(2000);
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(2000);
  });
});

describe("stageOf", () => {
  it("keeps a generation-0 package in the reach column but opens a later generation with it", () => {
    expect(stageOf({ kind: "package", generation: 0 }, false)).toBe("reach");
    expect(stageOf({ kind: "package", generation: 2 }, false)).toBe("compromise");
    expect(stageOf({ kind: "runner", generation: 0 }, false)).toBe("contexts");
  });
});
