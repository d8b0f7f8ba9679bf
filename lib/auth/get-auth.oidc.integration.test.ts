import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase, type TestDatabaseKind } from "@/test/test-database";
import { authConfigFromEnv } from "./auth-config";
import { createAuth, NO_ROLE_ERROR } from "./get-auth";

// The ID-token checks of single sign-on, against a provider stub whose token endpoint returns
// whatever ID token a test forges: a wrong issuer, audience or nonce, or an expired token, must
// end on the sign-in page without a session. (The whole browser flow against a real provider is
// e2e/oidc.spec.ts; a certified provider cannot be made to issue these tokens.)

interface Stub {
  issuer: string;
  nextIdToken: (claims: { nonce: string }) => Promise<string>;
  /** What /userinfo answers: a status and JSON body; the bearer token it was called with is kept. */
  userInfo: { status: number; body: unknown };
  userInfoAuthorization: string[];
  close(): Promise<void>;
}

async function startProviderStub(): Promise<Stub> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  const server: Server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stub: Stub = {
    issuer,
    nextIdToken: async () => "",
    userInfo: { status: 200, body: { sub: "user-1" } },
    userInfoAuthorization: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  let lastNonce = "";
  server.on("request", async (request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    const json = (body: unknown) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/.well-known/openid-configuration") {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        id_token_signing_alg_values_supported: ["RS256"],
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
      });
    }
    if (url.pathname === "/jwks") return json({ keys: [jwk] });
    if (url.pathname === "/userinfo") {
      stub.userInfoAuthorization.push(request.headers.authorization ?? "");
      return response.writeHead(stub.userInfo.status, { "content-type": "application/json" }).end(JSON.stringify(stub.userInfo.body));
    }
    if (url.pathname === "/token")
      return json({ access_token: "at", token_type: "Bearer", expires_in: 300, id_token: await stub.nextIdToken({ nonce: lastNonce }) });
    response.writeHead(404).end();
  });
  return Object.assign(stub, {
    sign: (payload: JWTPayload, expiresIn = "5m") =>
      new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuedAt().setExpirationTime(expiresIn).sign(privateKey),
    rememberNonce: (nonce: string) => (lastNonce = nonce),
  });
}

type RunningStub = Stub & { sign(payload: JWTPayload, expiresIn?: string | number): Promise<string>; rememberNonce(nonce: string): void };

/**
 * A database, a provider stub and a Blastmap auth instance of their own for one describe block
 * (the callback's rate limit, 10 a minute, is counted per database).
 */
function useSingleSignOn(kind: TestDatabaseKind) {
  const database = useTestDatabase(kind);
  const harness = {} as { stub: RunningStub; auth: ReturnType<typeof createAuth>; baseURL: string };

  beforeAll(async () => {
    harness.stub = (await startProviderStub()) as RunningStub;
    const config = authConfigFromEnv({
      PORT: "3998",
      BLASTMAP_OIDC_ISSUER: harness.stub.issuer,
      BLASTMAP_OIDC_CLIENT_ID: "blastmap",
      BLASTMAP_OIDC_CLIENT_SECRET: "client-secret-value",
      BLASTMAP_OIDC_ROLE_MAP: "sec-admins=admin,secops=responder",
    });
    harness.baseURL = config.baseURL;
    harness.auth = createAuth(database.current.db, "test-secret-".padEnd(40, "x"), config);
  });

  afterAll(async () => {
    await harness.stub?.close();
  });

  /** Starts a sign-in, lets the stub answer with the token `forge` builds, and returns where the browser is sent. */
  async function signIn(forge: (expected: { nonce: string; issuer: string }) => Promise<string>, callbackQuery: Record<string, string> = {}) {
    const { auth, baseURL, stub } = harness;
    const { headers, response } = await auth.api.signInSocial({
      body: { provider: "oidc", callbackURL: "/", errorCallbackURL: "/sign-in?error=sso" },
      headers: new Headers({ origin: baseURL }),
      returnHeaders: true,
    });
    const authorize = new URL(response.url!);
    const nonce = authorize.searchParams.get("nonce")!;
    stub.nextIdToken = () => forge({ nonce, issuer: stub.issuer });
    const cookie = headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    const query = new URLSearchParams({ code: "code-1", state: authorize.searchParams.get("state")!, ...callbackQuery });
    const callback = await auth.handler(new Request(`${baseURL}/api/auth/callback/oidc?${query}`, { headers: { cookie } }));
    const location = callback.headers.get("location") ?? "";
    const sessionCookie = callback.headers.getSetCookie().find((value) => value.startsWith("better-auth.session_token="));
    return { status: callback.status, location, signedIn: Boolean(sessionCookie), authorize };
  }

  return { database, signIn, stub: () => harness.stub };
}

