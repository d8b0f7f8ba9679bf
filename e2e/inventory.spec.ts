import { expect, test, type Page } from "@playwright/test";
import { incidentFixture } from "./incident-fixture";

// Inventory and node pages on the demo organisation.

// Signed in as the demo admin by the setup project (e2e/auth.setup.ts, storageState).
const signIn = (page: Page, next: string) => page.goto(next);

test("browse, filter, sort and page the systems inventory, with the view in the URL", async ({ page }) => {
  await signIn(page, "/inventory/systems");
  await expect(page.getByRole("heading", { name: "Systems" })).toBeVisible();
  const table = page.getByTestId("inventory-table");
  await expect(table).toBeVisible();
  const total = Number((await page.getByTestId("inventory-total").textContent())!.replace(/,/g, ""));
  expect(total).toBeGreaterThan(0);
  await expect(page.getByTestId("inventory-row")).toHaveCount(Math.min(total, 25));
  await expect(page.getByRole("cell", { name: "npm-registry" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/inventory-systems.png", fullPage: true });

  // filter: critical systems only; every row says critical and the URL carries the filter
  // the box is controlled by the URL, so it is clicked and then read back
  await page.getByRole("checkbox", { name: "critical" }).click();
  await expect(page).toHaveURL(/criticality=critical/);
  await expect(page.getByRole("checkbox", { name: "critical" })).toBeChecked();
  // the table refetches after the URL changes: wait for the filtered rows, then read them
  const criticalityCells = page.getByTestId("inventory-row").locator("td:nth-child(3)");
  await expect.poll(async () => [...new Set(await criticalityCells.allTextContents())]).toEqual(["critical"]);
  const criticalities = await criticalityCells.allTextContents();
  expect(criticalities.length).toBeGreaterThan(0);

  // the link is the view: reloading it shows the same filter
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "critical" })).toBeChecked();
  await expect(page.getByTestId("inventory-row")).toHaveCount(criticalities.length);

  // a filter nothing matches shows the empty state, not an empty table
  await page.getByRole("checkbox", { name: "critical" }).click();
  await expect(page).not.toHaveURL(/criticality=/);
  await page.getByLabel("Search").fill("no-such-system-anywhere");
  await expect(page).toHaveURL(/q=no-such-system-anywhere/);
  await expect(page.getByTestId("inventory-empty")).toContainText("No systems match these filters");
  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page.getByTestId("inventory-row").first()).toBeVisible();

  // sort by name descending, toggled from the column header
  const ascending = await page.getByTestId("inventory-row").locator("td:first-child a").allTextContents();
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc|dir=desc/);
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");
  if (total <= 25) {
    // the whole list is on one page: descending is ascending reversed
    await expect(page.getByTestId("inventory-row").locator("td:first-child a")).toHaveText([...ascending].reverse());
  } else {
    await expect(page.getByTestId("inventory-row").first().locator("td:first-child a")).not.toHaveText(ascending[0]);
  }

  // pagination: the page size is in the URL and the range reads back
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page).toHaveURL(/pageSize=10/);
  await expect(page.getByTestId("inventory-row")).toHaveCount(Math.min(total, 10));
  await expect(page.getByTestId("inventory-range")).toHaveText(`1–${Math.min(total, 10)}`);
  if (total > 10) {
    await page.getByRole("button", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("inventory-range")).toHaveText(`11–${Math.min(total, 20)}`);
  }
});

test("an invalid filter in the address is explained, and the API answers 400 with the field", async ({ page }) => {
  await signIn(page, "/inventory/identities?sort=criticality");
  await expect(page.getByRole("alert").filter({ hasText: "invalid filters" })).toContainText("sort");
  const response = await page.request.get("/api/inventory/identities?lifetime=forever");
  expect(response.status()).toBe(400);
  expect((await response.json()).errors[0].path).toBe("lifetime");
});

