import { expect, test } from "@playwright/test";

test("the Overview shows the demo organisation's counts read from the database", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.ok()).toBe(true);
  expect((await health.json()).database.kind).toBe("pglite");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("count-system")).not.toHaveText("0");
  await page.screenshot({ path: "test-results/screenshots/overview.png", fullPage: true });
});
