import { describe, expect, it } from "vitest";
import type { TNpmPackument, TNpmScopeSnapshot, TNpmVersionManifest } from "@/lib/schemas/connectors/npm";
import { parseInventory } from "../../inventory/parse-inventory";
import { mapNpmScope, npmInventoryPath, recentVersions } from "./map-npm-scope";

const manifest = (version: string, extra: Partial<TNpmVersionManifest> = {}): TNpmVersionManifest => ({
  version,
  dist: { tarball: `https://registry.example/${version}.tgz` },
  ...extra,
});

function packument(name: string, maintainers: string[], versions: TNpmVersionManifest[], latest = versions.at(-1)?.version): TNpmPackument {
  return {
    name,
    "dist-tags": latest ? { latest } : {},
    maintainers: maintainers.map((handle) => ({ name: handle })),
    time: Object.fromEntries(versions.map((entry, i) => [entry.version, new Date(Date.UTC(2026, 0, i + 1)).toISOString()])),
    versions: Object.fromEntries(versions.map((entry) => [entry.version, entry])),
  };
}

const scopeOf = (packages: TNpmPackument[], extra: Partial<TNpmScopeSnapshot> = {}): TNpmScopeSnapshot => ({
  scope: "@acme",
  packages: packages.map((entry) => ({ packument: entry, versions: Object.keys(entry.versions).map((version) => ({ version, hasProvenance: false })) })),
  org: null,
  tokenUser: null,
  ...extra,
});

function graphOf(snapshot: TNpmScopeSnapshot) {
  const [file] = mapNpmScope(snapshot);
  const parsed = parseInventory(file!.path, JSON.parse(file!.content));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const edges = parsed.document.edges.filter((edge) => edge.kind === "MAINTAINS").map((edge) => `${edge.from} -> ${edge.to}`);
  return { document: parsed.document, maintains: edges.sort() };
}

