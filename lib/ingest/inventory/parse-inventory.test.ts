import { describe, expect, it } from "vitest";
import { parseInventory } from "./parse-inventory";

const inventory = {
  blastmapInventory: 1,
  publishers: [{ handle: "alice", twoFactorEnforced: false, maintains: ["pkg:npm/%40acme/ui"] }],
  identities: [
    {
      name: "npm-publish-bot",
      kind: "registryPublishToken",
      owner: "platform",
      lifetime: "longLived",
      expiresAt: "2026-12-31",
      canAccess: [{ system: "system:npm-registry", privilege: "write" }],
      canPublish: ["pkg:npm/%40acme/ui"],
      actsAs: "publisher:npm/alice",
    },
  ],
  secrets: [
    {
      name: "NPM_TOKEN",
      repo: "acme/web",
      type: "npm-token",
      storedIn: "ciSecret",
      authenticatesAs: "identity:npm-publish-bot",
      storedBy: ["system:github-actions"],
    },
  ],
  systems: [{ name: "npm-registry", kind: "registry", criticality: "critical" }],
};

describe("parseInventory", () => {
  it("turns entries into nodes and references into edges", () => {
    const parsed = parseInventory("inventory.json", inventory);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const edges = parsed.document.edges.map((edge) => `${edge.kind} ${edge.from} -> ${edge.to}${edge.privilege ? ` (${edge.privilege})` : ""}`);
    expect(edges).toEqual([
      "MAINTAINS publisher:npm/alice -> pkg:npm/%40acme/ui",
      "CAN_ACCESS identity:npm-publish-bot -> system:npm-registry (write)",
      "CAN_PUBLISH identity:npm-publish-bot -> pkg:npm/%40acme/ui",
      "ACTS_AS identity:npm-publish-bot -> publisher:npm/alice",
      "AUTHENTICATES_AS secret:acme/web:NPM_TOKEN -> identity:npm-publish-bot",
      "STORES system:github-actions -> secret:acme/web:NPM_TOKEN",
    ]);
    expect(parsed.document.nodes.find((node) => node.kind === "identity")?.attrs).toMatchObject({ owner: "platform", expiresAt: new Date("2026-12-31") });
  });

  it("makes a publisher marked as a mention a reference, which never resets what is stored about the account", () => {
    const parsed = parseInventory("connectors/npm-acme.json", { blastmapInventory: 1, publishers: [{ handle: "bob", mention: true }, { handle: "alice" }] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.document.nodes.map((node) => [node.key, node.reference ?? false])).toEqual([
      ["publisher:npm/bob", true],
      ["publisher:npm/alice", false],
    ]);
  });

  it("leaves references to nodes it does not define for the database check, with their JSON path", () => {
    const parsed = parseInventory("inventory.json", inventory);
    expect(parsed.ok && parsed.references).toEqual([{ key: "system:github-actions", file: "inventory.json", path: "$.secrets[0].storedBy[0]" }]);
  });

  it("refuses a reference of the wrong kind with its JSON path", () => {
    const parsed = parseInventory("inventory.json", { ...inventory, identities: [{ ...inventory.identities[0], actsAs: "identity:someone" }] });
    expect(parsed).toEqual({
      ok: false,
      errors: [expect.objectContaining({ path: "$.identities[0].actsAs", message: expect.stringContaining("publisher:") })],
    });
  });

  it("reports schema violations with their JSON path", () => {
    const parsed = parseInventory("inventory.json", { ...inventory, systems: [{ name: "db", kind: "database", criticality: "extreme" }] });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0].path).toBe("$.systems[0].criticality");
  });
});

describe("parseInventory: what workflow files do not show", () => {
  it("states the organisation's and a repository's default workflow-token permissions on the source-control system", () => {
    const parsed = parseInventory("inventory.json", {
      blastmapInventory: 1,
      systems: [{ name: "github:acme", kind: "sourceControl", criticality: "high", defaultTokenPermissions: { "*": "read", "acme/legacy": "write" } }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.document.nodes[0].attrs).toMatchObject({ defaultTokenPermissions: { "*": "read", "acme/legacy": "write" } });
  });

  it("refuses a default keyed by anything but * or owner/repo", () => {
    const parsed = parseInventory("inventory.json", {
      blastmapInventory: 1,
      systems: [{ name: "github:acme", kind: "sourceControl", criticality: "high", defaultTokenPermissions: { acme: "read" } }],
    });
    expect(parsed.ok).toBe(false);
  });

  it("describes CI installs and fresh resolves: an exact spec installs that version, a range resolves the package afresh", () => {
    const parsed = parseInventory("inventory.json", {
      blastmapInventory: 1,
      contexts: [{ name: "dana-laptop", resolves: [{ package: "pkg:npm/%40nx/cli", spec: "latest", runs: true }] }],
      ciInstalls: [
        {
          context: "context:acme/web/deploy.yml/deploy",
          installs: ["pkg:npm/typescript@5.8.3"],
          resolves: [{ package: "pkg:npm/vercel", spec: "33.1.0" }],
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const installs = parsed.document.edges
      .filter((edge) => edge.kind === "INSTALLED_IN")
      .map((edge) => [edge.from, edge.to, edge.attributes?.resolve, edge.attributes?.spec]);
    expect(installs).toEqual([
      ["pkg:npm/%40nx/cli", "context:workstation/dana-laptop", "fresh", "latest"],
      ["pkg:npm/typescript@5.8.3", "context:acme/web/deploy.yml/deploy", "lockfile", undefined],
      ["pkg:npm/vercel@33.1.0", "context:acme/web/deploy.yml/deploy", "fresh", "33.1.0"],
    ]);
    // the job comes from a workflow file: the database check resolves the reference
    expect(parsed.references.map((use) => use.key)).toContain("context:acme/web/deploy.yml/deploy");
  });
});
