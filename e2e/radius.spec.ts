import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { deriveWhatIfCandidates } from "../lib/graph-view/what-if-candidates";
import { elementsWithClass, firstClickableNode, nodePoint, readability } from "./graph-canvas";
import { expectPng } from "./png";

// The incident commander's journey on the demo organisation: open the blast radius of a
// compromised package, read why a secret is reached, try a control, export, share the view.
// The demo contains a compromised package version with an install script, installed in CI jobs
// that expose an npm token; these are the refs this spec relies on.
const COMPROMISED = { key: "pkg:npm/chalk@5.6.1", search: "chalk@5.6.1" };

/** The "Show N more" button under the paged list whose count line has this test id. */
const showMoreButton = (page: Page, countId: string) =>
  page
    .locator(".show-more-rows")
    .filter({ has: page.getByTestId(countId) })
    .getByRole("button", { name: /^Show \d+ more$/ });

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
  // the picture draws what the API computed: every reached node, one by one or in a summary
  const api = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  const drawn = await readability(page.getByTestId("graph-canvas"));
  expect(drawn.drawnNodes - drawn.summaries.length + drawn.summarisedNodes).toBe(api.nodes.length);
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
  expect(lines[0]).toBe("kind,key,name,hops,generation,exposure,timing,assumed,path");
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

