import { expect, test, type Page } from "@playwright/test";
import { firstClickableNode, nodePoint, readability, selectedNodeIds, tapsOnPicture } from "./graph-canvas";

// Issue 13: the blast-radius picture must be readable as first shown, without a click — labelled
// nodes at a readable size, headings readable at any zoom, zoom buttons, a distinct shape and
// colour per kind, the legend open — and a long column summarised into a node that expands.
const ADVISORY = "ACME-2026-0001";

/** The picture alone, from the page as laid out (an element screenshot would scroll it under the sticky header). */
async function shootPicture(page: Page, name: string) {
  const box = await page.locator(".radius-canvas-wrap").evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
  });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true, clip: box });
}

test("the demo advisory's radius opens readable: labelled nodes, readable headings, the legend open, distinct kinds", async ({ page }) => {
  const api = await (await page.request.get(`/api/blast-radius?advisory=${ADVISORY}`)).json();
  const started = Date.now();
  await page.goto(`/radius?advisory=${ADVISORY}`);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  test.info().annotations.push({ type: "demo advisory picture ready", description: `${Date.now() - started} ms from navigation` });
  await page.screenshot({ path: "test-results/screenshots/radius-first-view.png", fullPage: true });
  await shootPicture(page, "radius-first-view-picture");

  const first = await readability(canvas);
  // labels drawn, at 10 px or more, for nodes actually in view
  expect(first.smallestLabelPx).toBeGreaterThanOrEqual(10);
  expect(first.hiddenLabels).toBe(0);
  expect(first.labelledInView).toBeGreaterThanOrEqual(8);
  // long columns are summarised, and nothing is lost: drawn + summarised = every reached node
  expect(first.summaries.length).toBeGreaterThan(0);
  expect(first.drawnNodes - first.summaries.length + first.summarisedNodes).toBe(api.nodes.length);

  // every kind drawn has its own shape and its own colour
  const kinds = Object.values(first.kinds);
  expect(kinds.length).toBeGreaterThanOrEqual(5);
  expect(new Set(kinds.map((kind) => kind.shape)).size).toBe(kinds.length);
  expect(new Set(kinds.map((kind) => kind.colour)).size).toBe(kinds.length);

  // headings are HTML at a fixed size, readable whatever the zoom
  const headers = page.getByTestId("radius-headers");
  const runsIn = headers.locator(".radius-header-column", { hasText: "Runs in" }).first();
  await expect(runsIn).toBeVisible();
  await expect(headers.locator(".radius-header-band", { hasText: "Original compromise" })).toBeVisible();
  // a heading counts its whole column, the summarised nodes too
  const secretsInColumn = api.nodes.filter((node: { kind: string; generation: number }) => node.kind === "secret" && node.generation === 0).length;
  await expect(headers.locator(".radius-header-column", { hasText: "Secrets" }).first()).toHaveText(`Secrets ${secretsInColumn}`);
  const headerPx = async () => runsIn.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(await headerPx()).toBeGreaterThanOrEqual(11);

  // the legend is open without a click: kinds, timing, exposure, summaries
  const legend = page.getByRole("region", { name: "Legend" });
  await expect(legend).toBeVisible();
  await expect(legend.locator('[data-kind="identity"]')).toBeVisible();
  await expect(legend.locator('[data-kind="system"]')).toBeVisible();
  await expect(page.getByTestId("legend-next-resolve")).toContainText("reached only on the next resolve");
  await expect(legend.locator('[data-exposure="install"]')).toBeVisible();
  await expect(page.getByTestId("legend-summary")).toBeVisible();

  // zoom buttons; the headings keep their size when the picture shrinks
  const zoom = page.getByRole("group", { name: "Zoom" });
  await zoom.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(async () => (await readability(canvas)).zoom).toBeGreaterThan(first.zoom);
  const zoomedIn = (await readability(canvas)).zoom;
  await zoom.getByRole("button", { name: "Zoom out" }).click();
  await expect.poll(async () => (await readability(canvas)).zoom).toBeLessThan(zoomedIn);
  await zoom.getByRole("button", { name: "Fit the whole picture" }).click();
  await expect.poll(async () => (await readability(canvas)).zoom).toBeLessThan(first.zoom);
  await expect(runsIn).toBeVisible();
  expect(await headerPx()).toBeGreaterThanOrEqual(11);
  // zoomed out, a label is small or hidden; pointing at the node names it at a readable size
  const source = String(api.source.nodes[0].id);
  const sourcePoint = await nodePoint(canvas, source);
  await page.mouse.move(sourcePoint.x, sourcePoint.y);
  await expect
    .poll(() =>
      canvas.evaluate((element, id) => {
        const cy = (element as HTMLElement & { _cyreg?: { cy?: { zoom(): number; getElementById(id: string): { style(name: string): string } } } })._cyreg!.cy!;
        return parseFloat(cy.getElementById(id).style("font-size")) * cy.zoom();
      }, source),
    )
    .toBeGreaterThanOrEqual(11.9);
  await shootPicture(page, "radius-fit-all");
});

