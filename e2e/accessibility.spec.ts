import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { mainPages, settle } from "./main-pages";

// axe-core on every main page as the demo admin sees it, and on the sign-in page signed out. A
// serious or critical violation (contrast, a control without a name, a broken landmark) fails the
// run; moderate and minor ones are axe's best-practice advice and are left to judgement.

const BLOCKING = new Set(["serious", "critical"]);

/** The blocking violations on the page as it is now, one readable line per element. */
async function blockingViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.impact} ${violation.id} (${violation.help}) at ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`,
      ),
    );
}

test("no main page has a serious or critical accessibility violation", async ({ page }) => {
  test.setTimeout(300_000);
  for (const { name, path } of await mainPages(page)) {
    await test.step(name, async () => {
      await page.goto(path);
      await settle(page);
      // soft: one run lists every page's violations, not just the first page's
      expect.soft(await blockingViolations(page), `${name} (${path})`).toEqual([]);
    });
  }
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page has no serious or critical accessibility violation", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
  });
});