test("right-click “Path from here” and “Path to here” on two nodes finds the chains and highlights them on the picture", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  const source: { id: number; key: string } = radius.source.nodes[0];
  const secrets: { id: number; key: string; name: string }[] = radius.nodes.filter((node: { kind: string }) => node.kind === "secret");
  await openCompromisedRadius(page);
  const canvas = page.getByTestId("graph-canvas");
  expect(await elementsWithClass(canvas, "highlighted")).toEqual([]);

  const from = await nodePoint(canvas, String(source.id));
  await page.mouse.click(from.x, from.y, { button: "right" });
  await page.getByRole("menu", { name: "Node actions" }).getByRole("menuitem", { name: "Path from here" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${encodeURIComponent(source.key).replace(/[.]/g, "\\.")}`));

  const target = await firstClickableNode(
    canvas,
    secrets.map((secret) => String(secret.id)),
  );
  const secret = secrets.find((candidate) => String(candidate.id) === target.id)!;
  await page.mouse.click(target.x, target.y, { button: "right" });
  await page.getByRole("menu", { name: "Node actions" }).getByRole("menuitem", { name: "Path to here" }).click();
  await expect(page.getByRole("menu", { name: "Node actions" })).toHaveCount(0);
  await expect(page.getByTestId("pathfinder")).toContainText(secret.key);
  await expect(page.getByTestId("path-chains").getByRole("listitem").first()).toContainText(`exposes ${secret.name}`);

  // what is bright on the picture is exactly the chains the path API returns; the rest is faded
  const path = await (await page.request.get(`/api/path?from=${encodeURIComponent(source.key)}&to=${encodeURIComponent(secret.key)}&k=3`)).json();
  const onChains = new Set<string>();
  for (const chain of path.chains as { steps: { kind: string; from: number; to: number }[] }[]) {
    for (const step of chain.steps) onChains.add(String(step.from)).add(String(step.to)).add(`${step.from}-${step.kind}-${step.to}`);
  }
  await expect.poll(() => elementsWithClass(canvas, "highlighted")).toContain(String(secret.id));
  const highlighted = await elementsWithClass(canvas, "highlighted");
  expect(highlighted).toContain(String(source.id));
  // a chain through a node folded into a summary lights up the summary and the merged edge instead
  expect(highlighted.filter((id) => !onChains.has(id) && !/^(summary|merged):/.test(id))).toEqual([]);
  const drawnIds = new Set(await elementsWithClass(canvas, "highlighted").then(async (lit) => [...lit, ...(await elementsWithClass(canvas, "faded"))]));
  expect([...onChains].filter((id) => drawnIds.has(id) && !highlighted.includes(id))).toEqual([]);
  expect((await elementsWithClass(canvas, "faded")).length).toBeGreaterThan(0);
  await page.screenshot({ path: "test-results/screenshots/radius-path-highlighted.png", fullPage: true });
});

test("PNG export downloads a PNG image of the picture", async ({ page }) => {
  await openCompromisedRadius(page);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("group", { name: "Export" }).getByRole("button", { name: "PNG" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^blast-radius-.*\.png$/);
  expectPng(await readFile((await download.path())!));
});

test("a long rotation plan shows its most urgent rows first and more on request, from the keyboard", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  const plan: { name: string; rank: number }[] = radius.rotationPlan;
  // ROTATION_PAGE_SIZE in components/radius/rotation-plan-table.tsx: one row per credential
  const pageSize = 20;
  // the demo's compromised package unlocks more than one page of credentials to rotate
  expect(plan.length).toBeGreaterThan(pageSize);
  await openCompromisedRadius(page);
  const table = page.getByTestId("rotation-plan");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(pageSize);
  await expect(rows.last().getByRole("cell").first()).toHaveText(String(plan[pageSize - 1].rank));
  await expect(page.getByTestId("rotation-plan-count")).toHaveText(`Showing the first ${pageSize} of ${plan.length}, most urgent first.`);

  const more = showMoreButton(page, "rotation-plan-count");
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(Math.min(plan.length, 2 * pageSize));
  // the keyboard carries on at the first new row
  await expect(rows.nth(pageSize).getByRole("button", { name: plan[pageSize].name, exact: true })).toBeFocused();
  if (plan.length <= 2 * pageSize) {
    await expect(page.getByTestId("rotation-plan-count")).toHaveText(`All ${plan.length} shown.`);
    await expect(more).toHaveCount(0);
  }
});

test("the table view of a big radius draws the nearest nodes first, more on request from the keyboard, and restarts on a new sort", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  const hops: number[] = radius.nodes.map((node: { hops: number }) => node.hops);
  const pageSize = 50;
  // the demo's compromised package reaches more than two pages of nodes
  expect(hops.length).toBeGreaterThan(2 * pageSize);
  await openCompromisedRadius(page);
  await page.getByTestId("show-table").click();
  const table = page.getByTestId("radius-table");
  const rows = table.locator("tbody tr");
  const countLine = page.getByTestId("radius-table-count");
  const hopsColumn = async () => (await rows.locator("td:nth-child(3)").allTextContents()).map(Number);
  await expect(rows).toHaveCount(pageSize);
  await expect(countLine).toHaveText(`Showing the first ${pageSize} of ${hops.length}, nearest first.`);
  await expect(table).toHaveAccessibleDescription(`Showing the first ${pageSize} of ${hops.length}, nearest first.`);
  expect(await hopsColumn()).toEqual([...hops].sort((a, b) => a - b).slice(0, pageSize));

  const more = showMoreButton(page, "radius-table-count");
  await expect(more).toHaveText(`Show ${pageSize} more`);
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(2 * pageSize);
  await expect(countLine).toHaveText(`Showing the first ${2 * pageSize} of ${hops.length}, nearest first.`);
  // the keyboard carries on at the first new row, and choosing it shows how it is reached
  const firstNew = rows.nth(pageSize).getByRole("button").first();
  await expect(firstNew).toBeFocused();
  const name = (await firstNew.textContent())!.trim();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("path-explanation").getByRole("heading", { name })).toBeVisible();
  await expect(rows.nth(pageSize)).toHaveAttribute("aria-selected", "true");

  await more.click();
  await expect(rows).toHaveCount(hops.length);
  await expect(countLine).toHaveText(`All ${hops.length} shown.`);
  await expect(more).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/radius-table-paged.png", fullPage: true });

  // another order starts again from its top
  await table.getByRole("columnheader", { name: /^Hops/ }).getByRole("button").click();
  await expect(rows).toHaveCount(pageSize);
  await expect(countLine).toHaveText(`Showing the first ${pageSize} of ${hops.length}, farthest first.`);
  expect(await hopsColumn()).toEqual([...hops].sort((a, b) => b - a).slice(0, pageSize));
});

test("a long list of what-if controls shows a few, more on request, and stays open while one of them is toggled", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(COMPROMISED.key)}`)).json();
  const removals = deriveWhatIfCandidates(radius).filter((candidate) => candidate.group === "remove-secret");
  const first = 6;
  // the demo's compromised package runs in jobs exposing more secrets than fit the panel
  expect(removals.length).toBeGreaterThan(first);
  await openCompromisedRadius(page);
  const group = page.getByTestId("what-if").getByRole("group", { name: "Remove a secret from a job" });
  const options = group.getByRole("checkbox");
  const countLine = page.getByTestId("what-if-remove-secret-count");
  await expect(options).toHaveCount(first);
  await expect(countLine).toHaveText(`Showing the first ${first} of ${removals.length}.`);

  const more = group.getByRole("button", { name: /^Show \d+ more$/ });
  await more.focus();
  await page.keyboard.press("Enter");
  const shown = Math.min(removals.length, first + 50);
  await expect(options).toHaveCount(shown);
  const seventh = group.getByRole("checkbox", { name: removals[first].label, exact: true });
  await expect(seventh).toBeFocused();

  // toggling a control recomputes the radius; the list the reader opened stays open
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/whatIf=remove-secret/);
  await expect(page.getByTestId("radius-source").locator("..")).not.toContainText("recomputing");
  await expect(seventh).toBeChecked();
  await expect(options).toHaveCount(shown);
});

