// A radius too big for one answer, in the browser: an organisation of 12,000 identities whose
// tokens are all readable on one build machine. The page asks for pages of the most important
// nodes, says how much it shows, loads more on request, and the picture stays capped: what does
// not fit one by one is counted in groups by kind, repository and owner, which open and fold back.
// (Named to run after the demo's own specs: it adds its organisation to the shared database.)
import { expect, test } from "@playwright/test";
import { ZRadiusPage } from "../lib/schemas/radius";
import { firstClickableNode, nodePoint, readability } from "./graph-canvas";

const IDENTITIES = 12_000;
const SOURCE = "pkg:npm/scale-evil@1.0.0";
const TEAMS = ["payments", "web", "data", "platform", "mobile"].map((team) => `scale-team-${team}`);

function scaleInventory() {
  const identities = [];
  const secrets = [];
  const exposes = [];
  for (let i = 0; i < IDENTITIES; i++) {
    const n = String(i).padStart(5, "0");
    identities.push({
      name: `scale-bot-${n}`,
      kind: "ciServiceAccount",
      lifetime: i % 3 === 0 ? "shortLived" : "longLived",
      owner: TEAMS[i % TEAMS.length],
      canAccess: i === IDENTITIES - 1 ? [{ system: "system:scale-prod-db", privilege: "admin" }] : [],
    });
    secrets.push({ name: `scale-token-${n}`, type: "api-key", storedIn: "envFile", authenticatesAs: `identity:scale-bot-${n}` });
    exposes.push({ secret: `secret:scale-token-${n}`, exposure: "install" });
  }
  return {
    blastmapInventory: 1,
    organisation: "scale",
    packages: [{ purl: "pkg:npm/scale-evil", versions: [{ version: "1.0.0", hasInstallScript: true }] }],
    identities,
    secrets,
    systems: [{ name: "scale-prod-db", kind: "database", criticality: "critical" }],
    contexts: [{ name: "scale-build-box", installs: [SOURCE], exposes }],
  };
}

