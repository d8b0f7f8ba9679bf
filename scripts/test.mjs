// npm test: unit and integration tests (PGlite, and PostgreSQL when DATABASE_URL is set), then
// Playwright e2e against the production build in system Chromium. Stops at the first failure.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const run = (label, command, args, env = {}) => {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
};

const e2eDataDir = ".blastmap/e2e-test";
rmSync(e2eDataDir, { recursive: true, force: true });

run("unit and integration tests (vitest)", "npx", ["vitest", "run"]);
run("end-to-end tests (playwright, system chromium)", "npx", ["playwright", "test"], { E2E_DATA_DIR: e2eDataDir });
