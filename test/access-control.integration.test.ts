import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/get-auth";
import { ROLES, roleAllows, TOKEN_SCOPE_PERMISSIONS, type Permission, type Role } from "@/lib/auth/permissions";
import { createApiToken } from "@/lib/data/tokens/create-api-token";
import { SYSTEM_ACTOR } from "@/lib/data/audit/record-audit-event";
import { createUser } from "@/lib/data/users/create-user";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "./test-database";

// The role × endpoint matrix: every handler exported by every app/api/**/route.ts, called as Next
// would call it, by nobody, by each role, by each token scope and cross-site. A new route (or a new
// method on a route) fails this test until it is listed here with the permission it must demand.
const EXPECTED: Record<string, Partial<Record<string, Permission | "public" | "better-auth">>> = {
  "/api/assumed-compromised": { GET: "graph:read", POST: "compromise:mark", DELETE: "compromise:mark" },
  "/api/audit": { GET: "audit:read" },
  "/api/auth/[...all]": { GET: "better-auth", POST: "better-auth" },
  "/api/blast-radius": { GET: "radius:read" },
  "/api/blast-radius/what-if-effects": { GET: "whatif:run" },
  "/api/compliance/[framework]/evidence": { GET: "compliance:export" },
  "/api/findings": { GET: "findings:read" },
  "/api/fixes": { GET: "whatif:run" },
  "/api/graph/neighbourhood": { GET: "graph:read" },
  "/api/graph/nodes/[id]": { GET: "graph:read" },
  "/api/graph/search": { GET: "graph:read" },
  "/api/health": { GET: "public" },
  "/api/import": { POST: "import:write" },
  "/api/incidents": { GET: "incident:read" },
  "/api/incidents/[id]": { GET: "incident:read" },
  "/api/incidents/[id]/report": { GET: "incident:read" },
  "/api/inventory/[kind]": { GET: "graph:read" },
  "/api/path": { GET: "radius:read" },
};

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const API_DIR = path.join(process.cwd(), "app", "api");
const ORIGIN = "http://localhost:3000";

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const routeOf = (file: string) => `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
// A concrete URL and params for a dynamic segment: [id] → "1", [...all] → ["x"].
const urlOf = (route: string) => route.replace(/\[\.\.\.[^\]]+\]/g, "x").replace(/\[[^\]]+\]/g, "1");
const paramsOf = (route: string) => Object.fromEntries([...route.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map(([, rest, name]) => [name, rest ? ["x"] : "1"]));

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

interface Endpoint {
  route: string;
  method: string;
  handler: Handler;
  expected: Permission | "public" | "better-auth" | undefined;
}

async function loadEndpoints(): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const file of routeFiles().sort()) {
    const route = routeOf(file);
    const routeModule = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof routeModule[method] === "function")
        endpoints.push({ route, method, handler: routeModule[method] as Handler, expected: EXPECTED[route]?.[method] });
    }
  }
  return endpoints;
}

// Listed, and behind the guard (the first test reports unlisted ones).
const guarded = (endpoint: Endpoint) => endpoint.expected !== undefined && endpoint.expected !== "public" && endpoint.expected !== "better-auth";

async function call(endpoint: Endpoint, headers: Record<string, string>): Promise<number> {
  const init: RequestInit = { method: endpoint.method, headers: { "content-type": "application/json", ...headers } };
  if (MUTATING.has(endpoint.method)) init.body = "{}";
  const request = new Request(`${ORIGIN}${urlOf(endpoint.route)}`, init);
  try {
    const response = await endpoint.handler(request, { params: Promise.resolve(paramsOf(endpoint.route)) });
    return response.status;
  } catch {
    // Past the guard, a handler may need the Next.js request scope this test does not provide;
    // what matters here is that the guard let the call through.
    return -1;
  }
}

const password = ["matrix", "test", "password", "long"].join("-");
const globals = globalThis as unknown as { blastmapDatabase?: Promise<unknown>; blastmapAuth?: Promise<unknown> };

describe.each(testDatabaseKinds())("access control for every API route (%s)", (kind) => {
  let database: TestDatabase;
  let endpoints: Endpoint[];
  const cookies = {} as Record<Role, string>;
  const tokens = {} as Record<"read" | "import", string>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    globals.blastmapDatabase = Promise.resolve({ prisma: database.db, connection: database.connection });
    globals.blastmapAuth = undefined;
    for (const role of ROLES) {
      await createUser(database.db, { email: `${role}@matrix.test`, role, password }, SYSTEM_ACTOR);
      const { headers } = await (await getAuth()).api.signInEmail({ body: { email: `${role}@matrix.test`, password }, returnHeaders: true });
      cookies[role] = (headers.get("set-cookie") ?? "").split(";")[0];
    }
    for (const scope of ["read", "import"] as const)
      tokens[scope] = (await createApiToken(database.db, { name: `matrix-${scope}`, scope }, SYSTEM_ACTOR)).token;
    endpoints = await loadEndpoints();
  });

  afterAll(async () => {
    globals.blastmapDatabase = undefined;
    globals.blastmapAuth = undefined;
    await database?.close();
  });

  it("lists every route handler in the matrix with the permission it must demand", () => {
    const unlisted = endpoints.filter((endpoint) => !endpoint.expected).map((endpoint) => `${endpoint.method} ${endpoint.route}`);
    expect(unlisted, "add these to EXPECTED in test/access-control.integration.test.ts").toEqual([]);
    const listed = Object.entries(EXPECTED).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method} ${route}`));
    expect(listed.filter((entry) => !endpoints.some((endpoint) => `${endpoint.method} ${endpoint.route}` === entry))).toEqual([]);
  });

  it("answers 401 to every unauthenticated or badly authenticated call to a guarded route", async () => {
    const failures: string[] = [];
    for (const endpoint of endpoints.filter((e) => guarded(e))) {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer bm_forged" },
        { authorization: `Bearer ${"bm_"}${"A".repeat(43)}` },
        { cookie: "better-auth.session_token=forged.sig" },
      ];
      for (const headers of attempts) {
        const status = await call(endpoint, headers);
        if (status !== 401) failures.push(`${endpoint.method} ${endpoint.route} with ${JSON.stringify(headers)} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses (403) every role the permission table does not allow, and lets the others past the guard", async () => {
    const failures: string[] = [];
    for (const endpoint of endpoints.filter((e) => guarded(e))) {
      const permission = endpoint.expected as Permission;
      for (const role of ROLES) {
        const status = await call(endpoint, { cookie: cookies[role], origin: ORIGIN });
        const allowed = roleAllows(role, permission);
        if (allowed ? status === 401 || status === 403 : status !== 403) failures.push(`${role} ${endpoint.method} ${endpoint.route} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("holds API tokens to their scope", async () => {
    const failures: string[] = [];
    for (const endpoint of endpoints.filter((e) => guarded(e))) {
      for (const scope of ["read", "import"] as const) {
        const status = await call(endpoint, { authorization: `Bearer ${tokens[scope]}` });
        const allowed = (TOKEN_SCOPE_PERMISSIONS[scope] as readonly Permission[]).includes(endpoint.expected as Permission);
        if (allowed ? status === 401 || status === 403 : status !== 403) failures.push(`token:${scope} ${endpoint.method} ${endpoint.route} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses a cookie-authenticated state change sent from another site, even by an admin (CSRF)", async () => {
    const failures: string[] = [];
    for (const endpoint of endpoints.filter((e) => MUTATING.has(e.method) && guarded(e))) {
      const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
      for (const headers of crossSite) {
        const status = await call(endpoint, { cookie: cookies.admin, ...headers });
        if (status !== 403) failures.push(`${endpoint.method} ${endpoint.route} ${JSON.stringify(headers)} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
