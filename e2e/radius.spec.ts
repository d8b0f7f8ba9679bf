import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";

// The incident commander's journey on the demo organisation: open the blast radius of a
// compromised package, read why a secret is reached, try a control, export, share the view.
// The demo contains a compromised package version with an install script, installed in CI jobs
// that expose an npm token; these are the refs this spec relies on.
const COMPROMISED = { key: "pkg:npm/chalk@5.6.1", search: "chalk@5.6.1" };

const count = async (page: Page, card: string) => Number((await page.getByTestId(`radius-count-${card}`).textContent())?.replace(/,/g, ""));

async function openCompromisedRadius(page: Page) {
  await page.goto("/radius");
  await expect(page.getByRole("heading", { name: "Blast radius", level: 1 })).toBeVisible();
  await expect(page.getByTestId("radius-empty")).toBeVisible();
  await page.getByTestId("radius-search").fill(COMPROMISED.search);
  await page.getByRole("option").filter({ hasText: COMPROMISED.key }).first().click();
  await expect(page).toHaveURL(new RegExp(`ref=${encodeURIComponent(COMPROMISED.key).replace(/[.]/g, "\\.")}`));
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
}

test("open the blast radius of a compromised package, see why a secret is reached, toggle a what-if, export JSON", async ({ page }) => {
  await openCompromisedRadius(page);
  await expect(page.getByTestId("radius-source")).toContainText("chalk");
  expect(await count(page, "secrets")).toBeGreaterThan(0);
  expect(await count(page, "total")).toBeGreaterThan(0);
  // the picture draws what the API computed: every reached node plus its edges
  const api = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  expect(Number(await page.getByTestId("graph-canvas").getAttribute("data-elements"))).toBeGreaterThanOrEqual(api.nodes.length);
  await page.screenshot({ path: "test-results/screenshots/radius-picture.png", fullPage: true });

  // the table alternative: choose a reached secret and read its path in words
  await page.getByTestId("show-table").click();
  const secretRow = page.getByTestId("radius-table").getByRole("row").filter({ hasText: "Secret" }).first();
  const secretName = (await secretRow.getByRole("button").first().textContent())!.trim();
  await secretRow.getByRole("button").first().click();
  await expect(page).toHaveURL(/node=secret/);
  const explanation = page.getByTestId("path-explanation");
  await expect(explanation.getByRole("heading", { name: secretName })).toBeVisible();
  await expect(page.getByTestId("path-in-words")).toContainText("chalk");
  await expect(page.getByTestId("path-in-words")).toContainText(`exposes ${secretName}`);
  await page.screenshot({ path: "test-results/screenshots/radius-table-path.png", fullPage: true });

  // a what-if control recomputes the radius and shows before → after: taking the exposed token
  // out of the install step's job cuts everything the token unlocks
  const before = await count(page, "total");
  const control = page.getByTestId("what-if").getByRole("group", { name: "Remove a secret from a job" }).getByRole("checkbox").first();
  await control.click();
  await expect(page).toHaveURL(/whatIf=remove-secret/);
  await expect(control).toBeChecked();
  await expect.poll(() => count(page, "total")).toBeLessThan(before);
  await expect(page.getByTestId("radius-card-total")).toContainText(`${before} →`);
  await page.screenshot({ path: "test-results/screenshots/radius-what-if.png", fullPage: true });

  // JSON export: the radius as the API returned it for this view
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("export-json").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^blast-radius-.*\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported.nodes.length).toBeGreaterThan(0);
  expect(exported.options.whatIf).toHaveLength(1);
  expect(exported.before.total).toBe(before);

  // the permalink is the URL: reloading restores the source, the control, the selection and the table
  const permalink = page.url();
  await page.goto(permalink);
  await expect(page.getByTestId("path-explanation").getByRole("heading", { name: secretName })).toBeVisible();
  await expect(page.getByTestId("what-if").getByRole("group", { name: "Remove a secret from a job" }).getByRole("checkbox").first()).toBeChecked();
  await expect(page.getByTestId("radius-table")).toBeVisible();
});

test("CSV export neutralises formulas and has one row per reached node", async ({ page }) => {
  await openCompromisedRadius(page);
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const csv = await readFile((await (await downloadPromise).path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("kind,key,name,hops,generation,exposure,path");
  const api = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  expect(lines.length - 1).toBe(api.nodes.length);
  expect(lines.slice(1).every((line) => !/^[=+\-@]/.test(line))).toBe(true);
});

test("pathfinding between two nodes lists the shortest chains in words", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  const secret = radius.nodes.find((node: { kind: string }) => node.kind === "secret");
  await page.goto(`/radius?ref=${encodeURIComponent(COMPROMISED.key)}&from=${encodeURIComponent(COMPROMISED.key)}&to=${encodeURIComponent(secret.key)}`);
  const chains = page.getByTestId("path-chains");
  await expect(chains.getByRole("listitem").first()).toContainText(`exposes ${secret.name}`);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  await page.screenshot({ path: "test-results/screenshots/radius-pathfinding.png", fullPage: true });
});

test("mark a node as assumed compromised and open the combined radius of the set", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  const secret = radius.nodes.find((node: { kind: string }) => node.kind === "secret");
  await page.goto(`/radius?ref=${encodeURIComponent(COMPROMISED.key)}&node=${encodeURIComponent(secret.key)}`);
  const panel = page.getByTestId("assumed-compromised");
  await expect(panel.getByRole("heading")).toHaveText(/Assumed compromised \(\d+\)/);
  const marked = Number((await panel.getByRole("heading").textContent())!.match(/\((\d+)\)/)![1]);
  await page.getByTestId("path-explanation").getByRole("button", { name: "Mark compromised" }).click();
  await expect(panel.getByRole("heading")).toHaveText(`Assumed compromised (${marked + 1})`);
  // shared: the API lists it for everyone, with who marked it
  const list = await (await page.request.get("/api/assumed-compromised")).json();
  expect(list.items.find((item: { key: string }) => item.key === secret.key).markedBy).toBe((await page.getByTestId("current-user").textContent())!.trim());

  await page.getByTestId("show-combined-radius").click();
  await expect(page).toHaveURL(new RegExp(`ref=${encodeURIComponent(secret.key).replace(/[.]/g, "\\.")}`));
  await expect(page.getByTestId("radius-source")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/radius-assumed-compromised.png", fullPage: true });

  // leave the shared set as it was
  await panel.getByRole("button", { name: `Unmark ${secret.name}` }).click();
  await expect(panel.getByRole("heading")).toHaveText(`Assumed compromised (${marked})`);
});

test("an unknown ref says so and offers the closest matches", async ({ page }) => {
  await page.goto(`/radius?ref=${encodeURIComponent("pkg:npm/chalk@0.0.0-nope")}`);
  const error = page.getByTestId("radius-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("chalk@0.0.0-nope");
  await page.screenshot({ path: "test-results/screenshots/radius-error.png", fullPage: true });
  // the engine's closest keys are offered as one-click replacements
  const suggestion = error.getByRole("button", { name: /chalk/ }).first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page.getByTestId("radius-source")).toBeVisible();
});
