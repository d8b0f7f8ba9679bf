import { expect, test } from "@playwright/test";

// The header on a wide screen: one row with every link and the account, no Menu button (the
// phone's folded header is phone.spec.ts).

test("on a wide screen the header shows the navigation and the account in one row, without a Menu button", async ({ page }) => {
  await page.goto("/inventory/secrets");
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveCount(11);
  for (const link of await nav.getByRole("link").all()) await expect(link).toBeInViewport({ ratio: 1 });
  await expect(nav.getByRole("link", { name: "Inventory" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  expect((await page.locator(".shell-header").boundingBox())!.height).toBeLessThan(70);
});
