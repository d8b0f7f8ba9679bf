import { describe, expect, it } from "vitest";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { graphStylesheet } from "@/components/graph/graph-style";
import { drawnIds, pathElementIds, radiusPicture, redrawRadiusPicture } from "./radius-elements";

const radius: Pick<TRadiusResult, "nodes" | "edges" | "source"> = {
  source: { refs: ["pkg:npm/chalk@5.6.1"], description: "", nodes: [{ id: 1, key: "pkg:npm/chalk@5.6.1", kind: "packageVersion", name: "chalk@5.6.1" }] },
  nodes: [
    { id: 1, key: "pkg:npm/chalk@5.6.1", kind: "packageVersion", name: "chalk@5.6.1", hops: 0, timing: "now", generation: 0, exposure: null, path: [] },
    {
      id: 2,
      key: "context:acme/web/ci.yml/build",
      kind: "context",
      name: "build",
      hops: 1,
      timing: "now",
      generation: 0,
      exposure: "install",
      path: [{ kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" }],
    },
    {
      id: 3,
      key: "secret:acme/web:NPM_TOKEN",
      kind: "secret",
      name: "NPM_TOKEN",
      hops: 2,
      generation: 0,
      timing: "now",
      exposure: "install",
      path: [
        { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" },
        { kind: "EXPOSES", from: 2, to: 3, exposure: "install" },
      ],
    },
  ],
  edges: [{ kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" }],
};

describe("radiusPicture", () => {
  it("gives every reached node a position, marks the source compromised and the assumed set", () => {
    const picture = radiusPicture(radius, { assumedCompromisedKeys: new Set(["secret:acme/web:NPM_TOKEN"]) });
    const nodes = picture.elements.filter((element) => element.group === "nodes" && "kind" in element.data);
    expect(nodes).toHaveLength(3);
    const byId = new Map(nodes.map((element) => [element.data.id, element.data as { compromised: boolean; assumedCompromised: boolean }]));
    expect(byId.get("1")).toMatchObject({ compromised: true, assumedCompromised: false });
    expect(byId.get("3")).toMatchObject({ compromised: false, assumedCompromised: true });
    expect(picture.sourceElementIds).toEqual(["1"]);
  });

  it("draws the edges of every explanation path even when the radius's edge list omits them", () => {
    const edgeIds = radiusPicture(radius)
      .elements.filter((element) => element.group === "edges")
      .map((element) => element.data.id);
    expect(edgeIds.sort()).toEqual(["1-INSTALLED_IN-2", "2-EXPOSES-3"]);
  });

  it("adds a band per generation and a heading per column (for the PNG: on screen they are HTML), which can be left out", () => {
    const decorations = radiusPicture(radius).elements.flatMap((element) => ("decoration" in element.data ? [element.data] : []));
    expect(decorations.map((data) => data.label)).toEqual(["Original compromise", "Compromise (1)", "Runs in (1)", "Secrets (1)"]);
    expect(decorations.filter((data) => data.decoration === "heading").every((data) => data.printOnly)).toBe(true);
    expect(radiusPicture(radius, { decorations: false }).elements.some((element) => "decoration" in element.data)).toBe(false);
  });
});

describe("radiusPicture timing", () => {
  const withNextResolve: Pick<TRadiusResult, "nodes" | "edges" | "source"> = {
    ...radius,
    nodes: [
      ...radius.nodes,
      {
        id: 4,
        key: "context:acme/docs/ci.yml/build",
        kind: "context",
        name: "docs build",
        hops: 1,
        generation: 0,
        timing: "next-resolve",
        exposure: "runtime",
        path: [{ kind: "RANGE_ADMITS", from: 1, to: 4, exposure: "runtime", attributes: { range: "^5.0.0" } }],
      },
      {
        id: 5,
        key: "identity:github-token:acme/web/ci.yml/build",
        kind: "identity",
        name: "GITHUB_TOKEN",
        hops: 2,
        generation: 0,
        timing: "now",
        assumed: true,
        exposure: "install",
        path: [
          { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" },
          { kind: "TRIGGERS", from: 2, to: 5, attributes: { assumed: true } },
        ],
      },
    ],
  };
  const nodeData = (id: string) =>
    radiusPicture(withNextResolve).elements.find((element) => element.group === "nodes" && element.data.id === id)!.data as {
      nextResolve: boolean;
      restsOnAssumption: boolean;
    };

  it("marks a node reached only on the next resolve, and only that one, so the style draws it hollow", () => {
    expect(nodeData("4")).toMatchObject({ nextResolve: true, restsOnAssumption: false });
    expect(nodeData("2")).toMatchObject({ nextResolve: false });
    expect(nodeData("1")).toMatchObject({ nextResolve: false });
  });

  it("draws next-resolve nodes hollow on both renderers, not by a dash the WebGL renderer would drop", () => {
    for (const webgl of [false, true]) {
      const rule = graphStylesheet({ webgl, large: false }).find((style) => style.selector === "node[?nextResolve]")!;
      const style = rule.style as Record<string, unknown>;
      expect(style["background-opacity"]).toBeLessThan(0.5);
      expect(style["border-width"]).toBeGreaterThanOrEqual(3);
      if (webgl) expect(style["border-style"]).toBe("solid");
    }
  });

  it("marks a node whose path rests on an assumed write token", () => {
    expect(nodeData("5")).toMatchObject({ nextResolve: false, restsOnAssumption: true });
  });
});

describe("radiusPicture summaries", () => {
  // one job exposing 30 secrets: the secrets column is summarised
  const wide: Pick<TRadiusResult, "nodes" | "edges" | "source"> = {
    source: radius.source,
    nodes: [
      radius.nodes[0],
      radius.nodes[1],
      ...Array.from({ length: 30 }, (_, i) => ({
        id: 100 + i,
        key: `secret:acme/web:S${i}`,
        kind: "secret" as const,
        name: `S${i}`,
        hops: 2,
        generation: 0,
        timing: "now" as const,
        exposure: "job" as const,
        path: [
          { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" as const },
          { kind: "EXPOSES", from: 2, to: 100 + i, exposure: "job" as const },
        ],
      })),
    ],
    edges: [],
  };
  const domainNodes = (picture: ReturnType<typeof radiusPicture>) => picture.elements.filter((element) => element.group === "nodes" && "kind" in element.data);

  it("draws a long column as its first nodes plus a summary, with the folded edges merged and counted", () => {
    const picture = radiusPicture(wide);
    const summary = picture.elements.find((element) => element.data.id === "summary:0:secrets:secret")!;
    expect(summary.data).toMatchObject({ label: "22 secrets", count: 22, summary: true, kind: "secret" });
    expect(domainNodes(picture)).toHaveLength(2 + 8 + 1);
    // the heading counts the whole column, not the rows drawn
    expect(picture.layout.columns.find((column) => column.stage === "secrets")!.count).toBe(30);
    const merged = picture.elements.find((element) => element.group === "edges" && element.data.target === "summary:0:secrets:secret")!;
    expect(merged.data).toMatchObject({ source: "2", count: 22, exposure: "job" });
    // a path to a folded secret lights up its summary and the merged edge
    expect(drawnIds(picture, pathElementIds(wide.nodes[30].path, 128))).toEqual(["1", "2", "1-INSTALLED_IN-2", "summary:0:secrets:secret", merged.data.id]);
  });

  it("labels every node with how and when it is reached, and a summary with its counts", () => {
    const picture = radiusPicture(wide);
    const detail = (id: string) => (picture.elements.find((element) => element.data.id === id)!.data as { detail: string }).detail;
    expect(detail("1")).toBe("compromised");
    expect(detail("100")).toBe("job · now");
    expect(detail("summary:0:secrets:secret")).toBe("22 job\nall now");
  });

  it("redraws with a summary expanded: every member drawn, no summary, nothing merged", () => {
    const expanded = redrawRadiusPicture(radiusPicture(wide), new Set(["summary:0:secrets:secret"]));
    expect(domainNodes(expanded)).toHaveLength(32);
    expect(expanded.summaries).toEqual([]);
    expect(expanded.elements.some((element) => element.data.id.startsWith("merged:"))).toBe(false);
  });

  it("can draw every node one by one", () => {
    expect(domainNodes(radiusPicture(wide, { summariseAbove: Number.POSITIVE_INFINITY }))).toHaveLength(32);
  });
});

describe("pathElementIds", () => {
  it("lists the nodes and edges along a path", () => {
    expect(pathElementIds(radius.nodes[2].path, 3)).toEqual(["1", "2", "1-INSTALLED_IN-2", "3", "2-EXPOSES-3"]);
  });
});
