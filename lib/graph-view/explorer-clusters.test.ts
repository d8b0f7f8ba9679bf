import { describe, expect, it } from "vitest";
import { toCytoscapeElements } from "@/lib/graph-view/cytoscape-elements";
import type { TGraphViewNode } from "@/lib/schemas/graph-view";
import { clusterOf, groupedElements, isClusterId } from "./explorer-clusters";

const node = (id: number, kind: TGraphViewNode["kind"], key: string): TGraphViewNode => ({
  id,
  kind,
  key,
  name: key,
  compromised: false,
  assumedCompromised: false,
  hiddenNeighbours: 0,
});
const elements = toCytoscapeElements({
  nodes: [
    node(1, "context", "context:acme/ui-kit/release.yml/publish"),
    node(2, "secret", "secret:acme/ui-kit:NPM_TOKEN"),
    node(3, "secret", "secret:acme/infra:GH_PAT"),
    node(4, "package", "pkg:npm/chalk"),
  ],
  edges: [{ id: 1, kind: "EXPOSES", from: 1, to: 2, exposure: "job", privilege: null }],
});
const parents = (grouped: ReturnType<typeof groupedElements>) =>
  Object.fromEntries(
    grouped
      .filter((element) => element.group === "nodes" && "parent" in element.data)
      .map((element) => [element.data.id, (element.data as { parent: string }).parent]),
  );
const boxes = (grouped: ReturnType<typeof groupedElements>) =>
  grouped.filter((element) => isClusterId(element.data.id)).map((element) => (element.data as { label: string }).label);

describe("explorer clusters", () => {
  it('groups by repository, nodes whose key names none in "other", largest box first', () => {
    const grouped = groupedElements(elements, "repository");
    expect(boxes(grouped)).toEqual(["acme/ui-kit · 2", "acme/infra · 1", "Other (no repository) · 1"]);
    expect(parents(grouped)).toEqual({
      1: "cluster:repository:acme/ui-kit",
      2: "cluster:repository:acme/ui-kit",
      3: "cluster:repository:acme/infra",
      4: "cluster:repository:",
    });
  });

  it("groups by kind under the kind's plural name", () => {
    expect(boxes(groupedElements(elements, "kind"))).toEqual(["Secrets · 2", "CI jobs & workstations · 1", "Packages · 1"]);
    expect(clusterOf({ kind: "secret", key: "secret:x" }, "kind").id).toBe("cluster:kind:secret");
  });

  it("keeps edges as they are and adds nothing without grouping", () => {
    expect(groupedElements(elements, "none")).toEqual(elements);
    expect(groupedElements(elements, "kind").filter((element) => element.group === "edges")).toEqual(elements.filter((element) => element.group === "edges"));
  });
});
