import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedInContext } from "./sign-in";

const ADMIN = "admin@demo.blastmap";
const anonymous = { storageState: { cookies: [], origins: [] } };

// Every page under app/, with dynamic segments filled in; only sign-in and setup are public.
function pagePaths(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (entry.name === "api") return [];
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name.replace(/^\[\.\.\..+\]$/, "x").replace(/^\[.+\]$/, "1")}`;
      return pagePaths(path.join(dir, entry.name), prefix + segment);
    }
    return entry.name === "page.tsx" ? [prefix || "/"] : [];
  });
}

test.describe("signed out", () => {
  test.use(anonymous);

  test("every page sends an anonymous visitor to sign-in, remembering where they were going", async ({ page }) => {
    test.setTimeout(300_000);
    const paths = pagePaths().filter((p) => p !== "/sign-in" && p !== "/setup");
    expect(paths.length).toBeGreaterThan(3);
    for (const target of paths) {
      await page.goto(target);
      await expect(page, `${target} must redirect`).toHaveURL(
        new RegExp(`/sign-in\\?next=${encodeURIComponent(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      );
    }
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveCount(0);
  });

  test("the demo admin signs in (a wrong password first), sees who they are, and signs out", async ({ page }) => {
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faudit$/);
    await page.getByLabel("Email").fill(ADMIN);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();

    // The email survives the failed attempt; only the password is typed again.
    await expect(page.getByLabel("Email")).toHaveValue(ADMIN);
    await page.getByLabel("Password").fill(process.env.E2E_ADMIN_PASSWORD!);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(page.getByTestId("current-user")).toHaveText(ADMIN);
    await expect(page.getByTestId("current-role")).toHaveText("admin");
    await expect(page.getByRole("cell", { name: "auth.sign_in_failed" }).first()).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/audit-log.png", fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  });

  test("first-run setup no longer exists once an account does", async ({ page }) => {
    const response = await page.goto("/setup");
    expect(response?.status()).toBe(404);
  });

  test("API routes answer 401 without a session or token", async ({ request }) => {
    expect((await request.get("/api/graph/search?q=npm")).status()).toBe(401);
    expect((await request.post("/api/assumed-compromised", { data: { ref: "system:x" } })).status()).toBe(401);
    expect((await request.post("/api/import", { data: { files: [] } })).status()).toBe(401);
  });
});

test("a viewer sees no admin navigation and is refused admin pages and changes", async ({ page, browser }) => {
  const email = `viewer-${Date.now()}@example.test`;
  const password = `viewer-${"p".repeat(16)}`;
  await page.goto("/settings/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByLabel("Password (empty: generate one)").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText(`Created ${email}`);
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  const viewer = await signedInContext(browser, email, password);
  const viewerPage = await viewer.newPage();
  await viewerPage.goto("/");
  await expect(viewerPage.getByTestId("current-role")).toHaveText("viewer");
  const nav = viewerPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
  for (const hidden of ["Users", "API tokens", "Audit log"]) await expect(nav.getByRole("link", { name: hidden })).toHaveCount(0);

  for (const adminPage of ["/settings/users", "/settings/tokens", "/audit"]) {
    const response = await viewerPage.goto(adminPage);
    expect(response?.status(), adminPage).toBe(403);
    await expect(viewerPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  await viewerPage.screenshot({ path: "test-results/screenshots/viewer-forbidden.png" });

  const api = viewer.request;
  expect((await api.post("/api/assumed-compromised", { data: { ref: "system:github" } })).status()).toBe(403);
  expect((await api.get("/api/audit")).status()).toBe(403);
  expect((await api.post("/api/import", { data: { files: [] } })).status()).toBe(403);
  await viewer.close();
});

test("an admin's API token is shown once, works within its scope, shows up as an NHI, and dies when revoked", async ({ page, playwright, baseURL }) => {
  const name = `e2e-ci-${Date.now()}`;
  await page.goto("/settings/tokens");
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Scope").selectOption("read");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^bm_[A-Za-z0-9_-]{43}$/);
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(`${token.slice(0, 7)}…`);
  await expect(page.locator("body")).not.toContainText(token);

  const ci = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await ci.get("/api/graph/search?q=blastmap")).status()).toBe(200);
  expect((await ci.post("/api/import", { data: { files: [] } })).status()).toBe(403);
  expect((await ci.get("/api/audit")).status()).toBe(403);

  const search = await (await ci.get(`/api/graph/search?q=${encodeURIComponent(name)}`)).json();
  expect(JSON.stringify(search)).toContain(`identity:blastmap-token:${name}`);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
  expect((await ci.get("/api/graph/search?q=blastmap")).status()).toBe(401);
  await ci.dispose();

  await page.goto(`/audit?target=${name}`);
  await expect(page.getByRole("cell", { name: "token.create" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "token.revoke" })).toBeVisible();
  const csv = await page.request.get(`/api/audit?format=csv&target=${name}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("token.revoke");
});

test("responses carry a nonce CSP, anti-framing and no-sniff headers, and HSTS only over TLS", async ({ page, request }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Every script in the server's HTML carries this response's nonce; the chunks those scripts load
  // later are trusted through 'strict-dynamic' instead.
  const html = await response!.text();
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

  const overTls = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(overTls.headers()["strict-transport-security"]).toMatch(/max-age=/);
});

test("a cookie-authenticated change from another site is refused, and so is an oversized body", async ({ request }) => {
  const crossSite = await request.post("/api/assumed-compromised", { headers: { origin: "https://evil.example" }, data: { ref: "system:github" } });
  expect(crossSite.status()).toBe(403);
  const huge = await request.post("/api/assumed-compromised", { data: { ref: "x".repeat(1024 * 1024 + 10) } });
  expect(huge.status()).toBe(413);
});