test("a radius of 24,000 nodes: the first page in the browser, the path to the critical system first, more on request, a capped picture", async ({ page }) => {
  test.setTimeout(180_000);
  const imported = await page.request.post("/api/import", {
    data: { files: [{ path: "scale/inventory.json", content: JSON.stringify(scaleInventory()) }] },
    timeout: 120_000,
  });
  expect(imported.status(), await imported.text()).toBe(200);

  const first = ZRadiusPage.parse(await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&limit=500`)).json());
  expect(first.summary.countsByKind.identity).toBe(IDENTITIES);
  expect(first.page).toMatchObject({ returned: 500, truncated: true });
  expect(first.nodes.slice(0, 5).map((node) => node.key)).toContain("system:scale-prod-db");

  const started = Date.now();
  await page.goto(`/radius?ref=${encodeURIComponent(SOURCE)}`);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  const readyMs = Date.now() - started;
  const coverage = page.getByTestId("radius-coverage");
  await expect(coverage).toContainText(`Showing 500 of ${first.page.total.toLocaleString("en")} nodes — the most important first`);
  expect(Number(await canvas.getAttribute("data-elements"))).toBeLessThan(2000);
  test.info().annotations.push({ type: "radius page ready", description: `${readyMs} ms for a radius of ${first.page.total} nodes` });

  await page.getByTestId("radius-load-more").click();
  await expect(coverage).toContainText(`Showing 1,000 of ${first.page.total.toLocaleString("en")} nodes`);
  await expect(coverage).toContainText("The picture counts the rest in groups by kind, repository and owner");
  expect(Number(await canvas.getAttribute("data-elements"))).toBeLessThan(2000);
  // 1,000 nodes, but the tokens are one group and the bots one group per owning team: labelled
  // nodes at a readable size
  await expect.poll(async () => (await readability(canvas)).summarisedNodes).toBeGreaterThan(950);
  const view = await readability(canvas);
  expect(view.smallestLabelPx).toBeGreaterThanOrEqual(10);
  expect(view.hiddenLabels).toBe(0);
  expect(view.labelledInView).toBeGreaterThanOrEqual(5);
  expect(view.drawnNodes).toBeLessThan(60);
  // the one critical system is never folded into a group
  const prodDb = first.nodes.find((node) => node.key === "system:scale-prod-db")!;
  expect(
    await canvas.evaluate(
      (element, id) =>
        !(element as HTMLElement & { _cyreg?: { cy?: { getElementById(id: string): { empty(): boolean } } } })._cyreg!.cy!.getElementById(id).empty(),
      String(prodDb.id),
    ),
  ).toBe(true);

  // a group says its count in words; a click opens it into its members, still under the cap
  const team = view.summaries.find((summary) => summary.id.endsWith(`:owner:${TEAMS[0]}`))!;
  expect(team, JSON.stringify(view.summaries)).toBeDefined();
  const groups = page.getByTestId("radius-summaries");
  const label = `${team.count.toLocaleString("en")} identities owned by ${TEAMS[0]}`;
  await expect(groups.getByRole("button", { name: `Expand ${label}` })).toBeVisible();
  const point = await nodePoint(canvas, team.id);
  await page.mouse.click(point.x, point.y);
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).not.toContain(team.id);
  const opened = await readability(canvas);
  expect(opened.drawnNodes).toBe(view.drawnNodes - 1 + team.count);
  expect(Number(await canvas.getAttribute("data-elements"))).toBeLessThan(2000);
  await page.screenshot({ path: "test-results/screenshots/scale-group-opened.png", fullPage: true });
  // and folds back from the keyboard
  const collapse = groups.getByRole("button", { name: `Collapse ${label}` });
  await collapse.focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).toContain(team.id);
  expect((await readability(canvas)).drawnNodes).toBe(view.drawnNodes);

  // opened from the keyboard, then folded back from the right-click menu of one of its members
  const drawnIds = () =>
    canvas.evaluate((element) =>
      (element as HTMLElement & { _cyreg?: { cy?: { nodes(): { map<T>(fn: (node: { id(): string }) => T): T[] } } } })
        ._cyreg!.cy!.nodes()
        .map((node) => node.id()),
    );
  const before = new Set(await drawnIds());
  const expand = groups.getByRole("button", { name: `Expand ${label}` });
  await expand.focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).not.toContain(team.id);
  // any member in view: the picture keeps the reader's place, so some are drawn off screen
  const memberPoint = await firstClickableNode(
    canvas,
    (await drawnIds()).filter((id) => !before.has(id)),
  );
  await page.mouse.click(memberPoint.x, memberPoint.y, { button: "right" });
  await page
    .getByRole("menu", { name: "Node actions" })
    .getByRole("menuitem", { name: `Fold back into ${label}` })
    .click();
  await expect.poll(async () => (await readability(canvas)).summaries.map((summary) => summary.id)).toContain(team.id);

  await page.getByTestId("show-table").click();
  await expect(coverage).toContainText(`Showing 1,000 of ${first.page.total.toLocaleString("en")} nodes`);
  await expect(page.getByTestId("rotation-plan-partial")).toContainText(`of ${first.page.rotationPlanTotal.toLocaleString("en")} rows`);

  // the findings of 12,000 unowned, long-lived identities: a page of rows at a time (a page with
  // every row took the browser past 8 GB)
  await page.goto("/findings");
  await expect(page.getByTestId("findings-pager")).toContainText("Page 1 of");
  await expect(page.getByRole("table", { name: "Findings" }).locator("tbody > tr")).toHaveCount(100);
  await page.getByTestId("findings-pager").getByRole("link", { name: "Next →" }).click();
  await expect(page.getByTestId("findings-pager")).toContainText("Page 2 of");
});
