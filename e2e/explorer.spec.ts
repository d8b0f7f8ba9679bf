import { expect, test, type Page } from "@playwright/test";

// Signed in as the demo admin by the setup project (e2e/auth.setup.ts, storageState).
const signIn = (page: Page, next: string) => page.goto(next);

test("search to focus, draw the neighbourhood, select a node and expand it", async ({ page }) => {
  await signIn(page, "/explore");
  await expect(page.getByTestId("explorer-empty")).toBeVisible();

  await page.getByTestId("explorer-search").fill("npm");
  await page.getByRole("listbox").getByRole("option").first().click();
  await expect(page).toHaveURL(/focus=\d+/);
  const focus = Number(new URL(page.url()).searchParams.get("focus"));

  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  const api = await (await page.request.get(`/api/graph/neighbourhood?focus=${focus}&limit=200`)).json();
  // what is drawn is what the API sent: the counts line and the canvas agree with it
  await expect(page.getByTestId("explorer-counts")).toHaveText(`${api.nodes.length} nodes · ${api.edges.length} edges`);
  await expect(canvas).toHaveAttribute("data-elements", String(api.nodes.length + api.edges.length));
  // the focus is selected and its details are in the side panel
  await expect(page.getByTestId("explorer-panel")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open details" })).toHaveAttribute("href", `/entity/${focus}`);
  await expect(page.getByRole("region", { name: "Legend" })).toContainText("install");

  // expand: the button carries the undrawn count; pressing it draws more (or says all are drawn)
  const expand = page.getByTestId("explorer-expand");
  const label = (await expand.textContent()) ?? "";
  if (/\+\d+/.test(label)) {
    await expand.click();
    await expect(page.getByTestId("explorer-expand")).toHaveText("All neighbours drawn");
  } else {
    await expect(expand).toBeDisabled();
  }

  // layouts: the layered one runs and reports itself
  await page.getByTestId("explorer-layout").selectOption("elk");
  await expect(page).toHaveURL(/layout=elk/);
  await expect(page.getByTestId("explorer-status")).toContainText("Layered (ELK)");
  await page.getByRole("button", { name: "Fit" }).click();
  await page.screenshot({ path: "test-results/screenshots/explorer.png", fullPage: true });
});

test("the explorer opened from an entity page focuses that entity; an unknown focus is explained", async ({ page }) => {
  await signIn(page, "/inventory/systems");
  await page.getByRole("link", { name: "npm-registry" }).first().click();
  await page.getByRole("link", { name: "Explore graph" }).click();
  await expect(page).toHaveURL(/\/explore\?focus=\d+/);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("explorer-panel")).toContainText("npm-registry");

  await page.goto("/explore?focus=999999999");
  await expect(page.getByRole("alert").filter({ hasText: "not in the graph" })).toBeVisible();
  const response = await page.request.get("/api/graph/neighbourhood?focus=abc");
  expect(response.status()).toBe(400);
});
