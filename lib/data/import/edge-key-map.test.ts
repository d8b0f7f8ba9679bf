import { describe, expect, it } from "vitest";
import { EdgeKeyMap } from "./edge-key-map";

describe("EdgeKeyMap", () => {
  it("tells edges apart by kind, direction and both ends, and counts each key once", () => {
    const edges = new EdgeKeyMap<string>();
    edges.set("DEPENDS_ON", 1, 2, "a");
    edges.set("INSTALLED_IN", 1, 2, "b");
    edges.set("DEPENDS_ON", 2, 1, "c");
    edges.set("DEPENDS_ON", 1, 3, "d");
    edges.set("DEPENDS_ON", 1, 2, "a again");
    expect(edges.size).toBe(4);
    expect(edges.get("DEPENDS_ON", 1, 2)).toBe("a again");
    expect(edges.get("INSTALLED_IN", 1, 2)).toBe("b");
    expect(edges.get("DEPENDS_ON", 2, 1)).toBe("c");
    expect(edges.get("INSTALLED_IN", 2, 1)).toBeUndefined();
    expect(edges.get("PUBLISHES", 1, 2)).toBeUndefined();
    expect([...edges.values()].sort()).toEqual(["a again", "b", "c", "d"]);
  });

  it("keeps ids past 2^31 apart", () => {
    const edges = new EdgeKeyMap<number>();
    edges.set("DEPENDS_ON", 2 ** 33, 2 ** 40, 1);
    edges.set("DEPENDS_ON", 2 ** 33, 2 ** 40 + 1, 2);
    expect([edges.get("DEPENDS_ON", 2 ** 33, 2 ** 40), edges.get("DEPENDS_ON", 2 ** 33, 2 ** 40 + 1)]).toEqual([1, 2]);
  });
});