test("every inventory kind renders its table or its empty state", async ({ page }) => {
  await signIn(page, "/inventory/identities");
  for (const [kind, label] of [
    ["identities", "Identities"],
    ["secrets", "Secrets"],
    ["packages", "Packages"],
    ["versions", "Package versions"],
    ["publishers", "Publishers"],
    ["contexts", "CI jobs & workstations"],
    ["runners", "Runners"],
    ["systems", "Systems"],
    ["actions", "Third-party actions"],
    ["advisories", "Advisories"],
  ] as const) {
    await page.goto(`/inventory/${kind}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(label);
    await expect(page.getByTestId("inventory-table").or(page.getByTestId("inventory-empty"))).toBeVisible();
  }
  await page.goto("/inventory/identities?lifetime=longLived");
  await expect(page.getByLabel("Lifetime")).toHaveValue("longLived");
  const lifetimes = await page.getByTestId("inventory-row").locator("td:nth-child(4)").allTextContents();
  // shown as words, not the stored enum value
  for (const lifetime of lifetimes) expect(lifetime).toBe("long-lived");
  await page.screenshot({ path: "test-results/screenshots/inventory-identities.png", fullPage: true });
});

test("open a node's page from the inventory and see attributes, provenance and the way onward", async ({ page }) => {
  await signIn(page, "/inventory/systems");
  await page.getByRole("link", { name: "npm-registry" }).first().click();
  await expect(page).toHaveURL(/\/nodes\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("npm-registry");
  await expect(page.getByTestId("node-key")).toHaveText("system:npm-registry");
  await expect(page.getByRole("table", { name: "Attributes" }).getByRole("rowheader", { name: "Criticality", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Provenance" })).toContainText("First imported");
  await expect(page.getByTestId("node-documents").getByRole("listitem").first()).toBeVisible();
  await expect(page.getByTestId("neighbour-group").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Blast radius from here/ })).toHaveAttribute("href", `/radius?ref=${encodeURIComponent("system:npm-registry")}`);
  await expect(page.getByRole("link", { name: "Explore graph" })).toHaveAttribute("href", /\/explore\?focus=\d+/);
  await page.screenshot({ path: "test-results/screenshots/node-detail.png", fullPage: true });
});

test("an unknown node id is a 404 page; the old /entity/ address of a node redirects to its page", async ({ page }) => {
  await signIn(page, "/inventory/systems");
  const moved = await page.goto("/entity/999999999");
  expect(new URL(page.url()).pathname).toBe("/nodes/999999999");
  expect(moved?.status()).toBe(404);
  const response = await page.goto("/nodes/999999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such node" })).toBeVisible();
  const garbage = await page.goto("/nodes/not-a-number");
  expect(garbage?.status()).toBe(404);
  await page.screenshot({ path: "test-results/screenshots/node-not-found.png" });
});

test("stored values read as words: attribute names and enum values", async ({ page }) => {
  await signIn(page, "/inventory/identities");
  // the type filter offers every identity kind in words
  await expect(page.locator("option", { hasText: "CI service account" })).toHaveCount(1);
  await expect(page.locator('option[value="ciServiceAccount"]')).toHaveText("CI service account");
  await expect(page.getByTestId("inventory-table")).not.toContainText(/longLived|shortLived|registryPublishToken/);

  await signIn(page, "/inventory/versions");
  await page.getByTestId("inventory-row").first().locator("td:first-child a").click();
  await expect(page).toHaveURL(/\/nodes\/\d+$/);
  const attribute = page.getByRole("table", { name: "Attributes" }).getByRole("rowheader", { name: "Has install script", exact: true });
  await expect(attribute).toBeVisible();
  await expect(attribute).toHaveCSS("text-transform", "none");
  await expect(page.getByRole("table", { name: "Attributes" })).not.toContainText("hasInstallScript");
});

test("a compromised node offers no 'Mark as compromised'; a clean one does", async ({ page }) => {
  const stamp = `mark-${Date.now().toString(36)}`;
  const fixture = incidentFixture(stamp);
  expect((await page.request.post("/api/import", { data: { files: fixture.files } })).status()).toBe(200);
  await signIn(page, `/inventory/versions?q=${encodeURIComponent(`e2e-evil-${stamp}`)}`);
  await page.getByRole("link", { name: `e2e-evil-${stamp}@1.0.0` }).click();
  await expect(page.getByRole("heading", { level: 1 }).locator(".badge-danger", { hasText: "compromised" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Blast radius from here/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Mark as compromised/ })).toHaveCount(0);

  await signIn(page, "/inventory/systems");
  await page.getByRole("link", { name: "npm-registry" }).first().click();
  await expect(page.getByRole("button", { name: /Mark as compromised/ })).toBeVisible();
});