test("a summary node expands on click into the nodes it stands for, and summarises again on request", async ({ page }) => {
  await page.goto(`/radius?advisory=${ADVISORY}`);
  const canvas = page.getByTestId("graph-canvas");
  const before = await readability(canvas);
  // the demo advisory's jobs expose more secrets than a column shows one by one
  const secrets = before.summaries.find((summary) => summary.id.includes(":secrets:"));
  expect(secrets).toBeDefined();

  const point = await nodePoint(canvas, secrets!.id);
  await page.mouse.click(point.x, point.y);
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).not.toContain(secrets!.id);
  const after = await readability(canvas);
  expect(after.drawnNodes).toBe(before.drawnNodes - 1 + secrets!.count);
  // expanding keeps the reader's place: the zoom is unchanged
  expect(after.zoom).toBeCloseTo(before.zoom, 5);
  await shootPicture(page, "radius-summary-expanded");

  await page.getByTestId("radius-summaries").getByRole("button", { name: "Summarise again" }).click();
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).toContain(secrets!.id);

  // the same from the keyboard: every summary has a button under the picture
  const expandButton = page.getByTestId("radius-summaries").getByRole("button", { name: `Expand ${secrets!.count} secrets` });
  await expandButton.focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).not.toContain(secrets!.id);
});

test.describe("on a screen tall enough to show the whole picture without scrolling", () => {
  test.use({ viewport: { width: 1280, height: 1600 } });

  test("a notice above the picture moves it down, and a click still selects the node under the pointer", async ({ page }) => {
    const api = await (await page.request.get(`/api/blast-radius?advisory=${ADVISORY}`)).json();
    await page.goto(`/radius?advisory=${ADVISORY}`);
    const canvas = page.getByTestId("graph-canvas");
    await readability(canvas);
    const top = async () => canvas.evaluate((element) => element.getBoundingClientRect().top);
    const topBefore = await top();

    // the permalink's notice appears above everything: the picture moves, with no scroll and no resize
    await page.getByTestId("copy-permalink").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(".radius-notice")).toBeVisible();
    expect(await top()).toBeGreaterThan(topBefore + 10);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const secrets = api.nodes.filter((node: { kind: string }) => node.kind === "secret").map((node: { id: number }) => String(node.id));
    const target = await firstClickableNode(canvas, secrets);
    const taps = await tapsOnPicture(canvas);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => selectedNodeIds(canvas)).toEqual([target.id]);
    // the picture read the click where the pointer was, not where the picture used to be
    const [tap] = await taps();
    expect(Math.abs(tap!.x - target.x)).toBeLessThan(2);
    expect(Math.abs(tap!.y - target.y)).toBeLessThan(2);
    // nothing scrolled on the way (a scroll would have refreshed the picture's place by itself)
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // and a summary still opens where it is drawn now
    const summary = (await readability(canvas)).summaries.find((item) => item.id.includes(":secrets:"))!;
    const point = await nodePoint(canvas, summary.id);
    await page.mouse.click(point.x, point.y);
    await expect.poll(async () => (await readability(canvas)).summaries.map((item) => item.id)).not.toContain(summary.id);
  });
});

test("selecting a node folded into a summary draws it: the summary opens", async ({ page }) => {
  const api = await (await page.request.get(`/api/blast-radius?advisory=${ADVISORY}`)).json();
  await page.goto(`/radius?advisory=${ADVISORY}`);
  const canvas = page.getByTestId("graph-canvas");
  const { summaries } = await readability(canvas);
  const secretsSummary = summaries.find((summary) => summary.id.includes(":secrets:"))!;
  // the last secret of the column is among the folded ones
  const secrets = api.nodes.filter((node: { kind: string; generation: number }) => node.kind === "secret" && node.generation === 0);
  const folded = secrets[secrets.length - 1];
  await page.goto(`/radius?advisory=${ADVISORY}&node=${encodeURIComponent(folded.key)}`);
  await expect(page.getByTestId("path-explanation")).toBeVisible();
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).not.toContain(secretsSummary.id);
  await expect
    .poll(() =>
      canvas.evaluate(
        (element, id) =>
          (element as HTMLElement & { _cyreg?: { cy?: { getElementById(id: string): { selected(): boolean } } } })._cyreg?.cy?.getElementById(id).selected(),
        String(folded.id),
      ),
    )
    .toBe(true);
});