describe("mapping an npm scope to an inventory document", () => {
  it("is one inventory file named after the scope, valid in the inventory format", () => {
    const files = mapNpmScope(scopeOf([packument("@acme/ui", ["maria"], [manifest("1.0.0")])]));
    expect(files.map((file) => file.path)).toEqual([npmInventoryPath("@acme")]);
    expect(npmInventoryPath("@acme")).toBe("connectors/npm-acme.json");
    expect(graphOf(scopeOf([packument("@acme/ui", ["maria"], [manifest("1.0.0")])])).document.nodes.length).toBeGreaterThan(0);
  });

  it("gives every maintainer the right to publish the package", () => {
    const { maintains } = graphOf(
      scopeOf([packument("@acme/ui", ["maria", "bot"], [manifest("1.0.0")]), packument("@acme/api", ["maria"], [manifest("2.0.0")])]),
    );
    expect(maintains).toEqual([
      "publisher:npm/bot -> pkg:npm/%40acme/ui",
      "publisher:npm/maria -> pkg:npm/%40acme/api",
      "publisher:npm/maria -> pkg:npm/%40acme/ui",
    ]);
  });

  it("counts preinstall, install and postinstall as install scripts, and the registry's own flag, but not prepare", () => {
    const { document } = graphOf(
      scopeOf([
        packument(
          "@acme/ui",
          ["maria"],
          [
            manifest("1.0.0", { scripts: { prepare: "tsc", test: "vitest" } }),
            manifest("1.0.1", { scripts: { postinstall: "node setup.js" } }),
            manifest("1.0.2", { scripts: { preinstall: "node check.js" } }),
            manifest("1.0.3", { hasInstallScript: true }),
          ],
        ),
      ]),
    );
    const flags = document.nodes.flatMap((node) => (node.kind === "packageVersion" ? [[node.attrs.version, node.attrs.hasInstallScript]] : []));
    expect(Object.fromEntries(flags)).toEqual({ "1.0.0": false, "1.0.1": true, "1.0.2": true, "1.0.3": true });
  });

  it("keeps publish time, publisher, provenance, and whether the latest came through trusted publishing", () => {
    const trusted = manifest("2.0.0", { _npmUser: { name: "GitHub Actions", trustedPublisher: { id: "github" } } });
    const snapshot = scopeOf([packument("@acme/ui", ["maria"], [manifest("1.0.0", { _npmUser: { name: "maria" } }), trusted])]);
    snapshot.packages[0]!.versions = [
      { version: "2.0.0", hasProvenance: true },
      { version: "1.0.0", hasProvenance: false },
    ];
    const { document } = graphOf(snapshot);
    const versions = Object.fromEntries(document.nodes.flatMap((node) => (node.kind === "packageVersion" ? [[node.attrs.version, node.attrs]] : [])));
    expect(versions["2.0.0"]).toMatchObject({
      hasProvenance: true,
      trustedPublishing: true,
      publishedBy: "GitHub Actions",
      publishedAt: new Date(Date.UTC(2026, 0, 2)),
    });
    expect(versions["1.0.0"]).toMatchObject({ hasProvenance: false, trustedPublishing: false, publishedBy: "maria" });
    const pkg = document.nodes.find((node) => node.kind === "package");
    expect(pkg?.attrs).toMatchObject({ trustedPublishing: true });
  });

  it("gives org owners every package, read-write teams their packages, and read-only teams nothing", () => {
    const { maintains } = graphOf(
      scopeOf([packument("@acme/ui", [], [manifest("1.0.0")]), packument("@acme/api", [], [manifest("1.0.0")])], {
        org: {
          members: { olga: "owner", dev: "developer", reader: "developer" },
          teams: [
            { name: "web", members: ["dev"], packages: { "@acme/ui": "read-write" } },
            { name: "docs", members: ["reader"], packages: { "@acme/api": "read-only", "@acme/ui": "read" } },
          ],
        },
      }),
    );
    expect(maintains).toEqual([
      "publisher:npm/dev -> pkg:npm/%40acme/ui",
      "publisher:npm/olga -> pkg:npm/%40acme/api",
      "publisher:npm/olga -> pkg:npm/%40acme/ui",
    ]);
  });

  it("knows two-factor enforcement for the token's own account only", () => {
    const two = (tfa: NonNullable<TNpmScopeSnapshot["tokenUser"]>["tfa"]) => {
      const { document } = graphOf(scopeOf([packument("@acme/ui", ["maria", "bob"], [manifest("1.0.0")])], { tokenUser: { name: "maria", tfa } }));
      return Object.fromEntries(document.nodes.flatMap((node) => (node.kind === "publisher" ? [[node.attrs.handle, node.attrs.twoFactorEnforced]] : [])));
    };
    expect(two({ mode: "auth-and-writes" })).toEqual({ maria: true, bob: null });
    // an account the registry only names is a mention: it never resets what is stored about it
    const { document } = graphOf(scopeOf([packument("@acme/ui", ["maria", "bob"], [manifest("1.0.0")])], { tokenUser: { name: "maria", tfa: false } }));
    expect(Object.fromEntries(document.nodes.flatMap((node) => (node.kind === "publisher" ? [[node.name, node.reference ?? false]] : [])))).toEqual({
      maria: false,
      bob: true,
    });
    expect(two({ mode: "auth-only" })).toEqual({ maria: false, bob: null });
    expect(two(false)).toEqual({ maria: false, bob: null });
  });

  it("records the newest versions by publish time", () => {
    const entry = packument("@acme/ui", [], [manifest("1.0.0"), manifest("3.0.0"), manifest("2.0.0")]);
    entry.time = { "1.0.0": "2026-01-01T00:00:00Z", "3.0.0": "2026-01-02T00:00:00Z", "2.0.0": "2026-03-01T00:00:00Z", modified: "2026-03-01T00:00:00Z" };
    expect(recentVersions(entry, 2)).toEqual(["2.0.0", "3.0.0"]);
  });
});
