import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { incidentFixture } from "./incident-fixture";
import { signedInContext } from "./sign-in";

// Auditors: the compliance pages, evidence that downloads, and an auditor who can export evidence
// but cannot change anything.

test("findings and compliance pages show the imported weaknesses, and evidence downloads as CSV and JSON", async ({ page }) => {
  const fixture = incidentFixture(Date.now().toString(36));
  expect((await page.request.post("/api/import", { data: { files: fixture.files } })).status()).toBe(200);

  await page.goto("/findings?rule=BM-NHI-004");
  await expect(page.getByRole("table", { name: "Findings" })).toContainText("does not enforce two-factor authentication");
  await page.goto("/findings");
  expect(Number(await page.getByTestId("findings-count-total").textContent())).toBeGreaterThan(0);

  await page.goto("/compliance");
  await page.getByRole("link", { name: "OWASP Non-Human Identities Top 10 2025" }).click();
  await expect(page.locator('tr[data-control="NHI3:2025"] [data-status]')).toHaveText("gap");
  await expect(page.locator('tr[data-control="NHI10:2025"]')).toContainText("Human Use of NHI");
  await page.screenshot({ path: "test-results/screenshots/compliance-owasp.png", fullPage: true });

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export evidence (CSV)" }).click();
  const csv = readFileSync((await (await csvDownload).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("framework,control_id,control_title,status");
  expect(csv).toContain("NHI3:2025");

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export evidence (JSON)" }).click();
  const evidence = JSON.parse(readFileSync((await (await jsonDownload).path())!, "utf8"));
  expect(evidence.framework).toMatchObject({ id: "owasp-nhi", version: "2025" });
  expect(evidence.controls).toHaveLength(10);
});

test("an auditor can export evidence but cannot change anything", async ({ page, browser }) => {
  const email = `auditor-${Date.now()}@example.test`;
  const password = `auditor-${"p".repeat(16)}`;
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("auditor");
  await form.getByLabel("Password (empty: generate one)").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`Created ${email}`);

  // an incident for the auditor to look at
  const fixture = incidentFixture(Date.now().toString(36));
  expect((await page.request.post("/api/import", { data: { files: fixture.files } })).status()).toBe(200);
  await page.goto(`/incidents/new?advisory=${fixture.advisory}`);
  await page.getByRole("form", { name: "Open incident" }).getByRole("button", { name: "Open incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  const incidentPath = new URL(page.url()).pathname;

  const auditor = await signedInContext(browser, email, password);
  const auditorPage = await auditor.newPage();
  await auditorPage.goto("/compliance/nist-csf-2");
  const downloading = auditorPage.waitForEvent("download");
  await auditorPage.getByRole("link", { name: "Export evidence (CSV)" }).click();
  expect(readFileSync((await (await downloading).path())!, "utf8")).toContain("PR.AA-05");

  await auditorPage.goto(incidentPath);
  await expect(auditorPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(auditorPage.getByRole("button", { name: "Mark rotated" })).toHaveCount(0);
  await expect(auditorPage.getByRole("button", { name: "Update" })).toHaveCount(0);
  await expect(auditorPage.getByRole("button", { name: "Recompute against today's graph" })).toHaveCount(0);
  const refused = await auditorPage.goto("/incidents/new");
  expect(refused?.status()).toBe(403);
  expect((await auditorPage.request.post("/api/import", { data: { files: fixture.files } })).status()).toBe(403);
  expect((await auditorPage.request.post("/api/assumed-compromised", { data: { ref: fixture.versionRef } })).status()).toBe(403);
  await auditor.close();
});

test("a control's evidence reads as words and each finding links to the entity it concerns", async ({ page }, testInfo) => {
  await page.goto("/compliance/owasp-nhi");
  // Written for the auditor: what is assessed and how it is quoted, not how the catalog was made.
  const source = page.locator("p", { hasText: "Source:" });
  await expect(source).toContainText("All ten risks of the 2025 list");
  await expect(source).not.toContainText(/build machine|the issue|stored copy/);

  const gap = page.locator("tr[data-control]", { has: page.locator('[data-status="gap"]') }).first();
  const summary = gap.locator("summary");
  await expect(summary).toHaveText(/^\d+ findings?: \d+ (critical|high|medium|low)(, \d+ (critical|high|medium|low))*$/);
  await summary.click();
  const evidence = gap.locator("li[data-finding]").first();
  const entityLink = evidence.getByRole("link").first();
  const entityName = (await entityLink.textContent())!;
  await page.screenshot({ path: testInfo.outputPath("compliance-evidence.png"), fullPage: true });
  await entityLink.click();
  await expect(page).toHaveURL(/\/nodes\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(entityName);
});

test("the findings table sorts from its headers, with the order in the URL through filtering and reload", async ({ page }) => {
  await page.goto("/findings");
  const table = page.getByRole("table", { name: "Findings" });
  await table.getByRole("link", { name: /^Rule/ }).click();
  await expect(page).toHaveURL(/sort=rule/);
  await expect(table.getByRole("columnheader", { name: /^Rule/ })).toHaveAttribute("aria-sort", "ascending");
  await table.getByRole("link", { name: /^Rule/ }).click();
  await expect(page).toHaveURL(/sort=rule&dir=desc/);
  const ruleIds = async () => await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-rule") ?? ""));
  const descending = await ruleIds();
  expect(descending).toEqual([...descending].sort().reverse());

  await page.reload();
  await expect(table.getByRole("columnheader", { name: /^Rule/ })).toHaveAttribute("aria-sort", "descending");
  expect(await ruleIds()).toEqual(descending);

  // filtering keeps the order
  await page.getByRole("form", { name: "Filter findings" }).getByLabel("Entity kind").selectOption({ label: "Package version" });
  await page.getByRole("form", { name: "Filter findings" }).getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=packageVersion/);
  await expect(page).toHaveURL(/sort=rule/);
  await expect(page).toHaveURL(/dir=desc/);
  const filtered = await ruleIds();
  expect(filtered).toEqual([...filtered].sort().reverse());
});
