import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/data/users/create-user";
import { deleteUser } from "@/lib/data/users/delete-user";
import { LastAdminError, updateUserRole } from "@/lib/data/users/update-user-role";
import { SYSTEM_ACTOR } from "@/lib/data/audit/record-audit-event";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { authConfigFromEnv } from "./auth-config";
import { createAuth, DISABLED_PATHS, HTTP_AUTH_PATHS, SESSION_MAX_AGE_SECONDS } from "./get-auth";

const config = authConfigFromEnv({ PORT: "3999" });
const password = ["correct", "horse", "battery", "staple"].join("-");

describe.each(testDatabaseKinds())("sign-in with better-auth over Prisma (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const auth = () => createAuth(database.current.db, "test-secret-".padEnd(40, "x"), config);

  async function signIn(email: string, secret: string) {
    const { headers, response } = await auth().api.signInEmail({ body: { email, password: secret }, returnHeaders: true });
    const cookie = (headers.get("set-cookie") ?? "").split(";")[0];
    return { cookie, response };
  }

  it("stores a scrypt hash, never the password", async () => {
    const { db } = database.current;
    await createUser(db, { email: "Admin@Example.test", role: "admin", password }, SYSTEM_ACTOR, { onlyIfNoUsers: true });
    const account = await db.account.findFirstOrThrow({ where: { user: { email: "admin@example.test" } } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain(password);
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it("lets the first-run setup create only the first admin", async () => {
    await expect(
      createUser(database.current.db, { email: "second@example.test", role: "admin", password }, SYSTEM_ACTOR, { onlyIfNoUsers: true }),
    ).rejects.toThrow(/setup is complete/);
  });

  it("signs in with the right password into a database session that expires, carrying the role", async () => {
    const { cookie } = await signIn("admin@example.test", password);
    expect(cookie).toMatch(/^better-auth\.session_token=/);
    const session = await auth().api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user).toMatchObject({ email: "admin@example.test", role: "admin" });
    const stored = await database.current.db.session.findFirstOrThrow({ where: { userId: session!.user.id } });
    const lifetime = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 1000;
    expect(Math.abs(lifetime - SESSION_MAX_AGE_SECONDS)).toBeLessThan(5);
    const audit = await database.current.db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in", target: "admin@example.test" } });
    expect(audit).toMatchObject({ actorKind: "user", actorId: session!.user.id, after: { method: "password", role: "admin" } });
  });

  it("refuses a wrong password and a forged cookie", async () => {
    await expect(signIn("admin@example.test", `${password}!`)).rejects.toThrow();
    await expect(signIn("nobody@example.test", password)).rejects.toThrow();
    expect(await auth().api.getSession({ headers: new Headers({ cookie: "better-auth.session_token=forged.value" }) })).toBeNull();
  });

  it("sees a role change at the next request and ends the sessions of a deleted user", async () => {
    const { db } = database.current;
    const viewer = await createUser(db, { email: "viewer@example.test", role: "viewer", password }, SYSTEM_ACTOR);
    const { cookie } = await signIn("viewer@example.test", password);
    await updateUserRole(db, viewer.id, "responder", SYSTEM_ACTOR);
    expect((await auth().api.getSession({ headers: new Headers({ cookie }) }))?.user.role).toBe("responder");
    await deleteUser(db, viewer.id, SYSTEM_ACTOR);
    expect(await auth().api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });

  it("never leaves the installation without an admin", async () => {
    const { db } = database.current;
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.test" } });
    await expect(updateUserRole(db, admin.id, "viewer", SYSTEM_ACTOR)).rejects.toBeInstanceOf(LastAdminError);
    await expect(deleteUser(db, admin.id, SYSTEM_ACTOR)).rejects.toBeInstanceOf(LastAdminError);
  });

  it("keeps password sign-in and sign-up closed over HTTP (only the server actions, with lockout, reach them)", async () => {
    const post = (path: string, body: unknown) =>
      auth().handler(
        new Request(`${config.baseURL}/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: config.baseURL },
          body: JSON.stringify(body),
        }),
      );
    expect((await post("/sign-in/email", { email: "admin@example.test", password })).status).toBe(404);
    expect((await post("/sign-up/email", { email: "mallory@example.test", password, name: "m" })).status).toBe(404);
    expect(await database.current.db.user.findUnique({ where: { email: "mallory@example.test" } })).toBeNull();
  });
});

// Through the route handler, as the browser reaches it: with a valid session cookie, nothing but
// the session check answers, and the session check does not hand the token to a script.
describe.each(testDatabaseKinds())("the better-auth HTTP surface (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const globals = globalThis as unknown as { blastmapDatabase?: Promise<unknown>; blastmapAuth?: Promise<unknown> };
  let cookie = "";

  async function route(method: "GET" | "POST", path: string, body?: unknown) {
    const { GET, POST } = await import("@/app/api/auth/[...all]/route");
    const handler = method === "GET" ? GET : POST;
    const headers: Record<string, string> = { cookie, origin: config.baseURL, "x-forwarded-for": "203.0.113.9" };
    if (body !== undefined) headers["content-type"] = "application/json";
    return handler(new Request(`${config.baseURL}/api/auth${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  }

  beforeAll(async () => {
    globals.blastmapDatabase = Promise.resolve({ prisma: database.current.db, connection: database.current.connection });
    globals.blastmapAuth = Promise.resolve(createAuth(database.current.db, "test-secret-".padEnd(40, "x"), config));
    await createUser(database.current.db, { email: "victim@example.test", role: "admin", password }, SYSTEM_ACTOR);
    const { headers } = await createAuth(database.current.db, "test-secret-".padEnd(40, "x"), config).api.signInEmail({
      body: { email: "victim@example.test", password },
      returnHeaders: true,
    });
    cookie = (headers.get("set-cookie") ?? "").split(";")[0];
  });

  afterAll(() => {
    globals.blastmapDatabase = undefined;
    globals.blastmapAuth = undefined;
  });

  it("closes every better-auth endpoint Blastmap does not use, and a better-auth upgrade's new ones fail here", () => {
    const auth = createAuth(
      database.current.db,
      "test-secret-".padEnd(40, "x"),
      authConfigFromEnv({ PORT: "3999", BLASTMAP_OIDC_ISSUER: "http://127.0.0.1:9", BLASTMAP_OIDC_CLIENT_ID: "c", BLASTMAP_OIDC_CLIENT_SECRET: "s" }),
    );
    const paths = new Set(
      Object.values(auth.api as Record<string, { path?: string }>)
        .map((endpoint) => endpoint.path)
        .filter((path): path is string => Boolean(path)),
    );
    const decided = new Set<string>([...HTTP_AUTH_PATHS, ...DISABLED_PATHS]);
    expect(
      [...paths].filter((path) => !decided.has(path)),
      "add each to HTTP_AUTH_PATHS or DISABLED_PATHS in lib/auth/get-auth.ts",
    ).toEqual([]);
  });

  it("does not let a session cookie guess its account's password or revoke sessions", async () => {
    for (const guess of ["wrong-password-guess-1", password]) {
      expect((await route("POST", "/verify-password", { password: guess })).status).toBe(404);
    }
    for (const path of ["/revoke-sessions", "/revoke-other-sessions", "/revoke-session", "/update-session", "/sign-in/social", "/sign-out"]) {
      expect((await route("POST", path, { token: "x", provider: "oidc" })).status, path).toBe(404);
    }
    for (const path of ["/list-sessions", "/list-accounts", "/account-info", "/reset-password/some-token"]) {
      expect((await route("GET", path)).status, path).toBe(404);
    }
    expect(await database.current.db.session.count({ where: { user: { email: "victim@example.test" } } })).toBe(1);
  });

  it("answers the session check without the session token", async () => {
    const response = await route("GET", "/get-session");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { email: string }; session: Record<string, unknown> };
    expect(body.user.email).toBe("victim@example.test");
    expect(body.session).not.toHaveProperty("token");
    expect(JSON.stringify(body)).not.toContain(cookie.split("=")[1].split(".")[0]);
  });

  it("limits the session check per client address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await route("GET", "/get-session")).status);
    expect(statuses).toContain(429);
  });
});
