import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADVISORY, mainPages, settle } from "./main-pages";

// A phone (the `phone` project: 390 CSS pixels wide, touch). Nothing may scroll the page sideways,
// the navigation folds behind a Menu button, and the blast radius shows its picture first.

const ADMIN = "admin@demo.blastmap";

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("no main page scrolls sideways on a phone", async ({ page }) => {
  test.setTimeout(300_000);
  const viewport = page.viewportSize()!.width;
  for (const { name, path } of await mainPages(page)) {
    await test.step(name, async () => {
      await page.goto(path);
      await settle(page);
      // soft: one run reports every page that is too wide, not just the first
      expect.soft(await pageWidth(page), `${name} (${path}) is wider than the screen`).toBeLessThanOrEqual(viewport);
      await page.screenshot({ path: `test-results/screenshots/phone-${name.replace(/ /g, "-")}.png`, fullPage: true });
    });
  }
});

test("the Menu button opens the navigation by touch and keyboard, says so, and closes on the way to another page", async ({ page }) => {
  await page.goto("/findings");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  // the header is one row: brand and button, nothing pushed off the screen
  expect((await page.locator(".shell-header").boundingBox())!.height).toBeLessThan(70);

  await menu.tap();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(`#${await menu.getAttribute("aria-controls")}`)).toBeVisible();
  await expect(nav.getByRole("link", { name: "Findings" })).toHaveAttribute("aria-current", "page");
  // every destination and the account are on the screen, none beyond its edge
  for (const link of await nav.getByRole("link").all()) await expect(link).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("current-user")).toHaveText(ADMIN);
  expect(await pageWidth(page)).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.screenshot({ path: "test-results/screenshots/phone-menu-open.png" });

  // Escape closes it and gives the focus back to the button, which Enter opens again
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  // the panel follows the button in the tab order
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link").first()).toBeFocused();

  // following a link lands on the page with the menu closed
  await nav.getByRole("link", { name: "Audit log" }).tap();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
});

test("on the blast radius the picture comes first, on the first screen", async ({ page }) => {
  await page.goto(`/radius?advisory=${DEMO_ADVISORY}`);
  await expect(page.getByTestId("radius-source")).toContainText(DEMO_ADVISORY);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  const box = (await canvas.boundingBox())!;
  const screen = page.viewportSize()!;
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // at least 300 px of the picture show before any scrolling (the source search and figures come after)
  expect(box.y + 300, `the picture starts at ${Math.round(box.y)} px`).toBeLessThanOrEqual(screen.height);
  expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
  // the rest of the page is still there below it
  await expect(page.getByRole("heading", { name: "Rotation plan" })).toBeAttached();
  expect((await page.getByTestId("radius-search").boundingBox())!.y).toBeGreaterThan(box.y);
  await page.screenshot({ path: "test-results/screenshots/phone-radius.png" });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page fits a phone, and a phone user signs out through the menu", async ({ page }) => {
    await page.goto("/sign-in");
    expect(await pageWidth(page)).toBeLessThanOrEqual(page.viewportSize()!.width);
    // signed out there is nothing to navigate to: no Menu button
    await expect(page.getByRole("button", { name: "Menu" })).toHaveCount(0);
    await page.getByLabel("Email").fill(ADMIN);
    await page.getByLabel("Password").fill(process.env.E2E_ADMIN_PASSWORD!);
    await page.getByRole("button", { name: "Sign in", exact: true }).tap();
    await expect(page).not.toHaveURL(/\/sign-in/);

    await page.getByRole("button", { name: "Menu" }).tap();
    await page.getByRole("button", { name: "Sign out" }).tap();
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
