// npm run bench radius-render — time to the first readable render of a 2,000-element blast radius
// in headless Chromium (and of a 24,000-node one, folded under 2,000 elements): build the elements
// as the page does (every loaded node, long columns and big bands folded into groups) with the
// layered preset layout (lib/graph-view), hand them to Cytoscape with the canvas's own options and
// stylesheet (components/graph/cytoscape-options.ts), frame them as the canvas does (never below
// the readable zoom) and stop the clock at the first painted frame; then report the zoom and the smallest label size. Fresh page per run; median
// of several runs. The canvas renderer only: the app uses WebGL only above 2,000 elements and only
// on a hardware GPU, which this machine lacks (on SwiftShader's software GL, WebGL is far slower:
// see bench explorer-render).
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { NODE_KINDS, type TNodeKind } from "@/lib/schemas/graph-facts";
import type { TPathStep, TRadiusResult, TReachedNode } from "@/lib/schemas/radius";
import { median, round } from "./bench-kit";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const RUNS = 7;

/** A synthetic radius shaped like a worm outbreak: ~1,000 nodes and ~1,000 edges = 2,000 elements. */
export function syntheticRadius(targetElements = 2000): TRadiusResult {
  const nodes: TReachedNode[] = [];
  const edges: TRadiusResult["edges"] = [];
  let nextId = 1;
  const add = (kind: TNodeKind, parent: TReachedNode | null, edgeKind: string, generation: number, exposure: TReachedNode["exposure"] = null): TReachedNode => {
    const id = nextId++;
    const step: TPathStep | null = parent ? { kind: edgeKind, from: parent.id, to: id, exposure } : null;
    const node: TReachedNode = {
      id,
      key: `${kind}:bench-${id}`,
      kind,
      name: `${kind}-${id}`,
      hops: parent ? parent.hops + 1 : 0,
      generation,
      exposure: parent ? (exposure ?? parent.exposure) : null,
      path: parent && step ? [...parent.path, step] : [],
      timing: "now",
    };
    nodes.push(node);
    if (step) edges.push({ kind: step.kind, from: step.from, to: step.to, exposure });
    return node;
  };
  const source = add("packageVersion", null, "", 0);
  const half = targetElements / 2;
  let generation = 0;
  let roots = [source];
  while (nodes.length + edges.length < targetElements) {
    const next: TReachedNode[] = [];
    for (const root of roots) {
      for (let c = 0; c < 6 && nodes.length + edges.length < targetElements; c++) {
        const context = add("context", root, generation === 0 || c > 0 ? "INSTALLED_IN" : "WORM_REPUBLISH", generation, "install");
        for (let s = 0; s < 3 && nodes.length + edges.length < targetElements; s++) {
          const secret = add("secret", context, "EXPOSES", generation, s === 0 ? "install" : "job");
          const identity = add("identity", secret, "AUTHENTICATES_AS", generation);
          add("system", identity, "CAN_ACCESS", generation);
          if (s === 0 && nodes.length + edges.length < half * (generation + 1)) next.push(add("package", identity, "CAN_PUBLISH", generation));
        }
      }
    }
    generation++;
    roots = next.slice(0, 40).map((pkg) => ({ ...pkg, generation }));
    if (roots.length === 0) roots = [source];
  }
  // a few cross edges, as real radii have (two jobs exposing one shared org secret)
  const secrets = nodes.filter((node) => node.kind === "secret");
  const contexts = nodes.filter((node) => node.kind === "context");
  for (let i = 0; edges.length + nodes.length < targetElements + 40 && i < secrets.length; i += 7)
    edges.push({ kind: "EXPOSES", from: contexts[(i * 3) % contexts.length].id, to: secrets[i].id, exposure: "job" });
  const counts = Object.fromEntries(NODE_KINDS.map((kind) => [kind, nodes.filter((node) => node.kind === kind).length]));
  return {
    source: { refs: [source.key], nodes: [{ id: source.id, key: source.key, kind: source.kind, name: source.name }], description: source.name },
    options: { maxHops: null, exposures: [], whatIf: [], timings: [] },
    graphVersion: 1,
    summary: {
      countsByKind: counts as TRadiusResult["summary"]["countsByKind"],
      systemsByCriticality: { low: 0, medium: 0, high: 0, critical: 0 },
      republishablePackages: [],
      longLivedIdentities: [],
      maxGeneration: Math.max(...nodes.map((node) => node.generation)),
      total: nodes.length,
      now: nodes.length,
      nowCredentials: nodes.filter((node) => node.kind === "secret" || node.kind === "identity").length,
    },
    nodes,
    edges,
    rotationPlan: [],
    pinnedNotReached: [],
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const bundle = await build({
    entryPoints: [path.join(root, "bench/radius-render/entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    minify: true,
    alias: { "@": root },
    logLevel: "error",
  });
  const script = bundle.outputFiles[0].text;
  const radius = syntheticRadius(2000);
  // issue 14: a radius of ~24,000 nodes, every one loaded; the picture must stay under 2,000 elements
  const outbreak = syntheticRadius(48_000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const figures: Record<string, unknown> = {
    elements: radius.nodes.length + radius.edges.length,
    nodes: radius.nodes.length,
    edges: radius.edges.length,
    runs: RUNS,
    outbreakNodes: outbreak.nodes.length,
    loadAverage: (await import("node:os")).loadavg()[0],
  };
  try {
    // "page": what the blast-radius page draws (long columns and big bands folded into groups);
    // "everyNode": every node one by one, as before issue 13, for comparison; "outbreak": what
    // the page draws of a radius twelve times bigger, all of it loaded
    for (const variant of ["page", "everyNode", "outbreak"] as const) {
      const input = variant === "outbreak" ? outbreak : radius;
      const times: number[] = [];
      const pictureTimes: number[] = [];
      let last: Awaited<ReturnType<Window["renderRadius"]>> | null = null;
      for (let i = 0; i < RUNS + 1; i++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.setContent(
          `<!doctype html><html><body style="margin:0;background:#0f1419"><div id="cy" style="width:1100px;height:700px"></div></body></html>`,
        );
        await page.addScriptTag({ content: script });
        const result = await page.evaluate(([data, summarise]) => window.renderRadius(data, false, { summarise }), [input, variant !== "everyNode"] as const);
        if (i === RUNS && process.env.BENCH_SCREENSHOT) await page.screenshot({ path: `test-results/screenshots/bench-radius-${variant}.png` });
        await page.close();
        last = result;
        // the first run warms up the browser's JIT and font caches; it is not counted
        if (i === 0) continue;
        times.push(result.ms);
        pictureTimes.push(result.pictureMs);
      }
      const prefix = { page: "canvas", everyNode: "canvasEveryNode", outbreak: "canvasOutbreak" }[variant];
      figures[`${prefix}FirstRenderMsMedian`] = round(median(times));
      figures[`${prefix}FirstRenderMsRuns`] = times.map(round);
      figures[`${prefix}ElementsAndLayoutMsMedian`] = round(median(pictureTimes));
      figures[`${prefix}ElementsDrawn`] = last!.elements;
      figures[`${prefix}FirstViewZoom`] = round(last!.zoom, 2);
      figures[`${prefix}SmallestLabelPx`] = round(last!.labelPx);
      figures[`${prefix}LabelledNodesInView`] = last!.labelledInView;
      console.log(
        `${variant}: first render of ${last!.elements} elements, median ${round(median(times))} ms over ${RUNS} runs; elements+layout ${round(median(pictureTimes))} ms; ` +
          `first view at zoom ${round(last!.zoom, 2)}, labels ≥ ${round(last!.labelPx)} px, ${last!.labelledInView} labelled nodes in view`,
      );
    }
  } finally {
    await browser.close();
  }
  return figures;
}
