import { chromium } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { syntheticRadius } from "../radius-render.bench.ts";
const root = "/work/main";
const bundle = await build({ entryPoints: [path.join(root, "bench/radius-render/entry.ts")], bundle: true, write: false, format: "iife", platform: "browser", minify: true, alias: { "@": root }, logLevel: "error" });
const script = bundle.outputFiles[0].text;
const radius = syntheticRadius(2000);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const variant of ["full", "nodecor"]) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.setContent(`<div id="cy" style="width:1100px;height:700px"></div>`);
  await page.addScriptTag({ content: script });
  const data = variant === "nodecor" ? radius : radius;
  const t = Date.now();
  const r = await page.evaluate(([d]) => window.renderRadius(d as never, false), [data] as const);
  console.log(variant, r, Date.now() - t);
  await page.close();
}
await browser.close();
