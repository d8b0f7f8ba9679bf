import { expect, test, type Page } from "@playwright/test";
import { drawnClusters, selectedNodeIds } from "./graph-canvas";

// The explorer past one hop (issue 13, item 5): groups, what a kind filter cuts off, the table
// alternative and keyboard reach. Signed in as the demo admin (e2e/auth.setup.ts); the demo
// organisation's ui-kit release job exposes secrets that authenticate as identities, so a filter
// showing identities only cuts the walk at the secrets.

const RELEASE_JOB = "context:acme/ui-kit/release.yml/publish";

async function nodeId(page: Page, key: string): Promise<number> {
  const response = await page.request.get(`/api/graph/search?q=${encodeURIComponent(key)}`);
  const { hits } = (await response.json()) as { hits: { id: number; key: string }[] };
  const hit = hits.find((candidate) => candidate.key === key);
  if (!hit) throw new Error(`${key} is not in the demo graph`);
  return hit.id;
}

const drawnNodeCount = async (page: Page) => Number(((await page.getByTestId("explorer-counts").textContent()) ?? "").split(" ")[0].replace(/,/g, ""));

test('group by repository draws a box per repository, nodes without one in "other"', async ({ page }) => {
  const job = await nodeId(page, RELEASE_JOB);
  await page.goto(`/explore?focus=${job}&depth=2`);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  expect(await drawnClusters(canvas)).toEqual([]);

  await page.getByTestId("explorer-group-by").selectOption("repository");
  await expect(page).toHaveURL(/group=repository/);
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await expect.poll(async () => (await drawnClusters(canvas)).length).toBeGreaterThan(1);
  const clusters = await drawnClusters(canvas);
  const uiKit = clusters.find((cluster) => cluster.label.startsWith("acme/ui-kit · "))!;
  // the job itself sits in its repository's box, and the box counts its members
  expect(uiKit.members).toContain(String(job));
  expect(uiKit.label).toBe(`acme/ui-kit · ${uiKit.members.length}`);
  expect(clusters.some((cluster) => cluster.label.startsWith("Other (no repository)"))).toBe(true);
  // every drawn node is in exactly one box
  const members = clusters.flatMap((cluster) => cluster.members);
  expect(new Set(members).size).toBe(members.length);
  expect(members.length).toBe(await drawnNodeCount(page));
  await page.screenshot({ path: "test-results/screenshots/explorer-grouped-by-repository.png", fullPage: true });

  await page.getByTestId("explorer-group-by").selectOption("kind");
  await expect.poll(async () => (await drawnClusters(canvas)).map((cluster) => cluster.label.split(" · ")[0])).toContain("Secrets");
  await page.getByTestId("explorer-group-by").selectOption("none");
  await expect.poll(async () => (await drawnClusters(canvas)).length).toBe(0);
});

test("a kind filter that cuts the walk says so, and one click shows the hidden kind", async ({ page }) => {
  const job = await nodeId(page, RELEASE_JOB);
  await page.goto(`/explore?focus=${job}&depth=2&kinds=identity`);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  const filtered = await drawnNodeCount(page);

  const notice = page.getByTestId("explorer-kind-cuts");
  await expect(notice).toContainText(/\d+ secrets? hidden by the kind filter; \d+ nodes? beyond (them|it) (are|is) not shown/);
  await page.screenshot({ path: "test-results/screenshots/explorer-kind-filter-cut.png", fullPage: true });
  await notice.getByRole("button", { name: "Show secrets" }).click();

  await expect(page).toHaveURL(/kinds=identity%2Csecret|kinds=identity,secret/);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  await expect.poll(() => drawnNodeCount(page)).toBeGreaterThan(filtered);
  await expect(page.getByTestId("explorer-kind-cuts")).not.toContainText("secrets hidden");
});

test("the table lists the drawn nodes; a name opens its page and a selection carries back to the picture", async ({ page }) => {
  const job = await nodeId(page, RELEASE_JOB);
  const api = (await (await page.request.get(`/api/graph/neighbourhood?focus=${job}`)).json()) as { nodes: { id: number; name: string; kind: string }[] };
  await page.goto(`/explore?focus=${job}`);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");

  await page.getByTestId("explorer-show-table").click();
  await expect(page).toHaveURL(/view=table/);
  const table = page.getByTestId("explorer-table");
  await expect(table.locator("tbody tr")).toHaveCount(Math.min(api.nodes.length, 50));
  // the start node is 0 hops away and comes first
  await expect(table.locator("tbody tr").first()).toHaveAttribute("data-node-id", String(job));
  await expect(table.locator("tbody tr").first().locator("td").nth(3)).toHaveText("0");

  // sorting by name puts the rows in name order
  await table.getByRole("button", { name: "Name" }).click();
  await expect(table.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");

  // select a neighbour, go back to the picture: it is the selected node there
  const neighbour = api.nodes.find((node) => node.id !== job)!;
  await table.getByRole("button", { name: `Select ${neighbour.name}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`node=${neighbour.id}`));
  await expect(page.getByTestId("explorer-panel").getByRole("heading", { level: 2 })).toContainText(neighbour.name);
  await page.screenshot({ path: "test-results/screenshots/explorer-table.png", fullPage: true });
  await page.getByRole("button", { name: "Picture" }).click();
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await expect.poll(() => selectedNodeIds(canvas)).toEqual([String(neighbour.id)]);

  // a row's name links to the entity page
  await page.getByTestId("explorer-show-table").click();
  await table.getByRole("link", { name: neighbour.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${neighbour.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(neighbour.name);
});

test("keyboard only: Tab into the node list, arrow to a node, Enter expands it", async ({ page }) => {
  const job = await nodeId(page, RELEASE_JOB);
  await page.goto(`/explore?focus=${job}`);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  const before = await drawnNodeCount(page);

  // from the last control before the picture, Tab reaches the node list (the canvas takes no focus)
  await page.getByRole("group", { name: "Zoom" }).getByRole("button", { name: "PNG" }).focus();
  const list = page.getByRole("listbox", { name: /Nodes in the picture/ });
  for (let presses = 0; presses < 5 && !(await list.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(list).toBeFocused();
  // the start node is selected, so the list starts on it
  await expect(list).toHaveAttribute("aria-activedescendant", `explorer-node-${job}`);

  // arrow down to a node with undrawn neighbours; the selection is announced and shown in the picture
  const announcement = page.getByTestId("explorer-announcement");
  const options = await list.getByRole("option").count();
  for (let presses = 0; presses < options; presses++) {
    await page.keyboard.press("ArrowDown");
    await expect(announcement).toContainText("selected");
    if ((await announcement.textContent())?.includes("Enter draws them")) break;
  }
  await expect(announcement).toContainText("Enter draws them");
  const active = (await list.getAttribute("aria-activedescendant"))!.replace("explorer-node-", "");
  await expect(page).toHaveURL(new RegExp(`node=${active}`));
  await expect.poll(() => selectedNodeIds(page.getByTestId("graph-canvas"))).toEqual([active]);
  await page.screenshot({ path: "test-results/screenshots/explorer-keyboard.png", fullPage: true });

  await page.keyboard.press("Enter");
  await expect(announcement).toContainText("expanded");
  await expect.poll(() => drawnNodeCount(page)).toBeGreaterThan(before);
  await expect(list).toBeFocused();
});
