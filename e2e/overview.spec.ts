import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInContext } from "./sign-in";

test("the Overview shows the demo organisation's counts read from the database", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.ok()).toBe(true);
  expect((await health.json()).database.kind).toBe("pglite");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("count-system")).not.toHaveText("0");
  await page.screenshot({ path: "test-results/screenshots/overview.png", fullPage: true });
});

test("only an admin sees where the server keeps its database", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page.getByTestId("overview-meta")).toContainText("PGlite");

  const email = `viewer-${Date.now()}@example.test`;
  const password = randomBytes(18).toString("base64url");
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByLabel("Password (empty: generate one)").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`Created ${email}`);

  const viewer = await signedInContext(browser, email, password);
  const viewerPage = await viewer.newPage();
  await viewerPage.goto("/");
  await expect(viewerPage.getByTestId("overview-meta")).toContainText("graph version");
  await expect(viewerPage.getByTestId("overview-meta")).not.toContainText(/PGlite|PostgreSQL|\/|\.blastmap/);
  expect(await viewerPage.content()).not.toContain(".blastmap/");
  await viewer.close();
});

test("pages have an icon: no request for one ends in a 404", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  const href = (await icon.getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  // the browser asks for the icon after the load; give it the moment it takes
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});
