import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// e2e runs against the production build (`blastmap start`) on a fresh embedded database with
// the demo organisation, in Debian's Chromium (Playwright cannot download its own here).
const port = Number(process.env.E2E_PORT ?? 3217);
const dataDir = process.env.E2E_DATA_DIR ?? `.blastmap/e2e-${port}`;
// The demo admin's password: random per data directory (kept beside it, so a reused data
// directory keeps working), set in the runner's environment, which the workers inherit.
const authDir = `${dataDir}-auth`;
/** Where the setup project saves the signed-in admin's cookies for every other spec. */
export const ADMIN_STORAGE_STATE = `${authDir}/admin.json`;
if (!process.env.E2E_ADMIN_PASSWORD) {
  const passwordFile = `${authDir}/admin-password`;
  if (!existsSync(passwordFile) || !existsSync(dataDir)) {
    mkdirSync(authDir, { recursive: true });
    writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  process.env.E2E_ADMIN_PASSWORD = readFileSync(passwordFile, "utf8");
}

const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "test-results/e2e-report" }], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    // Signs in as the demo admin once; every spec starts signed in (auth specs sign out on their own).
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { launchOptions: chromiumLaunch } },
    {
      name: "chromium",
      dependencies: ["setup"],
      testIgnore: /phone\.spec\.ts/,
      use: {
        ...devices["Desktop Chrome"],
        storageState: ADMIN_STORAGE_STATE,
        viewport: { width: 1440, height: 900 },
        launchOptions: chromiumLaunch,
      },
    },
    // A phone-sized window (an iPhone 12–15's 390 CSS pixels) with touch and the mobile viewport
    // meta honoured, for the layout checks in phone.spec.ts.
    {
      name: "phone",
      dependencies: ["setup"],
      testMatch: /phone\.spec\.ts/,
      use: {
        ...devices["Desktop Chrome"],
        storageState: ADMIN_STORAGE_STATE,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        launchOptions: chromiumLaunch,
      },
    },
  ],
  webServer: {
    command: `node bin/blastmap.mjs start --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      BLASTMAP_DATA_DIR: dataDir,
      BLASTMAP_DIST_DIR: process.env.BLASTMAP_DIST_DIR ?? ".next",
      DATABASE_URL: "",
      BLASTMAP_E2E: "1",
      BLASTMAP_DEMO_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      // blastmap start defaults it too; said here so no e2e run reports to Next.js's telemetry.
      NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
    },
  },
});
