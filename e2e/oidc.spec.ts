import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startBlastmapWithOidc, startOidcProvider, type OidcUser, type RunningBlastmap, type RunningOidcProvider } from "./oidc-provider";

// Single sign-on against a real OpenID provider on loopback: the groups it sends decide the role
// Blastmap shows, the most powerful mapping wins, a user in no mapped group is sent back to the
// sign-in page with the reason, and the mapping is re-evaluated at every sign-in.
const BLASTMAP_PORT = Number(process.env.E2E_OIDC_PORT ?? 3227);
const SSO_NAME = "Acme SSO";

const users: Record<string, OidcUser> = {
  ada: { email: "ada@acme.test", name: "Ada Admin", groups: ["engineering", "sec-admins"] },
  sam: { email: "sam@acme.test", name: "Sam Secops", groups: ["secops"] },
  max: { email: "max@acme.test", name: "Max Marketing", groups: ["marketing"] },
  kim: { email: "kim@acme.test", name: "Kim Keycloak", groups: ["secops"], groupsIn: "userinfo" },
};

let idp: RunningOidcProvider;
let blastmap: RunningBlastmap;
let dataRoot: string;
const authorizationRequests: URL[] = [];

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataRoot = mkdtempSync(path.join(tmpdir(), "blastmap-oidc-e2e-"));
  const origin = `http://127.0.0.1:${BLASTMAP_PORT}`;
  idp = await startOidcProvider({ users, redirectUri: `${origin}/api/auth/callback/oidc` });
  blastmap = await startBlastmapWithOidc({
    port: BLASTMAP_PORT,
    dataDir: path.join(dataRoot, "data"),
    localAdmin: { email: "local-admin@acme.test", password: "local-admin-password-e2e" },
    env: {
      BLASTMAP_OIDC_ISSUER: idp.issuer,
      BLASTMAP_OIDC_CLIENT_ID: idp.clientId,
      BLASTMAP_OIDC_CLIENT_SECRET: idp.clientSecret,
      BLASTMAP_OIDC_NAME: SSO_NAME,
      BLASTMAP_OIDC_ROLE_MAP: "sec-admins=admin,secops=responder",
      BLASTMAP_OIDC_DEFAULT_ROLE: "none",
    },
  });
});

test.afterAll(async () => {
  await blastmap?.stop();
  await idp?.stop();
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
});

/** Signs in through the provider's own login and consent pages; returns the page where the browser lands. */
async function signInWithSso(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === idp.issuer && url.pathname === "/auth") authorizationRequests.push(url);
  });
  await page.goto(`${blastmap.origin}/sign-in`);
  await page.getByRole("button", { name: `Sign in with ${SSO_NAME}` }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the provider's development login");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
  await page.waitForURL((url) => url.origin === blastmap.origin && !url.pathname.startsWith("/api/auth/"));
  return page;
}

test("a user in the sec-admins group signs in with the provider and is an admin", async ({ browser }, testInfo) => {
  const page = await signInWithSso(browser, "ada");
  await expect(page.getByTestId("current-user")).toHaveText("ada@acme.test");
  await expect(page.getByTestId("current-role")).toHaveText("admin");
  await page.screenshot({ path: testInfo.outputPath("sso-admin.png") });
  // Authorization code flow with PKCE (S256) and a nonce, from the discovered endpoint.
  const request = authorizationRequests.at(-1)!;
  expect(request.searchParams.get("response_type")).toBe("code");
  expect(request.searchParams.get("code_challenge_method")).toBe("S256");
  expect(request.searchParams.get("code_challenge")).toBeTruthy();
  expect(request.searchParams.get("nonce")).toBeTruthy();
  await page.context().close();
});

test("a user in the secops group is a responder", async ({ browser }) => {
  const page = await signInWithSso(browser, "sam");
  await expect(page.getByTestId("current-user")).toHaveText("sam@acme.test");
  await expect(page.getByTestId("current-role")).toHaveText("responder");
  await page.context().close();
});

test("a user whose groups the provider sends only from userinfo gets the mapped role", async ({ browser }) => {
  const page = await signInWithSso(browser, "kim");
  await expect(page.getByTestId("current-user")).toHaveText("kim@acme.test");
  await expect(page.getByTestId("current-role")).toHaveText("responder");
  // The case itself: an ID token without the groups, and the groups read from userinfo.
  expect(idp.claimsServed).toContain("kim:id_token:sub,email,email_verified,name");
  expect(idp.claimsServed).toContain("kim:userinfo:sub,email,email_verified,name,groups");
  await page.context().close();
});

test("a user in no mapped group is refused and shown why on the sign-in page", async ({ browser }, testInfo) => {
  const page = await signInWithSso(browser, "max");
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(page.getByText(/has no Blastmap role/)).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("sso-refused.png") });
  await page.goto(`${blastmap.origin}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().close();
});

test("the role follows the provider's groups at the next sign-in, and sign-out ends the session", async ({ browser }) => {
  users.sam.groups = ["secops", "sec-admins"];
  let page = await signInWithSso(browser, "sam");
  await expect(page.getByTestId("current-role")).toHaveText("admin");
  await page.context().close();

  users.sam.groups = ["marketing"];
  page = await signInWithSso(browser, "sam");
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(page.getByText(/has no Blastmap role/)).toBeVisible();
  await page.context().close();

  users.sam.groups = ["secops"];
  page = await signInWithSso(browser, "sam");
  await expect(page.getByTestId("current-role")).toHaveText("responder");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${blastmap.origin}/inventory`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await page.context().close();
});
