import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAssumedCompromised, POST as markCompromised, DELETE as unmarkCompromised } from "@/app/api/assumed-compromised/route";
import { GET as getRadius } from "@/app/api/blast-radius/route";
import { GET as getEvidence } from "@/app/api/compliance/[framework]/evidence/route";
import { GET as getNode } from "@/app/api/graph/nodes/[id]/route";
import { GET as getInventory } from "@/app/api/inventory/[kind]/route";
import { GET as getPath } from "@/app/api/path/route";
import { getAuth } from "@/lib/auth/get-auth";
import { SYSTEM_ACTOR } from "@/lib/data/audit/record-audit-event";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import { chalk, chalkAndTokenGraph, npmToken } from "@/test/chalk-and-token-graph";
import { createUser } from "@/lib/data/users/create-user";
import { ZAssumedCompromiseList, ZMarkAssumedCompromisedResult } from "@/lib/schemas/assumed-compromise";
import { ZProblemBody, type TProblemBody } from "@/lib/schemas/input-problem";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "./test-database";

// Bad input through the real routes (withPermission → the route's input schema → the handler),
// against the real database: every refusal is a ZProblemBody with the status that says why, and
// every ref — radius, path, mark and unmark alike — is resolved by the engine with its suggestions.

const ORIGIN = "http://localhost:3000";
const password = ["problems", "test", "password", "long"].join("-");
const globals = globalThis as unknown as { blastmapDatabase?: Promise<unknown>; blastmapAuth?: Promise<unknown> };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(testDatabaseKinds())("what the API answers to bad input (%s)", (kind) => {
  let database: TestDatabase;
  let cookie: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    globals.blastmapDatabase = Promise.resolve({ prisma: database.db, connection: database.connection });
    globals.blastmapAuth = undefined;
    await createUser(database.db, { email: "responder@problems.test", role: "responder", password }, SYSTEM_ACTOR);
    const { headers } = await (await getAuth()).api.signInEmail({ body: { email: "responder@problems.test", password }, returnHeaders: true });
    cookie = (headers.get("set-cookie") ?? "").split(";")[0];
    await applyGraphDocuments(database.db, [chalkAndTokenGraph], { actor: "test" });
  });

  afterAll(async () => {
    globals.blastmapDatabase = undefined;
    globals.blastmapAuth = undefined;
    await database?.close();
  });

  const call = async (
    handler: Handler,
    url: string,
    { method = "GET", body, params = {} }: { method?: string; body?: string; params?: Record<string, string> } = {},
  ) => {
    const request = new Request(`${ORIGIN}${url}`, { method, body, headers: { cookie, origin: ORIGIN, "content-type": "application/json" } });
    const response = await handler(request, { params: Promise.resolve(params) });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const refusal = async (handler: Handler, url: string, options?: Parameters<typeof call>[2]): Promise<{ status: number; body: TProblemBody }> => {
    const { status, body } = await call(handler, url, options);
    return { status, body: ZProblemBody.parse(body) };
  };

  it("names each bad field of a query, with the route schema's own messages", async () => {
    const path = await refusal(getPath, `/api/path?from=${encodeURIComponent(chalk)}&k=0`);
    expect(path.status).toBe(400);
    expect(path.body.errors).toEqual([
      { path: "to", message: "to is required" },
      { path: "k", message: "k must be at least 1" },
    ]);
    expect(path.body.error).toBe("to: to is required; k: k must be at least 1");

    const radius = await refusal(getRadius, `/api/blast-radius?ref=${encodeURIComponent(chalk)}&include=everything&maxHops=0`);
    expect(radius.status).toBe(400);
    expect(radius.body.errors).toEqual([
      { path: "maxHops", message: "max hops must be at least 1" },
      { path: "include.0", message: "include=everything is not known; include=paths is" },
    ]);
    const cursor = await refusal(getRadius, `/api/blast-radius?ref=${encodeURIComponent(chalk)}&cursor=abc`);
    expect(cursor.body.errors).toEqual([{ path: "cursor", message: "cursor needs the limit it was given with" }]);
  });

  it("answers an unknown ref with the engine's closest keys, for a radius and a path alike", async () => {
    const radius = await refusal(getRadius, "/api/blast-radius?ref=pkg:npm/chalkk@5.6.1");
    expect(radius.status).toBe(400);
    expect(radius.body.errors).toHaveLength(1);
    expect(radius.body.errors[0]).toMatchObject({ ref: "pkg:npm/chalkk@5.6.1", reason: "unknown" });
    expect(radius.body.errors[0]).toHaveProperty("candidates", expect.arrayContaining([chalk]));
    const path = await refusal(getPath, `/api/path?from=pkg:npm/chalkk@5.6.1&to=${encodeURIComponent(npmToken)}`);
    expect(path.body.errors).toEqual(radius.body.errors);
  });

  it("marks through the engine's resolver: a shorthand names the node, a typo gets the closest keys and changes nothing", async () => {
    const marked = await call(markCompromised, "/api/assumed-compromised", {
      method: "POST",
      body: JSON.stringify({ ref: "secret:NPM_TOKEN", note: "leaked" }),
    });
    expect(marked.status).toBe(201);
    expect(ZMarkAssumedCompromisedResult.parse(marked.body).item).toMatchObject({ key: npmToken, note: "leaked" });

    const typo = await refusal(markCompromised, "/api/assumed-compromised", { method: "POST", body: JSON.stringify({ ref: "pkg:npm/chalk@5.6.2" }) });
    expect(typo.status).toBe(404);
    expect(typo.body.errors[0]).toMatchObject({ ref: "pkg:npm/chalk@5.6.2", reason: "unknown", candidates: expect.arrayContaining([chalk]) });
    const unmarkTypo = await refusal(unmarkCompromised, "/api/assumed-compromised?ref=pkg:npm/chalk@5.6.2", { method: "DELETE" });
    expect(unmarkTypo.body.errors).toEqual(typo.body.errors);

    const notJson = await refusal(markCompromised, "/api/assumed-compromised", { method: "POST", body: "ref=chalk" });
    expect([notJson.status, notJson.body.errors]).toEqual([400, [{ path: "body", message: "the body must be JSON: { ref, note? }" }]]);
    const empty = await refusal(markCompromised, "/api/assumed-compromised", { method: "POST", body: JSON.stringify({ ref: " " }) });
    expect(empty.body.errors).toEqual([{ path: "ref", message: "ref must name a node key, e.g. pkg:npm/chalk@5.6.1" }]);

    const list = await call(getAssumedCompromised, "/api/assumed-compromised");
    expect(ZAssumedCompromiseList.parse(list.body).items.map((item) => item.key)).toEqual([npmToken]);
    expect(await call(unmarkCompromised, "/api/assumed-compromised?ref=NPM_TOKEN", { method: "DELETE" })).toEqual({ status: 200, body: { removed: true } });
  });

  it("answers 404 for a path that names nothing, 400 for a malformed one", async () => {
    const kind = await refusal(getInventory, "/api/inventory/spaceships", { params: { kind: "spaceships" } });
    expect(kind.status).toBe(404);
    expect(kind.body.errors[0]).toMatchObject({ path: "kind", message: expect.stringMatching(/^no inventory of that kind; one of identities/) });
    const filter = await refusal(getInventory, "/api/inventory/identities?lifetime=forever", { params: { kind: "identities" } });
    expect([filter.status, filter.body.errors[0].path]).toEqual([400, "lifetime"]);

    const malformed = await refusal(getNode, "/api/graph/nodes/abc", { params: { id: "abc" } });
    expect([malformed.status, malformed.body.errors]).toEqual([400, [{ path: "id", message: "must be a positive whole number" }]]);
    const missing = await refusal(getNode, "/api/graph/nodes/987654", { params: { id: "987654" } });
    expect([missing.status, missing.body.error]).toEqual([404, "id: no node with id 987654"]);
  });

  it("lists every problem of a request at once", async () => {
    await database.db.user.update({ where: { email: "responder@problems.test" }, data: { role: "admin" } });
    const evidence = await refusal(getEvidence, "/api/compliance/iso/evidence?format=pdf", { params: { framework: "iso" } });
    expect(evidence.status).toBe(400);
    expect(evidence.body.errors.map((error) => ("path" in error ? error.path : null))).toEqual(["framework", "format"]);
    expect(evidence.body.errors[1].message).toBe("must be csv or json");
  });
});
