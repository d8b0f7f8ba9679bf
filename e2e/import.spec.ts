import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The Import page: upload a real workflow and its lockfile and read the summary; upload a file
// holding a live-looking credential and see it refused with only a redacted prefix shown.

const REAL = path.resolve(process.cwd(), "../shared/fixtures/real");
const fixture = (relative: string) => readFileSync(path.join(REAL, relative));

test("importing a workflow and its lockfile shows what each format created", async ({ page }) => {
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toBeVisible();
  await page.getByLabel("Files or a .zip").setInputFiles([
    { name: "publish-npm.yml", mimeType: "application/yaml", buffer: fixture("workflows/openai__openai-node/publish-npm.yml") },
    { name: "package-lock.json", mimeType: "application/json", buffer: fixture("lockfiles/openai__openai-node/package-lock.json") },
  ]);
  await page.getByLabel("Repository (owner/name, optional)").fill("openai-e2e/openai-node");
  await page.getByRole("button", { name: "Import 2 files" }).click();

  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible();
  await expect(page.getByTestId("import-message")).toContainText("imported 2 files");
  const workflow = page.getByTestId("import-format-workflow");
  await expect(workflow.locator("td").nth(0)).toHaveText("1");
  await expect(workflow.locator("td").nth(1)).not.toHaveText("0");
  const lockfile = page.getByTestId("import-format-npm-lockfile");
  await expect(lockfile.locator("td").nth(0)).toHaveText("1");
  expect(Number(await lockfile.locator("td").nth(1).textContent())).toBeGreaterThan(400);
  await page.screenshot({ path: "test-results/screenshots/import-summary.png", fullPage: true });

  // The same files again: nothing changes, and the page says so.
  await page.getByRole("button", { name: "Import 2 files" }).click();
  await expect(page.getByTestId("import-message")).toContainText("nothing changed");
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
