import { expect, type Page } from "@playwright/test";

// The pages a person reaches from the navigation, plus one of each detail page, on the demo
// organisation. The phone and accessibility specs walk the same list, so a page added here is
// checked for both.

/** The demo's advisory: its radius has a picture, a rotation plan and next-resolve timing. */
export const DEMO_ADVISORY = "ACME-2026-0001";
/** A demo package version with a long purl, for an entity page that has to wrap it. */
const DEMO_VERSION = { search: "chalk@5.6.1", key: "pkg:npm/chalk@5.6.1" };

export interface TMainPage {
  name: string;
  path: string;
}

/** The first incident on the list, opened from the demo advisory through the form when there is none yet. */
async function anIncidentPath(page: Page): Promise<string> {
  await page.goto("/incidents");
  const first = page.getByRole("table", { name: "Incidents" }).getByRole("link").first();
  if ((await first.count()) > 0) return (await first.getAttribute("href"))!;
  await page.goto(`/incidents/new?advisory=${DEMO_ADVISORY}`);
  const form = page.getByRole("form", { name: "Open incident" });
  // Enter submits as the button does, and works whatever the window's width does to the layout
  await form.getByLabel("Incident commander").fill("commander@example.test");
  await form.getByLabel("Incident commander").press("Enter");
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  return new URL(page.url()).pathname;
}

async function anEntityId(page: Page): Promise<number> {
  const search = await page.request.get(`/api/graph/search?q=${encodeURIComponent(DEMO_VERSION.search)}`);
  const { hits } = (await search.json()) as { hits: { id: number; key: string }[] };
  const hit = hits.find((candidate) => candidate.key === DEMO_VERSION.key);
  expect(hit, `${DEMO_VERSION.key} in the demo`).toBeTruthy();
  return hit!.id;
}

/** Every main page, signed in as the demo admin (the incident and entity ids are looked up). */
export async function mainPages(page: Page): Promise<TMainPage[]> {
  const entity = await anEntityId(page);
  return [
    { name: "overview", path: "/" },
    { name: "inventory", path: "/inventory/identities" },
    { name: "inventory of a kind", path: "/inventory/versions" },
    { name: "entity", path: `/nodes/${entity}` },
    { name: "findings", path: "/findings" },
    { name: "compliance", path: "/compliance" },
    { name: "compliance framework", path: "/compliance/nist-csf-2" },
    { name: "radius", path: `/radius?advisory=${DEMO_ADVISORY}` },
    { name: "radius as a table", path: `/radius?advisory=${DEMO_ADVISORY}&view=table` },
    { name: "explore", path: "/explore" },
    { name: "explore around a node", path: `/explore?focus=${entity}` },
    { name: "incidents", path: "/incidents" },
    { name: "incident", path: await anIncidentPath(page) },
    { name: "new incident", path: `/incidents/new?advisory=${DEMO_ADVISORY}` },
    { name: "import", path: "/import" },
    { name: "audit", path: "/audit" },
    { name: "users", path: "/settings/users" },
    { name: "tokens", path: "/settings/tokens" },
  ];
}

/**
 * Waits until the page has drawn what it loads on the client: no skeleton or busy region left,
 * and a graph canvas, where there is one, laid out.
 */
export async function settle(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"], .skeleton, .skeleton-row')).toHaveCount(0);
  const canvas = page.getByTestId("graph-canvas");
  if ((await canvas.count()) > 0) await expect(canvas.first()).toHaveAttribute("data-ready", "true");
}
