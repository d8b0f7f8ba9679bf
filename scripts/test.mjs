// npm test: ESLint first (the layers of docs/ARCHITECTURE.md; seconds, so it fails fast), then unit
// and integration tests (PGlite, and PostgreSQL when DATABASE_URL is set), then Playwright e2e
// against the production build in system Chromium. Stops at the first failure and
// ends with one plain summary line over both runners.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const VITEST_REPORT = "test-results/vitest.json";
const PLAYWRIGHT_REPORT = "test-results/playwright.json";

function summary() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(VITEST_REPORT)) {
    const report = JSON.parse(readFileSync(VITEST_REPORT, "utf8"));
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (existsSync(PLAYWRIGHT_REPORT)) {
    const { stats } = JSON.parse(readFileSync(PLAYWRIGHT_REPORT, "utf8"));
    counts.passed += stats?.expected ?? 0;
    counts.failed += (stats?.unexpected ?? 0) + (stats?.flaky ?? 0);
    counts.skipped += stats?.skipped ?? 0;
  }
  return `tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`;
}

const run = (label, command, args, env = {}) => {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal})`);
    console.log(summary());
    process.exit(result.status || 1);
  }
};

const e2eDataDir = ".blastmap/e2e-test";
for (const stale of [e2eDataDir, `${e2eDataDir}-auth`, VITEST_REPORT, PLAYWRIGHT_REPORT]) rmSync(stale, { recursive: true, force: true });

run("lint (eslint)", "npx", ["eslint", "."]);
run("format (prettier --check)", "npx", ["prettier", "--check", "--log-level", "warn", "**/*.{ts,tsx,mjs,cjs,css}"]);
run("unit and integration tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`]);
run("end-to-end tests (playwright, system chromium)", "npx", ["playwright", "test"], { E2E_DATA_DIR: e2eDataDir });
console.log(`\n${summary()}`);
