import { beforeAll, describe, expect, it } from "vitest";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import { INVENTORY_FIXTURE, KEYS } from "@/lib/data/inventory/inventory-fixture";
import type { TNodeFact } from "@/lib/schemas/graph-facts";
import { ZNeighbourhoodQuery } from "@/lib/schemas/graph-view";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { getNeighbourhood } from "./get-neighbourhood";
import { getNodeDetail } from "./get-node-detail";
import { searchNodes } from "./search-nodes";

describe.each(testDatabaseKinds())("graph reads for the explorer on %s", (kind) => {
  const database = useTestDatabase(kind);
  const ids = new Map<string, number>();
  beforeAll(async () => {
    await applyGraphDocuments(database.current.db, [INVENTORY_FIXTURE], { actor: "fixture-importer" });
    for (const node of await database.current.db.node.findMany({ select: { id: true, key: true } })) ids.set(node.key, node.id);
  });
  const id = (key: string) => ids.get(key)!;
  const keysOf = (view: { nodes: { key: string }[] }) => view.nodes.map((node) => node.key).sort();
  const neighbourhood = (params: Record<string, string>) => getNeighbourhood(database.current.db, ZNeighbourhoodQuery.parse(params));

  it("returns the focus and its neighbours over both edge directions", async () => {
    const view = await neighbourhood({ focus: String(id(KEYS.ciJob)) });
    expect(keysOf(view!)).toEqual([KEYS.awsSecret, KEYS.chalkBad, KEYS.ciJob, KEYS.sharedRunner].sort());
    expect(view!.edges.map((edge) => edge.kind).sort()).toEqual(["EXPOSES", "INSTALLED_IN", "RUNS_ON"]);
    const chalkBad = view!.nodes.find((node) => node.key === KEYS.chalkBad)!;
    // chalk@5.6.1 has 3 edges (VERSION_OF, two INSTALLED_IN), one drawn
    expect(chalkBad).toMatchObject({ compromised: true, degree: 3, hiddenNeighbours: 2 });
    expect(view!.nodes.find((node) => node.key === KEYS.ciJob)).toMatchObject({ hiddenNeighbours: 0 });
  });

  it("walks further with depth and draws edges between neighbours it did not walk", async () => {
    const view = await neighbourhood({ focus: String(id(KEYS.chalk)), depth: "2" });
    expect(keysOf(view!)).toEqual(
      [KEYS.chalk, KEYS.chalkBad, KEYS.chalkGood, KEYS.npmToken, KEYS.npmSecret, KEYS.registry, KEYS.ciJob, KEYS.releaseJob].sort(),
    );
    expect(view!.truncated).toBe(false);
  });

  it("caps the nodes drawn and reports the rest as hidden", async () => {
    const view = await neighbourhood({ focus: String(id(KEYS.chalkBad)), limit: "2" });
    expect(view!.nodes).toHaveLength(2);
    expect(view!.truncated).toBe(true);
    const focus = view!.nodes.find((node) => node.id === id(KEYS.chalkBad))!;
    expect(focus.hiddenNeighbours).toBe(2);
  });

  it("filters neighbours by kind and edges by exposure level", async () => {
    const secretsOnly = await neighbourhood({ focus: String(id(KEYS.releaseJob)), kinds: "secret" });
    expect(keysOf(secretsOnly!)).toEqual([KEYS.npmSecret, KEYS.releaseJob].sort());
    const installOnly = await neighbourhood({ focus: String(id(KEYS.ciJob)), exposure: "install" });
    // the job-level EXPOSES edge is filtered out; RUNS_ON has no exposure and stays
    expect(keysOf(installOnly!)).toEqual([KEYS.chalkBad, KEYS.ciJob, KEYS.sharedRunner].sort());
  });

  it("returns null for a focus that does not exist", async () => {
    expect(await neighbourhood({ focus: "999999999" })).toBeNull();
  });

  it("searches names by prefix first, then names and keys containing the text", async () => {
    const hits = await searchNodes(database.current.db, { q: "npm", kinds: [], limit: 20 });
    // within each part the order is the database's collation, which differs between servers
    expect(new Set(hits.slice(0, 3).map((hit) => hit.name))).toEqual(new Set(["npm registry", "npm-publish-token", "NPM_TOKEN"]));
    expect(new Set(hits.slice(3).map((hit) => hit.name))).toEqual(new Set(["chalk", "chalk@5.6.0", "chalk@5.6.1"]));
    const secretsOnly = await searchNodes(database.current.db, { q: "npm", kinds: ["secret"], limit: 20 });
    expect(secretsOnly.map((hit) => hit.key)).toEqual([KEYS.npmSecret]);
  });

  it("reads an entity's attributes, provenance and neighbours grouped by edge kind and direction", async () => {
    const detail = await getNodeDetail(database.current.db, id(KEYS.npmToken));
    expect(detail).toMatchObject({ kind: "identity", name: "npm-publish-token", compromised: false, assumedCompromise: null });
    expect(detail!.attributes).toContainEqual({ name: "owner", value: "Release Team", json: false });
    expect(detail!.provenance.firstImport?.actor).toBe("fixture-importer");
    expect(detail!.provenance.documents).toEqual([expect.objectContaining({ key: "test:inventory", format: "test" })]);
    expect(detail!.neighbourGroups.map((group) => [group.direction, group.edgeKind, group.total, group.neighbours.map((n) => n.name)])).toEqual([
      ["outgoing", "CAN_ACCESS", 1, ["npm registry"]],
      ["outgoing", "CAN_PUBLISH", 1, ["chalk"]],
      ["incoming", "AUTHENTICATES_AS", 1, ["NPM_TOKEN"]],
    ]);
    const access = detail!.neighbourGroups[0].neighbours[0];
    expect(access.privilege).toBe("write");
    expect(await getNodeDetail(database.current.db, 999_999_999)).toBeNull();
  });

  it("names the import that first wrote an entity, the one that last changed it, and every document that names it", async () => {
    // a later import (a person's note on the token's owner) describes the same identity again
    const described = INVENTORY_FIXTURE.nodes.find(
      (node): node is Extract<TNodeFact, { kind: "identity" }> => node.kind === "identity" && node.key === KEYS.npmToken,
    )!;
    await applyGraphDocuments(
      database.current.db,
      [{ key: "test:ownership", format: "test", nodes: [{ ...described, attrs: { ...described.attrs, owner: "Platform Team" } }], edges: [] }],
      { actor: "ownership-review" },
    );
    const detail = await getNodeDetail(database.current.db, id(KEYS.npmToken));
    expect(detail!.provenance.firstImport?.actor).toBe("fixture-importer");
    expect(detail!.provenance.lastImport?.actor).toBe("ownership-review");
    expect(detail!.provenance.lastImport!.id).toBeGreaterThan(detail!.provenance.firstImport!.id);
    // in the order the documents were first stored
    expect(detail!.provenance.documents.map((document) => document.key)).toEqual(["test:inventory", "test:ownership"]);
    expect(detail!.attributes).toContainEqual({ name: "owner", value: "Platform Team", json: false });
  });
});
