// npm run bench: runs every bench/*.bench.ts (or those named on the command line), prints their
// figures and merges them into bench/results.json, one section per bench file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface BenchModule {
  /** Runs the measurements, printing as it goes; returns the figures to store. */
  run(args: string[]): Promise<Record<string, unknown>>;
}

const dir = path.dirname(new URL(import.meta.url).pathname);
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".bench.ts"))
  // an exact bench name wins (`radius` must not also run `radius-render`); else a prefix
  .filter(
    (file, _, all) => wanted.length === 0 || wanted.some((name) => (all.includes(`${name}.bench.ts`) ? file === `${name}.bench.ts` : file.startsWith(name))),
  )
  .sort();
const resultsFile = path.join(dir, "results.json");
const results: Record<string, unknown> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};

for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, "");
  console.log(`\n### bench: ${name}`);
  const started = Date.now();
  // figures mean little without the conditions they were taken in
  const loadAverageAtStart = os.loadavg()[0];
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
  const figures = await mod.run(process.argv.slice(2));
  // re-read before writing: another bench run may have written its section meanwhile
  const latest: Record<string, unknown> = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : results;
  latest[name] = {
    ...figures,
    measuredAt: new Date().toISOString(),
    node: process.version,
    cores: os.cpus().length,
    loadAverageAtStart,
    seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(resultsFile, `${JSON.stringify(latest, null, 2)}\n`);
}
console.log(`\nresults written to ${path.relative(process.cwd(), resultsFile)}`);
