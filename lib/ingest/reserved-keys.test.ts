import { describe, expect, it } from "vitest";
import { buildConnectorIdentitiesDocument } from "@/lib/data/connectors/publish-connector-identities";
import { buildTokenIdentitiesDocument } from "@/lib/data/tokens/publish-token-identities";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { findReservedKeyUses, isReservedKey } from "./reserved-keys";

const identity = (key: string, reference?: boolean): TGraphDocument["nodes"][number] => ({
  kind: "identity",
  key,
  name: key,
  attrs: { identityKind: "apiKey", lifetime: "shortLived", scopes: ["read"] },
  ...(reference ? { reference } : {}),
});
const doc = (nodes: TGraphDocument["nodes"], edges: TGraphDocument["edges"] = []): TGraphDocument => ({
  key: "inventory:ci/inventory.json",
  format: "inventory",
  nodes,
  edges,
});

describe("reserved keys", () => {
  it("covers every key Blastmap's own token document writes", () => {
    const own = buildTokenIdentitiesDocument([
      {
        name: "ci-ingest",
        scope: "import",
        createdByName: "admin@example.test",
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
        lastUsedAt: null,
      },
    ]);
    expect(own.nodes.map((node) => node.key).every(isReservedKey)).toBe(true);
  });

  it("covers every key Blastmap's connector document writes, and refuses an import that says what a connector token reaches", () => {
    const own = buildConnectorIdentitiesDocument([{ kind: "github", target: "acme", since: new Date() }], new Set(["system:github:acme"]));
    expect(own.nodes.map((node) => node.key).every(isReservedKey)).toBe(true);
    expect(
      findReservedKeyUses([doc([], [{ kind: "CAN_ACCESS", from: "identity:blastmap:connector-github-acme", to: "system:github:acme", privilege: "read" }])]),
    ).toEqual([{ file: "inventory:ci/inventory.json", path: "edges[0]", message: expect.stringContaining("identity:blastmap:connector-github-acme") }]);
  });

  it("refuses an import that describes a Blastmap token, naming the file and the key", () => {
    expect(findReservedKeyUses([doc([identity("identity:blastmap-token:ci-ingest")])])).toEqual([
      { file: "inventory:ci/inventory.json", path: "nodes[0]", message: expect.stringContaining('"identity:blastmap-token:ci-ingest" is reserved') },
    ]);
  });

  it("refuses a mention with attributes, Blastmap itself, and edges that say what a Blastmap token reaches", () => {
    const errors = findReservedKeyUses([
      doc(
        [
          identity("identity:blastmap-token:new", true),
          { kind: "system", key: "system:blastmap", name: "Blastmap", attrs: { systemKind: "other", criticality: "low" } },
        ],
        [{ kind: "CAN_ACCESS", from: "identity:blastmap-token:ci-ingest", to: "system:blastmap", privilege: "read" }],
      ),
    ]);
    expect(errors.map((error) => error.path)).toEqual(["nodes[0]", "nodes[1]", "edges[0]"]);
  });

  it("refuses a document that takes Blastmap's own document key", () => {
    expect(findReservedKeyUses([{ key: "blastmap:api-tokens", format: "inventory", nodes: [], edges: [] }])).toHaveLength(1);
  });

  it("allows edges that only point at Blastmap's entries", () => {
    const secret: TGraphDocument["nodes"][number] = {
      kind: "secret",
      key: "secret:acme/web:BLASTMAP_TOKEN",
      name: "BLASTMAP_TOKEN",
      attrs: { secretName: "BLASTMAP_TOKEN", secretType: "api-token", storedIn: "ciSecret" },
    };
    expect(
      findReservedKeyUses([
        doc(
          [secret, identity("identity:deploy-bot")],
          [
            { kind: "AUTHENTICATES_AS", from: secret.key, to: "identity:blastmap-token:ci-ingest" },
            { kind: "CAN_ACCESS", from: "identity:deploy-bot", to: "system:blastmap", privilege: "write" },
          ],
        ),
      ]),
    ).toEqual([]);
  });
});
