import { expect, test as setup } from "@playwright/test";
import { ADMIN_STORAGE_STATE } from "../playwright.config";

// Signs in as the demo admin that `blastmap start` created with the password the config chose,
// and saves the session for every other spec.
setup("sign in as the demo admin", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@demo.blastmap");
  await page.getByLabel("Password").fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toHaveText("admin@demo.blastmap");
  await page.context().storageState({ path: ADMIN_STORAGE_STATE });
});
