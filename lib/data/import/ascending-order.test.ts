import { describe, expect, it } from "vitest";
import { ascendingOrder, inOrder } from "./ascending-order";

describe("ascendingOrder", () => {
  it("orders positions by key and keeps equal keys in their original order", () => {
    const keys = [30, 10, 20, 10, 0, 30];
    expect([...ascendingOrder(keys)]).toEqual([4, 1, 3, 2, 0, 5]);
    expect(inOrder(["a", "b", "c", "d", "e", "f"], ascendingOrder(keys))).toEqual(["e", "b", "d", "c", "a", "f"]);
  });

  it("gives the same order for keys too large to pack, through the comparator", () => {
    const keys = [2 ** 40, 5, 2 ** 40, 7, 2 ** 31];
    expect([...ascendingOrder(keys)]).toEqual([1, 3, 4, 0, 2]);
  });

  it("agrees with a comparator sort on many random ids", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const keys = Array.from({ length: 50_000 }, () => Math.floor(random() * 400_000_000));
    const expected = keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
    expect([...ascendingOrder(keys)]).toEqual(expected);
  });
});
