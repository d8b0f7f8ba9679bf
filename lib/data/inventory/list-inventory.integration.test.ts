import { beforeAll, describe, expect, it } from "vitest";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import { parseInventoryQuery, type TInventoryKind } from "@/lib/schemas/inventory-query";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { INVENTORY_FIXTURE, KEYS, NOW } from "./inventory-fixture";
import { listInventory } from "./list-inventory";

function query(kind: TInventoryKind, params: Record<string, string>) {
  const parsed = parseInventoryQuery(kind, params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

describe.each(testDatabaseKinds())("listInventory on %s", (kind) => {
  const database = useTestDatabase(kind);
  beforeAll(async () => {
    await applyGraphDocuments(database.current.db, [INVENTORY_FIXTURE], { actor: "test" });
    const orphan = await database.current.db.node.findUniqueOrThrow({ where: { key: KEYS.orphan } });
    await database.current.db.assumedCompromise.create({ data: { nodeId: orphan.id, markedBy: "test" } });
  });
  const list = (inventoryKind: TInventoryKind, params: Record<string, string> = {}) =>
    listInventory(database.current.db, inventoryKind, query(inventoryKind, params), { now: NOW });
  const names = async (inventoryKind: TInventoryKind, params: Record<string, string> = {}) => (await list(inventoryKind, params)).rows.map((row) => row.name);

  it("lists one kind sorted by name with the total", async () => {
    const page = await list("identities");
    expect(page.rows.map((row) => row.name)).toEqual(["aws-oidc-role", "deploy-bot", "npm-publish-token", "orphan-api-key"]);
    expect(page.total).toBe(4);
    expect(page.pageCount).toBe(1);
  });

  it("pages without overlap or gaps", async () => {
    // page size 2 is below the UI's choices; the list function takes any size
    const base = query("identities", { sort: "lifetime" });
    // lifetime is an enum (longLived before shortLived); ties are broken by node id, i.e. fixture order
    const pages = await Promise.all([1, 2, 3].map((page) => listInventory(database.current.db, "identities", { ...base, page, pageSize: 2 }, { now: NOW })));
    expect(pages.map((page) => page.rows.map((row) => row.name))).toEqual([["deploy-bot", "npm-publish-token"], ["orphan-api-key", "aws-oidc-role"], []]);
    expect(pages[0]).toMatchObject({ total: 4, pageCount: 2 });
    const secrets = await list("secrets", { sort: "name", dir: "desc" });
    expect(secrets.rows.map((row) => row.name)).toEqual(["vault-db-password", "NPM_TOKEN", "AWS_KEY"]);
  });

  it("sorts by a detail column, unknown values last ascending and first descending (one index serves both)", async () => {
    expect(await names("identities", { sort: "lastUsedAt", dir: "asc" })).toEqual(["npm-publish-token", "deploy-bot", "aws-oidc-role", "orphan-api-key"]);
    expect(await names("identities", { sort: "lastUsedAt", dir: "desc" })).toEqual(["orphan-api-key", "aws-oidc-role", "deploy-bot", "npm-publish-token"]);
  });

  it("combines a detail-column sort with filters on the node and on the detail row", async () => {
    expect(await names("identities", { sort: "lastUsedAt", q: "o", flags: "longLived" })).toEqual(["npm-publish-token", "deploy-bot", "orphan-api-key"]);
    expect(await names("secrets", { sort: "lastRotatedAt", exposure: "install,job" })).toEqual(["NPM_TOKEN", "AWS_KEY"]);
    expect(await names("contexts", { sort: "repo", flags: "sharedRunner" })).toEqual(["acme/web ci build"]);
  });

  it("searches names and keys case-insensitively", async () => {
    expect(await names("identities", { q: "NPM" })).toEqual(["npm-publish-token"]);
    expect(await names("secrets", { q: "acme/web" })).toEqual(["AWS_KEY", "NPM_TOKEN"]);
  });

  it("filters by type, owner, lifetime and criticality", async () => {
    expect(await names("identities", { type: "bot" })).toEqual(["deploy-bot"]);
    expect(await names("identities", { owner: "release" })).toEqual(["npm-publish-token"]);
    expect(await names("identities", { lifetime: "shortLived" })).toEqual(["aws-oidc-role"]);
    expect(await names("systems", { criticality: "critical,high", sort: "criticality", dir: "desc" })).toEqual(["npm registry", "prod-db"]);
    expect(await names("systems", { criticality: "high" })).toEqual(["prod-db"]);
  });

  it("filters secrets by the exposure level of the edges that expose them", async () => {
    expect(await names("secrets", { exposure: "install" })).toEqual(["NPM_TOKEN"]);
    expect(await names("secrets", { exposure: "job,runner" })).toEqual(["AWS_KEY", "vault-db-password"]);
    const page = await list("secrets", { q: "NPM_TOKEN" });
    expect(page.rows[0].cells.exposure).toBe("install");
  });

  it("finds compromised package versions, packages with one, and assumed-compromised identities", async () => {
    expect(await names("versions", { compromised: "yes" })).toEqual(["chalk@5.6.1"]);
    expect(await names("versions", { compromised: "no" })).toEqual(["chalk@5.6.0"]);
    const packages = await list("packages", { compromised: "yes" });
    expect(packages.rows.map((row) => [row.name, row.compromised, row.cells.versions])).toEqual([["chalk", true, 2]]);
    const identities = await list("identities", { compromised: "yes" });
    expect(identities.rows.map((row) => [row.name, row.assumedCompromised])).toEqual([["orphan-api-key", true]]);
  });

  it("applies each risk flag as a filter and labels rows with the same rule", async () => {
    expect(await names("identities", { flags: "longLived" })).toEqual(["deploy-bot", "npm-publish-token", "orphan-api-key"]);
    expect(await names("identities", { flags: "noOwner" })).toEqual(["orphan-api-key"]);
    // last used 120 days ago; never used and issued 200 days ago; recent use does not count
    expect(await names("identities", { flags: "unused90" })).toEqual(["npm-publish-token", "orphan-api-key"]);
    // long-lived and issued more than 90 days ago
    expect(await names("identities", { flags: "notRotated90" })).toEqual(["deploy-bot", "orphan-api-key"]);
    expect(await names("identities", { flags: "longLived,noOwner" })).toEqual(["orphan-api-key"]);
    // rotated 200 days ago; never rotated and created a year ago; created 10 days ago does not count
    expect(await names("secrets", { flags: "notRotated90" })).toEqual(["NPM_TOKEN", "vault-db-password"]);
    expect(await names("runners", { flags: "sharedRunner" })).toEqual(["shared-linux"]);
    expect(await names("contexts", { flags: "sharedRunner" })).toEqual(["acme/web ci build"]);
    expect(await names("systems", { flags: "noOwner" })).toEqual(["prod-db"]);

    const identities = await list("identities");
    for (const flag of ["longLived", "noOwner", "unused90", "notRotated90"] as const) {
      const flagged = identities.rows.filter((row) => row.flags.includes(flag)).map((row) => row.name);
      expect(flagged).toEqual(await names("identities", { flags: flag }));
    }
  });

  it("returns an empty page, not an error, when nothing matches", async () => {
    const page = await list("identities", { q: "no-such-identity" });
    expect(page).toMatchObject({ rows: [], total: 0, pageCount: 1 });
  });

  it("a search anywhere in the name or key can be answered from the trigram indexes", async () => {
    // The search's condition as Prisma writes it for `contains` + insensitive. With sequential
    // scans off the planner shows whether an index can serve ILIKE '%q%' at all, which on a
    // table this small it would not otherwise bother to use (the timings are in bench/).
    const plan = await database.current.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Node" WHERE name ILIKE ('%' || $1 || '%') OR key ILIKE ('%' || $1 || '%')`,
        "publish",
      );
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Bitmap Index Scan on "Node_name_trgm_idx"/);
    expect(text).toMatch(/Bitmap Index Scan on "Node_key_trgm_idx"/);
  });
});

describe("parseInventoryQuery", () => {
  it("rejects a sort column, type, filter or flag the kind does not have, naming the field", () => {
    expect(parseInventoryQuery("identities", { sort: "criticality" })).toMatchObject({ ok: false, errors: [{ path: "sort" }] });
    expect(parseInventoryQuery("identities", { type: "vault" })).toMatchObject({ ok: false, errors: [{ path: "type" }] });
    expect(parseInventoryQuery("secrets", { lifetime: "longLived" })).toMatchObject({ ok: false, errors: [{ path: "lifetime" }] });
    expect(parseInventoryQuery("secrets", { flags: "longLived" })).toMatchObject({ ok: false, errors: [{ path: "flags" }] });
    expect(parseInventoryQuery("identities", { pageSize: "7" })).toMatchObject({ ok: false, errors: [{ path: "pageSize" }] });
    expect(parseInventoryQuery("identities", { exposure: "install,everywhere" })).toMatchObject({ ok: false });
  });

  it("treats empty values as absent", () => {
    const parsed = parseInventoryQuery("identities", { type: "", q: "", page: "2" });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect([parsed.query.page, parsed.query.type, parsed.query.q]).toEqual([2, undefined, undefined]);
  });
});