test("the demo advisory's radius says what is reached now and what only on the next resolve, and ends the rotation plan with job tokens to review", async ({
  page,
}) => {
  const advisory = "ACME-2026-0001";
  const api = await (await page.request.get(`/api/blast-radius?advisory=${advisory}`)).json();
  // the demo's advisory reaches some nodes now and more only when a range next resolves
  expect(api.summary.now).toBeGreaterThan(0);
  expect(api.summary.total).toBeGreaterThan(api.summary.now);
  const nowOnly = await (await page.request.get(`/api/blast-radius?advisory=${advisory}&timing=now`)).json();
  expect(nowOnly.options.timings).toEqual(["now"]);
  expect(nowOnly.nodes.every((node: { timing: string }) => node.timing === "now")).toBe(true);

  await page.goto(`/radius?advisory=${advisory}`);
  await expect(page.getByTestId("radius-source")).toContainText(advisory);
  // the summary counts "now" apart from "next resolve only"
  await expect(page.getByTestId("radius-count-now")).toHaveText(api.summary.now.toLocaleString("en"));
  await expect(page.getByTestId("radius-card-now")).toContainText(`${(api.summary.total - api.summary.now).toLocaleString("en")} more on the next resolve`);
  // the picture's legend, open from the start, says what a hollow node means
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("legend-next-resolve")).toContainText("reached only on the next resolve");

  // the table has a timing column with both timings; a next-resolve node explains itself
  await page.getByTestId("show-table").click();
  const table = page.getByTestId("radius-table");
  const whenHeader = table.getByRole("columnheader", { name: /^When/ }).getByRole("button");
  await whenHeader.click();
  await expect(table.locator("tbody tr").first().locator('[data-timing="now"]')).toHaveText("now");
  await whenHeader.click();
  const firstNextResolve = table.locator("tbody tr").first();
  await expect(firstNextResolve.locator('[data-timing="next-resolve"]')).toHaveText("next resolve");
  await firstNextResolve.getByRole("button").first().click();
  await expect(page.getByTestId("path-timing")).toContainText("next resolve");
  await expect(page.getByTestId("path-timing")).toContainText("Reached only when the next npm install");
  await page.screenshot({ path: "test-results/screenshots/radius-timing-table.png", fullPage: true });

  // the rotation plan: one row per credential with its action; job tokens to review come last
  const plan = page.getByTestId("rotation-plan");
  const rows = plan.locator("tbody tr");
  const more = showMoreButton(page, "rotation-plan-count");
  while (await more.count()) await more.click();
  await expect(rows).toHaveCount(api.rotationPlan.length);
  await expect(rows.first().getByTestId("rotation-action")).toHaveText("rotate");
  await expect(rows.last()).toHaveAttribute("data-action", "review");
  await expect(rows.last().getByTestId("rotation-action")).toHaveText("review: expired at job end");

  // "now only" round-trips through the URL and the API, and leaves out the next-resolve nodes
  const nowOnlyRadio = page.getByTestId("timing-filter").getByLabel("now only");
  await nowOnlyRadio.click();
  await expect(page).toHaveURL(/timing=now/);
  await expect(nowOnlyRadio).toBeChecked();
  await expect.poll(() => count(page, "total")).toBe(nowOnly.summary.total);
  await expect(table.locator('[data-timing="next-resolve"]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("timing-filter").getByLabel("now only")).toBeChecked();
  await expect(page.getByTestId("radius-count-total")).toHaveText(nowOnly.summary.total.toLocaleString("en"));
  await page.screenshot({ path: "test-results/screenshots/radius-timing-now-only.png", fullPage: true });
});
