// npm run bench explorer-render — time to first render of a 5,000-element explorer view in
// headless Chromium: a synthetic neighbourhood (focus, hubs, leaves, cross edges) goes through
// the explorer's element mapping into the real <GraphCanvas> React component; the clock stops at
// the first painted frame after the layout. Fresh page per run, first run discarded as warm-up,
// median of the rest. Also the time from a zoom step to its painted frame (smoothness).
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import type { TNodeKind } from "@/lib/schemas/graph-facts";
import type { TGraphView, TGraphViewEdge, TGraphViewNode } from "@/lib/schemas/graph-view";
import { median, round } from "./bench-kit";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const RUNS = 5;
const RENDER_TIMEOUT_MS = 90_000;

/** ~2,000 nodes and ~3,000 edges: a focus job, 40 hubs, leaves of every kind, cross edges. */
export function syntheticNeighbourhood(targetElements = 5000): TGraphView {
  const nodes: TGraphViewNode[] = [];
  const edges: TGraphViewEdge[] = [];
  const kinds: TNodeKind[] = ["secret", "identity", "packageVersion", "system", "context", "runner", "package", "publisher"];
  const exposures = ["install", "job", "runner", "runtime", null] as const;
  const add = (kind: TNodeKind, name: string): TGraphViewNode => {
    const node: TGraphViewNode = { id: nodes.length + 1, kind, key: `${kind}:bench-${nodes.length + 1}`, name, compromised: nodes.length % 97 === 0, assumedCompromised: false, hiddenNeighbours: nodes.length % 13 === 0 ? 5 : 0 };
    nodes.push(node);
    return node;
  };
  const link = (from: TGraphViewNode, to: TGraphViewNode, i: number) =>
    edges.push({ id: edges.length + 1, kind: "EXPOSES", from: from.id, to: to.id, exposure: exposures[i % exposures.length], privilege: null });
  const focus = add("context", "acme/web ci build");
  const hubs = Array.from({ length: 40 }, (_, i) => add(kinds[i % kinds.length], `hub-${i}`));
  hubs.forEach((hub, i) => link(focus, hub, i));
  let i = 0;
  while (nodes.length + edges.length < targetElements * 0.8) {
    const hub = hubs[i % hubs.length];
    link(hub, add(kinds[(i * 7) % kinds.length], `leaf-${i}`), i);
    i++;
  }
  // cross edges between leaves, as real neighbourhoods share secrets and runners
  for (let j = 0; nodes.length + edges.length < targetElements; j++) {
    const from = nodes[41 + ((j * 31) % (nodes.length - 41))];
    const to = nodes[41 + ((j * 17 + 5) % (nodes.length - 41))];
    if (from !== to) link(from, to, j);
  }
  return { focusId: focus.id, nodes, edges, truncated: true };
}


export async function run(): Promise<Record<string, unknown>> {
  const bundle = await build({
    entryPoints: [path.join(root, "bench/explorer-render/entry.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    minify: true,
    jsx: "automatic",
    alias: { "@": root },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const script = bundle.outputFiles[0].text;
  const view = syntheticNeighbourhood(5000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // no --disable-gpu: WebGL needs SwiftShader's software GL in headless mode
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  const figures: Record<string, unknown> = { elements: view.nodes.length + view.edges.length, nodes: view.nodes.length, edges: view.edges.length, runs: RUNS };
  try {
    for (const renderer of ["auto", "canvas"] as const) {
      const times: number[] = [];
      const zoomFrames: number[] = [];
      let info: unknown = null;
      for (let i = 0; i < RUNS + 1; i++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.setContent(`<!doctype html><html><body style="margin:0;background:#0f1419"><div id="root"></div></body></html>`);
        await page.addScriptTag({ content: script });
        // the explorer asks for fcose; above its node budget the canvas falls back to breadthfirst
        let result;
        try {
          // SwiftShader's WebGL can also hang rather than crash: a render that never paints is a failure too
          result = await Promise.race([
            page.evaluate(([data, mode]) => window.renderExplorer(data, { renderer: mode, layout: "fcose" }), [view, renderer] as const),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no first render within ${RENDER_TIMEOUT_MS / 1000} s`)), RENDER_TIMEOUT_MS)),
          ]);
        } catch (error) {
          // headless Chromium's software WebGL (SwiftShader) can lose the page; record it, don't hide it
          figures[`${renderer === "auto" ? "webgl" : "canvas"}Error`] = error instanceof Error ? error.message.split("\n")[0] : String(error);
          console.log(`${renderer}: run ${i} failed: ${String(figures[`${renderer === "auto" ? "webgl" : "canvas"}Error`])}`);
          await page.close().catch(() => {});
          break;
        }
        if (i === RUNS && process.env.BENCH_SCREENSHOT) await page.screenshot({ path: `test-results/screenshots/bench-explorer-${renderer}.png` });
        await page.close();
        info = result.info;
        if (i === 0) continue;
        times.push(result.ms);
        zoomFrames.push(median(result.zoomFrameMs));
      }
      const name = renderer === "auto" ? "webgl" : "canvas";
      if (times.length === 0) continue;
      figures[`${name}FirstRenderMsMedian`] = round(median(times));
      figures[`${name}FirstRenderMsRuns`] = times.map(round);
      figures[`${name}ZoomFrameMsMedian`] = round(median(zoomFrames));
      figures[`${name}Layout`] = info;
      console.log(`${name}: first render of ${figures.elements} elements median ${round(median(times))} ms over ${RUNS} runs; zoom step to painted frame median ${round(median(zoomFrames))} ms; layout ${JSON.stringify(info)}`);
    }
  } finally {
    await browser.close();
  }
  return figures;
}
