import { describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/data/tokens/create-api-token";
import { publishTokenIdentities } from "@/lib/data/tokens/publish-token-identities";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { importSources } from "@/lib/services/import/import-sources";

// A stolen CI (import-scope) token must not be able to rewrite Blastmap's own inventory entries.
const inventory = (content: Record<string, unknown>) => ({ path: "ci/inventory.json", content: JSON.stringify({ blastmapInventory: 1, ...content }) });

describe.each(testDatabaseKinds())("Blastmap's own inventory entries (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const tokenIdentity = (db = database.current.db) =>
    db.node.findUnique({ where: { key: "identity:blastmap-token:ci-ingest" }, include: { identity: true, outEdges: { select: { privilege: true } } } });

  it("an import cannot mark a Blastmap token short-lived and read-only, and writes nothing", async () => {
    const { db } = database.current;
    await createApiToken(db, { name: "ci-ingest", scope: "import", days: 365 }, { kind: "system", name: "test" });
    const before = { nodes: await db.node.count(), edges: await db.edge.count(), imports: await db.import.count(), token: await tokenIdentity() };
    expect(before.token?.identity?.lifetime).toBe("longLived");

    const result = await importSources(
      db,
      [
        inventory({
          identities: [
            {
              name: "blastmap-token:ci-ingest",
              kind: "apiKey",
              lifetime: "shortLived",
              scopes: ["read"],
              canAccess: [{ system: "system:blastmap", privilege: "read" }],
            },
          ],
        }),
      ],
      { actor: "token:ci-ingest" },
    );
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining("ci/inventory.json"),
        message: expect.stringContaining('"identity:blastmap-token:ci-ingest" is reserved'),
      }),
    );
    expect({ nodes: await db.node.count(), edges: await db.edge.count(), imports: await db.import.count(), token: await tokenIdentity() }).toEqual(before);
  });

  it("an import cannot lower Blastmap's own criticality", async () => {
    const result = await importSources(database.current.db, [inventory({ systems: [{ name: "blastmap", kind: "other", criticality: "low" }] })], {
      actor: "test",
    });
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.message).toContain('"system:blastmap" is reserved');
  });

  it("an import may still say which CI secret holds a Blastmap token, and Blastmap keeps writing its own entries", async () => {
    const { db } = database.current;
    const result = await importSources(
      db,
      [
        inventory({
          secrets: [
            { name: "BLASTMAP_TOKEN", type: "api-token", storedIn: "ciSecret", repo: "acme/web", authenticatesAs: "identity:blastmap-token:ci-ingest" },
          ],
        }),
      ],
      { actor: "test" },
    );
    expect(result.errors).toEqual([]);
    await createApiToken(db, { name: "second", scope: "read", days: 7 }, { kind: "system", name: "test" });
    await publishTokenIdentities(db, "test");
    expect((await db.node.findUnique({ where: { key: "identity:blastmap-token:second" }, include: { identity: true } }))?.identity?.lifetime).toBe(
      "shortLived",
    );
    expect((await tokenIdentity())?.outEdges.map((edge) => edge.privilege)).toEqual(["write"]);
  });
});
