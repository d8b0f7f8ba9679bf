import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { firstClickableNode } from "./graph-canvas";
import { expectPng } from "./png";

// Signed in as the demo admin by the setup project (e2e/auth.setup.ts, storageState).
const signIn = (page: Page, next: string) => page.goto(next);

test("search to focus, draw the neighbourhood, select a node and expand it", async ({ page }) => {
  await signIn(page, "/explore");
  await expect(page.getByTestId("explorer-empty")).toBeVisible();

  await page.getByTestId("explorer-search").fill("npm");
  await page.getByRole("listbox").getByRole("option").first().click();
  await expect(page).toHaveURL(/focus=\d+/);
  const focus = Number(new URL(page.url()).searchParams.get("focus"));

  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  const api = await (await page.request.get(`/api/graph/neighbourhood?focus=${focus}&limit=200`)).json();
  // what is drawn is what the API sent: the counts line and the canvas agree with it
  await expect(page.getByTestId("explorer-counts")).toHaveText(`${api.nodes.length} nodes · ${api.edges.length} edges`);
  await expect(canvas).toHaveAttribute("data-elements", String(api.nodes.length + api.edges.length));
  // the focus is selected and its details are in the side panel
  await expect(page.getByTestId("explorer-panel")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open details" })).toHaveAttribute("href", `/nodes/${focus}`);
  await expect(page.getByRole("region", { name: "Legend" })).toContainText("install");

  // expand: the button carries the undrawn count; pressing it draws more (or says all are drawn)
  const expand = page.getByTestId("explorer-expand");
  const label = (await expand.textContent()) ?? "";
  if (/\+\d+/.test(label)) {
    await expand.click();
    await expect(page.getByTestId("explorer-expand")).toHaveText("All neighbours drawn");
  } else {
    await expect(expand).toBeDisabled();
  }

  // layouts: the layered one runs and reports itself
  await page.getByTestId("explorer-layout").selectOption("elk");
  await expect(page).toHaveURL(/layout=elk/);
  await expect(page.getByTestId("explorer-status")).toContainText("Layered (ELK)");
  await page.getByRole("button", { name: "Fit" }).click();
  await page.screenshot({ path: "test-results/screenshots/explorer.png", fullPage: true });
});

test("the explorer opened from an entity page focuses that entity; an unknown focus is explained", async ({ page }) => {
  await signIn(page, "/inventory/systems");
  await page.getByRole("link", { name: "npm-registry" }).first().click();
  await page.getByRole("link", { name: "Explore graph" }).click();
  await expect(page).toHaveURL(/\/explore\?focus=\d+/);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("explorer-panel")).toContainText("npm-registry");

  await page.goto("/explore?focus=999999999");
  await expect(page.getByRole("alert").filter({ hasText: "not in the graph" })).toBeVisible();
  const response = await page.request.get("/api/graph/neighbourhood?focus=abc");
  expect(response.status()).toBe(400);
});

test("clicking a node on the canvas shows its details in the side panel; clicking the background clears it", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent("pkg:npm/chalk@5.6.1")}`)).json();
  const focus: number = radius.source.nodes[0].id;
  await page.goto(`/explore?focus=${focus}`);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await expect(page.getByRole("link", { name: "Open details" })).toHaveAttribute("href", `/nodes/${focus}`);

  // a neighbour of the focus, clicked where the canvas drew it
  const view = await (await page.request.get(`/api/graph/neighbourhood?focus=${focus}&limit=200`)).json();
  const neighbours: { id: number; name: string }[] = view.nodes.filter((node: { id: number }) => node.id !== focus);
  const target = await firstClickableNode(
    canvas,
    neighbours.map((node) => String(node.id)),
  );
  const node = neighbours.find((candidate) => String(candidate.id) === target.id)!;
  await page.mouse.click(target.x, target.y);
  const panel = page.getByTestId("explorer-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toContainText(node.name);
  await expect(panel.getByRole("link", { name: "Open details" })).toHaveAttribute("href", `/nodes/${node.id}`);
  await page.screenshot({ path: "test-results/screenshots/explorer-node-clicked.png", fullPage: true });

  // the layout fits the graph with a margin, so a corner of the canvas is background
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect(page.getByText("Select a node to see its details.")).toBeVisible();
  await expect(page.getByTestId("explorer-panel")).toHaveCount(0);
});

test("the PNG button downloads a PNG image of the graph", async ({ page }) => {
  const radius = await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent("pkg:npm/chalk@5.6.1")}`)).json();
  await page.goto(`/explore?focus=${radius.source.nodes[0].id}`);
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("group", { name: "Zoom" }).getByRole("button", { name: "PNG" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^blastmap-graph-\d+\.png$/);
  expectPng(await readFile((await download.path())!));
});