const claims = (overrides: JWTPayload, nonce: string, issuer: string) => ({
  iss: issuer,
  aud: "blastmap",
  sub: "user-1",
  email: "ada@acme.test",
  email_verified: true,
  name: "Ada",
  groups: ["secops", "sec-admins"],
  nonce,
  ...overrides,
});

describe.each(testDatabaseKinds())("single sign-on ID token checks (%s)", (kind) => {
  const { database, signIn, stub } = useSingleSignOn(kind);

  it("maps the groups in a valid ID token to the most powerful role, with PKCE and a nonce on the request", async () => {
    const result = await signIn(({ nonce, issuer }) => stub().sign(claims({}, nonce, issuer)));
    expect(result.authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(result).toMatchObject({ status: 302, location: "/", signedIn: true });
    const user = await database.current.db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } });
    expect(user.role).toBe("admin");
  });

  it("does not let the provider's groups demote the last admin, and audits the refusal", async () => {
    const result = await signIn(({ nonce, issuer }) => stub().sign(claims({ groups: ["secops"] }, nonce, issuer)));
    expect(result.signedIn).toBe(true);
    expect((await database.current.db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } })).role).toBe("admin");
    const refused = await database.current.db.auditEvent.findFirst({ where: { action: "user.role_change_refused", target: "ada@acme.test" } });
    expect(refused).not.toBeNull();
  });

  it("re-maps the role at the next sign-in when the groups change", async () => {
    // another admin exists, so Ada's demotion leaves the installation administrable
    await database.current.db.user.create({ data: { id: "local-admin", name: "Local admin", email: "root@acme.test", role: "admin" } });
    const result = await signIn(({ nonce, issuer }) => stub().sign(claims({ groups: ["secops"] }, nonce, issuer)));
    expect(result.signedIn).toBe(true);
    expect((await database.current.db.user.findUniqueOrThrow({ where: { email: "ada@acme.test" } })).role).toBe("responder");
  });

  it("refuses a user in no mapped group, back to the sign-in page with the reason, and audits it", async () => {
    const result = await signIn(({ nonce, issuer }) => stub().sign(claims({ sub: "user-2", email: "max@acme.test", groups: ["marketing"] }, nonce, issuer)));
    expect(result.signedIn).toBe(false);
    expect(result.location).toMatch(/^\/sign-in\?/);
    expect(new URLSearchParams(result.location.split("?")[1]).getAll("error")).toContain(NO_ROLE_ERROR);
    expect(await database.current.db.user.findUnique({ where: { email: "max@acme.test" } })).toBeNull();
    const audit = await database.current.db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", target: "max@acme.test" } });
    expect(audit.after).toMatchObject({ method: "oidc" });
  });

  it.each([
    ["a wrong issuer", (nonce: string) => stub().sign(claims({ iss: "http://127.0.0.1:1/evil" }, nonce, stub().issuer))],
    ["a wrong audience", (nonce: string) => stub().sign(claims({ aud: "another-client" }, nonce, stub().issuer))],
    ["a wrong nonce", () => stub().sign(claims({}, "not-the-nonce-of-this-browser", stub().issuer))],
    ["an expired token", (nonce: string) => stub().sign(claims({}, nonce, stub().issuer), Math.floor(Date.now() / 1000) - 600)],
  ])("refuses an ID token with %s", async (_label, forge) => {
    const before = await database.current.db.session.count();
    const result = await signIn(({ nonce }) => forge(nonce));
    expect(result.signedIn).toBe(false);
    expect(result.location).toMatch(/^\/sign-in\?error=sso&error=/);
    expect(await database.current.db.session.count()).toBe(before);
  });

  it("refuses a callback whose iss parameter names another issuer (mix-up)", async () => {
    const result = await signIn(({ nonce, issuer }) => stub().sign(claims({}, nonce, issuer)), { iss: "http://127.0.0.1:1" });
    expect(result.signedIn).toBe(false);
    expect(result.location).toMatch(/^\/sign-in\?error=sso&error=issuer/);
  });
});

