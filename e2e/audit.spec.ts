import { expect, test } from "@playwright/test";

// The audit log is read by auditors a page at a time: it says how many events match and where the
// page sits among them, pages on past the first screenful, and keeps the page size in the URL.

test("the audit log pages through every matching event, showing the total", async ({ page }, testInfo) => {
  // 30 evidence exports, each audited, give a filter with more events than one page of 25.
  for (let i = 0; i < 30; i++) expect((await page.request.get("/api/compliance/owasp-nhi/evidence?format=json")).status()).toBe(200);
  const exports = await page.request.get("/api/audit?action=compliance.export&limit=1");
  const total = Number(exports.headers()["x-total-count"]);
  expect(total).toBeGreaterThanOrEqual(30);
  expect(exports.headers().link).toMatch(/<\/api\/audit\?[^>]*before=\d+[^>]*>; rel="next"/);

  await page.goto("/audit?action=compliance.export");
  await page.getByLabel("Per page").selectOption("25");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/limit=25/);
  const position = page.getByTestId("audit-position").first();
  await expect(position).toHaveText(`Events 1–25 of ${total}`);
  await expect(page.getByRole("table", { name: "Audit events" }).locator("tbody tr")).toHaveCount(25);

  await page.getByRole("link", { name: "Older →" }).first().click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(page).toHaveURL(/limit=25/);
  await expect(position).toHaveText(`Events 26–${Math.min(50, total)} of ${total}`);
  await expect(page.getByLabel("Per page")).toHaveValue("25");
  await page.screenshot({ path: testInfo.outputPath("audit-page-2.png"), fullPage: true });

  await page.getByRole("link", { name: "← Newer" }).first().click();
  await expect(position).toHaveText(`Events 1–25 of ${total}`);
  await expect(page.getByText("← Newer").first()).toHaveAttribute("aria-disabled", "true");
});

test("a page size the audit log does not offer is refused with the sizes it does", async ({ page }) => {
  await page.goto("/audit?limit=7");
  await expect(page.locator(".error-box")).toHaveText("limit: must be one of 25, 50, 100, 200, 500");
});
