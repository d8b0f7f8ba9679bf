// The engine's HTTP API against the production server on the demo organisation: what a script or
// a SOAR playbook would call. Answers are checked against the shared Zod schemas and against each
// other (the path API must find a chain to what the radius API says is reached).
import { expect, test } from "@playwright/test";
import { ZFixesResult, ZPathResult, ZRadiusPage, ZRadiusResult } from "../lib/schemas/radius";

const SOURCE = "pkg:npm/chalk@5.6.1";

test("blast radius, path and fixes over HTTP agree with each other", async ({ page }) => {
  const radiusResponse = await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}`);
  expect(radiusResponse.status()).toBe(200);
  expect(radiusResponse.headers()["content-type"]).toContain("application/json");
  const radius = ZRadiusResult.parse(await radiusResponse.json());
  expect(radius.source.refs).toEqual([SOURCE]);
  expect(radius.summary.total).toBe(radius.nodes.length);
  expect(radius.edges).toHaveLength(radius.nodes.length - radius.source.nodes.length);
  for (const node of radius.nodes) expect(node.path).toHaveLength(node.hops);
  expect(radius.rotationPlan.length).toBeGreaterThan(0);

  // the farthest system reached: the path API finds a chain to it, no longer than the radius's
  // explanation (which prefers the earliest worm generation over fewer hops)
  const systems = radius.nodes.filter((node) => node.kind === "system").sort((a, b) => b.hops - a.hops);
  expect(systems.length).toBeGreaterThan(0);
  const target = systems[0];
  const pathResponse = await page.request.get(`/api/path?from=${encodeURIComponent(SOURCE)}&to=${encodeURIComponent(target.key)}&k=2`);
  expect(pathResponse.status()).toBe(200);
  const path = ZPathResult.parse(await pathResponse.json());
  expect(path.found).toBe(true);
  expect(path.chains[0].hops).toBeLessThanOrEqual(target.hops);
  expect(path.chains[0].nodes.at(-1)?.key).toBe(target.key);
  expect(path.chains[0].steps[0].from).toBe(radius.source.nodes[0].id);

  // with the exposure filter the answer shrinks and every node respects it
  const installOnly = ZRadiusResult.parse(await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&exposure=install`)).json());
  expect(installOnly.nodes.length).toBeLessThan(radius.nodes.length);
  for (const node of installOnly.nodes) expect([null, "install"]).toContain(node.exposure);

  const fixes = ZFixesResult.parse(await (await page.request.get("/api/fixes?top=3")).json());
  expect(fixes.fixes.length).toBeGreaterThan(0);
  expect(fixes.fixes[0].reduction).toBeGreaterThan(0);
  // applying the best fix as a what-if never makes the radius of this source larger
  const whatIf = ZRadiusResult.parse(
    await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&whatIf=${encodeURIComponent(fixes.fixes[0].control)}`)).json(),
  );
  expect(whatIf.before?.total).toBe(radius.summary.total);
  expect(whatIf.summary.total).toBeLessThanOrEqual(radius.summary.total);
});

test("the radius in pages: the most important nodes first, a cursor to the rest, together the complete answer", async ({ page }) => {
  const complete = ZRadiusResult.parse(await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}`)).json());
  const limit = Math.ceil(complete.nodes.length / 3);
  const keys: string[] = [];
  let cursor: string | null = null;
  let first: ReturnType<typeof ZRadiusPage.parse> | null = null;
  do {
    const response = await page.request.get(
      `/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(response.status()).toBe(200);
    const current = ZRadiusPage.parse(await response.json());
    first ??= current;
    expect(current.summary).toEqual(complete.summary);
    expect(current.nodes.length).toBeLessThanOrEqual(limit);
    expect(current.nodes.every((node) => node.path === undefined)).toBe(true);
    keys.push(...current.nodes.map((node) => node.key));
    cursor = current.page.nextCursor;
  } while (cursor);
  expect(first!.page).toMatchObject({ offset: 0, limit, total: complete.nodes.length, truncated: true });
  expect(new Set(keys).size).toBe(keys.length);
  expect([...keys].sort()).toEqual(complete.nodes.map((node) => node.key).sort());
  // a critical system's path comes in the first page, before the bulk of the radius
  const critical = complete.nodes.find((node) => node.criticality === "critical");
  if (critical) expect(first!.nodes.map((node) => node.key)).toContain(critical.key);

  const withPaths = ZRadiusResult.parse(await (await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&limit=5&include=paths`)).json());
  for (const node of withPaths.nodes) expect(node.path).toEqual(complete.nodes.find((other) => other.key === node.key)!.path);

  const foreign = await page.request.get(
    `/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&maxHops=2&limit=5&cursor=${encodeURIComponent(first!.page.nextCursor!)}`,
  );
  expect(foreign.status()).toBe(400);
  expect((await foreign.json()).error).toMatch(/another question/);
  const badLimit = await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&limit=0`);
  expect(badLimit.status()).toBe(400);
  expect((await badLimit.json()).error).toMatch(/limit must be at least 1/);
});

test("bad refs and options get a 400 that says what is wrong", async ({ page }) => {
  const unknown = await page.request.get("/api/blast-radius?ref=pkg:npm/chalkk@5.6.1");
  expect(unknown.status()).toBe(400);
  const body = await unknown.json();
  expect(body.error).toContain("pkg:npm/chalkk@5.6.1");
  expect(JSON.stringify(body.errors)).toContain("pkg:npm/chalk");

  const badHops = await page.request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}&maxHops=0`);
  expect(badHops.status()).toBe(400);
  expect((await badHops.json()).error).toMatch(/max hops/);

  const noTarget = await page.request.get(`/api/path?from=${encodeURIComponent(SOURCE)}`);
  expect(noTarget.status()).toBe(400);
});

test.describe("without a session", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the engine's routes answer 401", async ({ request }) => {
    expect((await request.get(`/api/blast-radius?ref=${encodeURIComponent(SOURCE)}`)).status()).toBe(401);
    expect((await request.get(`/api/path?from=${encodeURIComponent(SOURCE)}&to=system:github`)).status()).toBe(401);
    expect((await request.get("/api/fixes")).status()).toBe(401);
  });
});
