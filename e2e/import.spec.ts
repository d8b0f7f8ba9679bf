import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The Import page: upload a workflow and its lockfile (the demo organisation's web-app, as a team's
// repository has them) and read the summary; upload a file holding a live-looking credential and see
// it refused with only a redacted prefix shown.

const WEB_APP = path.resolve(process.cwd(), "demo/acme/repos/web-app");
const fixture = (relative: string) => readFileSync(path.join(WEB_APP, relative));
const lockfileVersions = Object.keys(JSON.parse(fixture("package-lock.json").toString()).packages).filter((key) => key.startsWith("node_modules/")).length;

test("importing a workflow and its lockfile shows what each format created", async ({ page }) => {
  test.setTimeout(240_000);
  // A repository name of its own, so the import creates nodes even against a reused data directory.
  const repo = `e2e-${Date.now().toString(36)}/web-app`;
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toBeVisible();
  await page.getByLabel("Files or a .zip").setInputFiles([
    { name: "ci.yml", mimeType: "application/yaml", buffer: fixture(".github/workflows/ci.yml") },
    { name: "package-lock.json", mimeType: "application/json", buffer: fixture("package-lock.json") },
  ]);
  await page.getByLabel("Repository (owner/name, optional)").fill(repo);
  await page.getByRole("button", { name: "Import 2 files" }).click();

  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId("import-message")).toContainText("imported 2 files");
  const workflow = page.getByTestId("import-format-workflow");
  await expect(workflow.locator("td").nth(0)).toHaveText("1");
  await expect(workflow.locator("td").nth(1)).not.toHaveText("0");
  const lockfile = page.getByTestId("import-format-npm-lockfile");
  await expect(lockfile.locator("td").nth(0)).toHaveText("1");
  // Its package versions are stored (created, or already there from the demo) and each is linked to
  // both of the new repository's jobs that run `npm ci` by a new INSTALLED_IN edge.
  const cell = async (index: number) => Number(await lockfile.locator("td").nth(index).textContent());
  expect((await cell(1)) + (await cell(2)) + (await cell(3))).toBeGreaterThanOrEqual(lockfileVersions);
  expect(await cell(5)).toBeGreaterThanOrEqual(2 * lockfileVersions);
  await page.screenshot({ path: "test-results/screenshots/import-summary.png", fullPage: true });

  // The same files again: nothing changes, and the page says so.
  await page.getByRole("button", { name: "Import 2 files" }).click();
  await expect(page.getByTestId("import-message")).toContainText("nothing changed", { timeout: 120_000 });
});

test("a file holding a live-looking credential is refused and only a prefix is shown", async ({ page }) => {
  // Built at run time so no credential-shaped string is committed.
  const token = "npm_" + Array.from({ length: 36 }, (_, i) => "Zq7Xw3Kp9Lm2"[i % 12]).join("");
  const inventory = `{\n  "blastmapInventory": 1,\n  "organisation": "acme",\n  "secrets": [{ "name": "NPM_TOKEN", "type": "npm-token", "storedIn": "vault", "location": "${token}" }]\n}\n`;
  await page.goto("/import");
  await page.getByLabel("Files or a .zip").setInputFiles([{ name: "leaky-inventory.json", mimeType: "application/json", buffer: Buffer.from(inventory) }]);
  await page.getByRole("button", { name: "Import 1 file" }).click();

  await expect(page.getByRole("heading", { name: "Refused" })).toBeVisible();
  const errors = page.getByRole("table", { name: "Errors" });
  await expect(errors.getByRole("row").nth(1)).toContainText("leaky-inventory.json");
  await expect(errors.getByRole("row").nth(1)).toContainText("line 4");
  await expect(errors.getByRole("row").nth(1)).toContainText("looks like a live npm token (npm_Zq…)");
  await expect(page.locator("body")).not.toContainText(token.slice(0, 10));
  await page.screenshot({ path: "test-results/screenshots/import-refused.png", fullPage: true });
});