describe.each(testDatabaseKinds())("single sign-on with the groups sent only in userinfo, as Okta, Keycloak and Azure AD do (%s)", (kind) => {
  const { database, signIn, stub: stub } = useSingleSignOn(kind);
  const { groups: _groups, ...withoutGroups } = claims({}, "", "");
  const idTokenWithout = (overrides: JWTPayload) => (expected: { nonce: string; issuer: string }) =>
    stub().sign({ ...withoutGroups, iss: expected.issuer, nonce: expected.nonce, ...overrides });
  const role = async (email: string) => (await database.current.db.user.findUnique({ where: { email } }))?.role;

  it("maps the groups from userinfo when the ID token has none, asking with the access token", async () => {
    stub().userInfo = { status: 200, body: { sub: "user-3", groups: ["secops"] } };
    stub().userInfoAuthorization = [];
    const result = await signIn(idTokenWithout({ sub: "user-3", email: "grace@acme.test" }));
    expect(result).toMatchObject({ location: "/", signedIn: true });
    expect(await role("grace@acme.test")).toBe("responder");
    expect(stub().userInfoAuthorization).toEqual(["Bearer at"]);
  });

  it("takes the union of the ID token's and userinfo's groups, so the most powerful of either wins", async () => {
    stub().userInfo = { status: 200, body: { sub: "user-3", groups: "sec-admins" } };
    const result = await signIn(({ nonce, issuer }) => stub().sign(claims({ sub: "user-3", email: "grace@acme.test", groups: ["secops"] }, nonce, issuer)));
    expect(result.signedIn).toBe(true);
    expect(await role("grace@acme.test")).toBe("admin");
  });

  it("ignores a userinfo response about another subject", async () => {
    stub().userInfo = { status: 200, body: { sub: "someone-else", groups: ["sec-admins"] } };
    const result = await signIn(idTokenWithout({ sub: "user-4", email: "eve@acme.test" }));
    expect(result.signedIn).toBe(false);
    expect(new URLSearchParams(result.location.split("?")[1]).getAll("error")).toContain(NO_ROLE_ERROR);
    expect(await role("eve@acme.test")).toBeUndefined();
  });

  it("fails the sign-in, rather than treating the user as in no group, when userinfo is unavailable and the ID token has no groups", async () => {
    stub().userInfo = { status: 503, body: { error: "temporarily_unavailable" } };
    const result = await signIn(idTokenWithout({ sub: "user-3", email: "grace@acme.test" }));
    expect(result.signedIn).toBe(false);
    expect(result.location).toMatch(/^\/sign-in\?error=sso&error=/);
    expect(await role("grace@acme.test")).toBe("admin");
  });

  it("still signs in from the ID token's groups when userinfo is unavailable", async () => {
    stub().userInfo = { status: 503, body: { error: "temporarily_unavailable" } };
    const result = await signIn(({ nonce, issuer }) => stub().sign(claims({ sub: "user-3", email: "grace@acme.test", groups: ["sec-admins"] }, nonce, issuer)));
    expect(result.signedIn).toBe(true);
  });
});
