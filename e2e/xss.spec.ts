import { expect, test, type Page } from "@playwright/test";

// Names come from imported files anyone in the supply chain can write (a workflow's job name, an
// SBOM component, an inventory entry). They must be shown as text everywhere: in tables, on the
// graph canvas, on detail pages and in exports. Each payload would set window.__xss or open a
// dialog if it ever reached the DOM as markup.
const PAYLOADS = [
  `<img src=x onerror="window.__xss='img'">`,
  `<script>window.__xss='script'</script>`,
  `"><svg onload="window.__xss='svg'">`,
  `javascript:window.__xss='href'`,
];

async function expectNothingExecuted(page: Page, dialogs: string[]) {
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
  expect(await page.locator("body img[src='x'], body svg[onload]").count()).toBe(0);
}

test("imported names containing HTML and script are rendered as text and never execute", async ({ page, request }) => {
  const inventory = {
    blastmapInventory: 1,
    systems: [{ name: `xss-system ${PAYLOADS[0]}`, kind: "database", criticality: "high", owner: PAYLOADS[1] }],
    identities: PAYLOADS.map((payload, i) => ({
      name: `xss-identity-${i} ${payload}`,
      kind: "ciServiceAccount",
      lifetime: "longLived",
      owner: payload,
      canAccess: [{ system: `system:xss-system ${PAYLOADS[0]}`, privilege: "write" }],
    })),
  };
  const imported = await request.post("/api/import", { data: { files: [{ path: "xss-inventory.json", content: JSON.stringify(inventory) }] } });
  expect(imported.status(), await imported.text()).toBe(200);

  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await page.goto("/");
  await expectNothingExecuted(page, dialogs);

  await page.goto("/inventory/identities?q=xss-identity");
  await expect(page.getByText(`xss-identity-0 ${PAYLOADS[0]}`).first()).toBeVisible();
  await expectNothingExecuted(page, dialogs);
  await page.screenshot({ path: "test-results/screenshots/xss-inventory.png", fullPage: true });

  await page.goto("/inventory/systems");
  await expectNothingExecuted(page, dialogs);

  const search = (await (await request.get("/api/graph/search?q=xss-identity-0")).json()) as { hits: { id: number; name: string }[] };
  const node = search.hits.find((hit) => hit.name.startsWith("xss-identity-0"));
  expect(node).toBeTruthy();

  await page.goto(`/nodes/${node!.id}`);
  await expect(page.getByText(PAYLOADS[0]).first()).toBeVisible();
  await expectNothingExecuted(page, dialogs);

  // The graph canvas draws labels itself; the payload must arrive there as a plain string too.
  await page.goto(`/explore?focus=${node!.id}&depth=2`);
  await page.waitForTimeout(1500);
  await expectNothingExecuted(page, dialogs);
  await page.screenshot({ path: "test-results/screenshots/xss-graph.png", fullPage: true });

  await page.goto(`/audit?action=import.`);
  await expectNothingExecuted(page, dialogs);

  const csv = await request.get("/api/audit?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
});
