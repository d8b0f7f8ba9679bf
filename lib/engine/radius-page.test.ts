import { describe, expect, it } from "vitest";
import { ZRadiusPage, type TRadiusInput, type TRadiusPage } from "@/lib/schemas/radius";
import { blastRadius, blastRadiusPageJson } from "./blast-radius";
import type { EngineGraph } from "./graph";
import { tinyGraph } from "./tiny-graph";

// A radius too big for one page: a package installed by many jobs, each exposing its own token,
// and, deep behind the last job, a deploy key to a critical database. The critical path must come
// first whatever the walk order, and the pages together must be the complete answer.
function wideGraph(jobs = 40, version = 1): EngineGraph {
  const nodes: Parameters<typeof tinyGraph>[0] = [["pkg:npm/evil@1.0.0", { hasInstallScript: true }], "pkg:npm/evil"];
  const edges: Parameters<typeof tinyGraph>[1] = [["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"]];
  for (let j = 0; j < jobs; j++) {
    const job = `context:acme/svc-${String(j).padStart(2, "0")}/ci.yml/test`;
    nodes.push([job, { repo: `acme/svc-${j}` }], `secret:acme/svc-${j}:CODECOV_TOKEN`);
    edges.push(["INSTALLED_IN", "pkg:npm/evil@1.0.0", job], ["EXPOSES", job, `secret:acme/svc-${j}:CODECOV_TOKEN`, { exposure: "install" }]);
  }
  const last = `context:acme/svc-${jobs - 1}/ci.yml/test`;
  nodes.push(
    "secret:acme/svc-last:DEPLOY_KEY",
    ["identity:deployer", { lifetime: "longLived", identityKind: "cloudRole" }],
    ["system:prod-db", { criticality: "critical" }],
  );
  edges.push(
    ["EXPOSES", last, "secret:acme/svc-last:DEPLOY_KEY", { exposure: "job" }],
    ["AUTHENTICATES_AS", "secret:acme/svc-last:DEPLOY_KEY", "identity:deployer"],
    ["CAN_ACCESS", "identity:deployer", "system:prod-db", { privilege: "admin" }],
  );
  return tinyGraph(nodes, edges, version);
}

const question: TRadiusInput = { refs: ["pkg:npm/evil@1.0.0"], advisories: [], maxHops: null, exposures: [], whatIf: [], timings: [] };

function page(graph: EngineGraph, limit: number, cursor: string | null = null, includePaths = false, input = question): TRadiusPage {
  const answer = blastRadiusPageJson(graph, input, { limit, cursor, includePaths, rotationRows: 3 });
  if (!answer.ok) throw new Error("cursor" in answer ? answer.cursor.message : answer.errors[0].message);
  return ZRadiusPage.parse(JSON.parse([...answer.result].join("")));
}

describe("blast radius in pages", () => {
  it("puts the path to a critical system first, every node after its parent", () => {
    const first = page(wideGraph(), 8);
    const keys = first.nodes.map((node) => node.key);
    expect(keys.slice(0, 6)).toEqual([
      "pkg:npm/evil@1.0.0",
      "context:acme/svc-39/ci.yml/test",
      "secret:acme/svc-last:DEPLOY_KEY",
      "identity:deployer",
      "system:prod-db",
      expect.any(String),
    ]);
    expect(first.page).toMatchObject({ offset: 0, limit: 8, returned: 8, truncated: true, total: first.summary.total });
    expect(first.page.rotationPlanTotal).toBeGreaterThan(3);
    expect(first.rotationPlan).toHaveLength(3);
    // no path unless asked for: each node's parent step is an edge of the page
    expect(first.nodes.every((node) => node.path === undefined)).toBe(true);
    const ids = new Set(first.nodes.map((node) => node.id));
    for (const edge of first.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    expect(first.edges).toHaveLength(first.nodes.length - 1);
  });

  it("pages through the complete answer: same nodes, none twice, each page's parents already sent", () => {
    const graph = wideGraph();
    const complete = blastRadius(graph, question);
    if (!complete.ok) throw new Error("no answer");
    const seen = new Map<number, number>();
    const parentOf = new Map(complete.result.edges.map((edge) => [edge.to, edge.from]));
    let cursor: string | null = null;
    let pages = 0;
    do {
      const current: TRadiusPage = page(graph, 7, cursor);
      expect(current.summary).toEqual(complete.result.summary);
      for (const node of current.nodes) {
        expect(seen.has(node.id)).toBe(false);
        const parent = parentOf.get(node.id);
        if (parent !== undefined) expect(seen.has(parent) || current.nodes.some((other) => other.id === parent)).toBe(true);
        seen.set(node.id, pages);
      }
      expect(current.page.truncated).toBe(current.page.nextCursor !== null);
      cursor = current.page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(Math.ceil(complete.result.nodes.length / 7));
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(complete.result.nodes.map((node) => node.id).sort((a, b) => a - b));
  });

  it("spells out the paths of a page when asked, the same as the complete answer", () => {
    const graph = wideGraph();
    const complete = blastRadius(graph, question);
    if (!complete.ok) throw new Error("no answer");
    const paths = new Map(complete.result.nodes.map((node) => [node.key, node.path]));
    for (const node of page(graph, 10, null, true).nodes) expect(node.path).toEqual(paths.get(node.key));
  });

  it("keeps recent questions apart: the same graph asked two ways answers each its own", () => {
    const graph = wideGraph();
    const all = page(graph, 5);
    const near = page(graph, 5, null, false, { ...question, maxHops: 1 });
    const again = page(graph, 5);
    expect(near.summary.total).toBeLessThan(all.summary.total);
    expect(again).toEqual(all);
    expect(page(graph, 5, near.page.nextCursor, false, { ...question, maxHops: 1 }).nodes.every((node) => node.hops <= 1)).toBe(true);
  });

  it("refuses a cursor from another question, and says when the graph changed since the first page", () => {
    const cursor = page(wideGraph(), 5).page.nextCursor!;
    expect(() => page(wideGraph(), 5, cursor, false, { ...question, maxHops: 2 })).toThrow(/another question/);
    expect(() => page(wideGraph(40, 2), 5, cursor)).toThrow(/graph changed since the first page \(version 1, now 2\)/);
    expect(() => page(wideGraph(), 5, "1.5.zz';--")).toThrow(/not one this server gave out/);
    const stale = blastRadiusPageJson(wideGraph(40, 2), question, { limit: 5, cursor, includePaths: false, rotationRows: 3 });
    expect(!stale.ok && "cursor" in stale && stale.cursor.stale).toBe(true);
  });
});
