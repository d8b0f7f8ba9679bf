import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { incidentFixture } from "./incident-fixture";

// The incident commander's journey: an imported OSV malicious-package advisory is raised on the
// Overview, opened as an incident, two secrets are rotated, the residual radius shrinks at once,
// and the report is exported as Markdown and as a print view.

test("open an incident from an advisory's radius, rotate two secrets, see the residual shrink, export the report", async ({ page }) => {
  const fixture = incidentFixture(Date.now().toString(36));
  const imported = await page.request.post("/api/import", { data: { files: fixture.files } });
  expect(imported.status(), await imported.text()).toBe(200);

  await page.goto("/");
  const alert = page.locator(`[data-advisory="${fixture.advisory}"]`);
  await expect(alert).toContainText("installed in 1 context");
  await expect(alert.getByRole("link", { name: "Open blast radius" })).toHaveAttribute("href", `/radius?advisory=${fixture.advisory}`);
  await alert.getByRole("link", { name: "Open incident" }).click();

  await expect(page).toHaveURL(new RegExp(`/incidents/new\\?advisory=${fixture.advisory}`));
  const form = page.getByRole("form", { name: "Open incident" });
  await expect(form.getByLabel("Advisories (one per line)")).toHaveValue(fixture.advisory);
  await form.getByLabel("Incident commander").fill("commander@example.test");
  await form.getByRole("button", { name: "Open incident" }).click();

  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  const incidentUrl = page.url();
  const original = Number(await page.getByTestId("original-Nodes reached").textContent());
  expect(original).toBeGreaterThanOrEqual(7);
  await expect(page.getByTestId("residual-Nodes reached")).toHaveText(String(original));
  await expect(page.getByRole("list", { name: "Response checklist" })).toContainText("2FA enforcement and recent account-recovery events");
  await expect(page.getByTestId("rotation-progress")).toContainText("0 of");

  const npmRow = page.locator(`tr[data-key="${fixture.npmTokenKey}"]`);
  await npmRow.getByRole("textbox").fill("revoked on npmjs.com, new granular token");
  await npmRow.getByRole("button", { name: "Mark revoked" }).click();
  await expect(npmRow.getByTestId("rotation-status")).toContainText("revoked by admin@demo.blastmap");
  const afterOne = Number(await page.getByTestId("residual-Nodes reached").textContent());
  expect(afterOne).toBeLessThan(original);

  const deployRow = page.locator(`tr[data-key="${fixture.deployKeyKey}"]`);
  await deployRow.getByRole("button", { name: "Mark rotated" }).click();
  await expect(deployRow.getByTestId("rotation-status")).toContainText("rotated by admin@demo.blastmap");
  await expect(page.getByTestId("residual-Critical systems")).toHaveText("0");
  const afterTwo = Number(await page.getByTestId("residual-Nodes reached").textContent());
  expect(afterTwo).toBeLessThan(afterOne);
  await expect(page.getByTestId("original-Nodes reached")).toHaveText(String(original));
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("rotated");
  await page.screenshot({ path: "test-results/screenshots/incident-detail.png", fullPage: true });

  await page.getByRole("button", { name: "Recompute against today's graph" }).click();
  await expect(page.getByTestId("recompute-diff")).toContainText("0 newly reached, 0 no longer reached");

  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-markdown").click();
  const download = await downloading;
  const markdown = readFileSync((await download.path())!, "utf8");
  expect(markdown).toMatch(/^# Incident #\d+: Compromise: /);
  expect(markdown).toContain(`| Nodes reached | ${original} | ${afterTwo} |`);
  expect(markdown).toContain("revoked on npmjs.com, new granular token");
  expect(markdown).toContain("## Response checklist");

  await page.goto(`${incidentUrl}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Incident #");
  await expect(page.getByRole("table").first()).toContainText(String(afterTwo));
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".shell-header")).toBeHidden();
  await page.screenshot({ path: "test-results/screenshots/incident-print.png", fullPage: true });
});

test("a rotation marked by mistake is undone after a confirmation, and the secret is pending again", async ({ page }) => {
  const fixture = incidentFixture(`undo-${Date.now().toString(36)}`);
  expect((await page.request.post("/api/import", { data: { files: fixture.files } })).status()).toBe(200);
  await page.goto(`/incidents/new?advisory=${fixture.advisory}`);
  await page.getByRole("form", { name: "Open incident" }).getByRole("button", { name: "Open incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  const original = await page.getByTestId("residual-Nodes reached").textContent();

  const row = page.locator(`tr[data-key="${fixture.deployKeyKey}"]`);
  await row.getByRole("button", { name: "Mark rotated" }).click();
  await expect(row.getByTestId("rotation-status")).toContainText("rotated by admin@demo.blastmap");
  await expect(row.getByRole("button", { name: "Mark rotated" })).toHaveCount(0);

  // Dismissing the confirmation changes nothing.
  page.once("dialog", (dialog) => dialog.dismiss());
  await row.getByRole("button", { name: "Undo rotated" }).click();
  await expect(row.getByTestId("rotation-status")).toContainText("rotated by admin@demo.blastmap");

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain('Undo "rotated"');
    void dialog.accept();
  });
  await row.getByRole("button", { name: "Undo rotated" }).click();
  await expect(row.getByTestId("rotation-status")).toHaveText("pending");
  await expect(row.getByRole("button", { name: "Mark rotated" })).toBeVisible();
  await expect(page.getByTestId("residual-Nodes reached")).toHaveText(original!);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("rotation undone");
});
