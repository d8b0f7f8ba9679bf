// npm run bench -- radius-page [--big-identities 20000] [--runs 5] [--dist .next]
//
// The radius page as an incident commander opens it: the production server on 127.0.0.1 over a
// fresh database (PGlite, or PostgreSQL when DATABASE_URL is set) with the demo organisation and a
// big one, headless Chromium signed in as the demo admin, and the clock from navigation to the
// picture's first ready frame (the canvas's data-ready, set once the layout is drawn and framed at a
// readable zoom). Two radii: the demo advisory, and the big organisation's compromised package
// (~2 × big-identities nodes, of which the page loads the first 500 and draws them summarised).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_ADMIN_EMAIL } from "@/lib/data/users/create-demo-admin";
import { median, numberOption, round, stringOption } from "./bench-kit";
import { BIG_SOURCE, freePort, prepare, startServer, stopServer, waitForHealth } from "./load.bench";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const bigIdentities = Math.min(numberOption(args, "big-identities", 20_000), 200_000);
  const runs = Math.min(numberOption(args, "runs", 5), 20);
  const distDir = stringOption(args, "dist", process.env.BLASTMAP_DIST_DIR ?? ".next");
  if (!existsSync(path.join(ROOT, distDir, "BUILD_ID"))) throw new Error(`no production build in ${distDir}: run \`npm run build\` (or pass --dist) first`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "blastmap-radius-page-"));
  const password = randomBytes(18).toString("base64url");
  const prepared = await prepare(path.join(dataDir, "data"), bigIdentities, password);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port, prepared, path.join(dataDir, "data"), distDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await waitForHealth(base, server);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
    const signIn = await context.newPage();
    await signIn.goto("/sign-in");
    await signIn.getByLabel("Email").fill(DEMO_ADMIN_EMAIL);
    await signIn.getByLabel("Password").fill(password);
    await signIn.getByRole("button", { name: "Sign in", exact: true }).click();
    await signIn.getByTestId("current-user").waitFor();
    await signIn.close();

    const figures: Record<string, unknown> = { database: prepared.label, bigIdentities, runs };
    for (const [name, query] of [
      ["demoAdvisory", "advisory=ACME-2026-0001"],
      ["bigRadius", `ref=${encodeURIComponent(BIG_SOURCE)}`],
    ] as const) {
      // the first visit warms the server (graph load, route compilation); it is not counted
      const times: number[] = [];
      let elements = 0;
      for (let i = 0; i <= runs; i++) {
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`/radius?${query}`);
        const canvas = page.locator('[data-testid="graph-canvas"][data-ready="true"]');
        await canvas.waitFor({ timeout: 120_000 });
        if (i > 0) times.push(performance.now() - started);
        elements = Number(await canvas.getAttribute("data-elements"));
        await page.close();
      }
      const row = { medianMs: round(median(times), 0), minMs: round(Math.min(...times), 0), maxMs: round(Math.max(...times), 0), elementsDrawn: elements };
      console.log(`${name}: navigation → readable picture median ${row.medianMs} ms (min ${row.minMs}, max ${row.maxMs}); ${elements} elements drawn`);
      figures[name] = row;
    }
    return figures;
  } finally {
    await browser.close();
    await stopServer(server);
    await prepared.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
