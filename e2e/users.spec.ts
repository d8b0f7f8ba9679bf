import { expect, test } from "@playwright/test";

// Deleting a user signs them out for good, so the users page asks first.

test("deleting a user asks for confirmation, and nothing is deleted when it is declined", async ({ page }) => {
  const email = `leaver-${Date.now()}@example.test`;
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`Created ${email}`);
  const row = page.getByRole("row", { name: new RegExp(email) });

  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await row.getByRole("button", { name: `Delete ${email}` }).click();
  await expect.poll(() => asked).toContain(`Delete ${email}?`);
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(1);

  page.once("dialog", (dialog) => void dialog.accept());
  await page
    .getByRole("row", { name: new RegExp(email) })
    .getByRole("button", { name: `Delete ${email}` })
    .click();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
});
