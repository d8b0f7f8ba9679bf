import { describe, expect, it } from "vitest";
import { parseCycloneDx } from "./parse-cyclonedx";

const bom = {
  bomFormat: "CycloneDX",
  specVersion: "1.5",
  metadata: { component: { type: "application", name: "shop", group: "@acme", version: "2.0.0", "bom-ref": "app" } },
  components: [
    {
      type: "library",
      name: "buffer",
      version: "5.4.3",
      purl: "pkg:npm/buffer@5.4.3",
      "bom-ref": "b",
      components: [{ type: "library", name: "base64-js", version: "1.3.1", purl: "pkg:npm/base64-js@1.3.1", "bom-ref": "b64" }],
    },
    { type: "library", name: "no-purl", version: "1.0.0", "bom-ref": "n" },
  ],
  dependencies: [
    { ref: "app", dependsOn: ["b"] },
    { ref: "b", dependsOn: ["b64", "unknown"] },
  ],
};

describe("parseCycloneDx", () => {
  it("installs every component with a purl, nested ones included, into the application's context", () => {
    const parsed = parseCycloneDx({ path: "bom.json", repo: null }, bom);
    if (!parsed.ok) throw new Error("expected ok");
    const [document] = parsed.documents;
    expect(document.key).toBe("sbom:-:bom.json");
    expect(document.nodes[0]).toMatchObject({ kind: "context", key: "context:application/@acme/shop", name: "@acme/shop@2.0.0 (SBOM)" });
    const installed = document.edges.filter((edge) => edge.kind === "INSTALLED_IN");
    expect(installed.map((edge) => [edge.from, edge.attributes?.direct ?? false])).toEqual([
      ["pkg:npm/buffer@5.4.3", true],
      ["pkg:npm/base64-js@1.3.1", false],
    ]);
  });

  it("turns the dependency graph into DEPENDS_ON between component versions, skipping unknown refs", () => {
    const parsed = parseCycloneDx({ path: "bom.json", repo: null }, bom);
    const dependsOn = parsed.ok ? parsed.documents[0].edges.filter((edge) => edge.kind === "DEPENDS_ON") : [];
    expect(dependsOn).toEqual([{ kind: "DEPENDS_ON", from: "pkg:npm/buffer@5.4.3", to: "pkg:npm/base64-js@1.3.1" }]);
  });

  it("refuses an unsupported specVersion with its JSON path", () => {
    const parsed = parseCycloneDx({ path: "bom.json", repo: null }, { ...bom, specVersion: "2.0" });
    expect(parsed).toEqual({ ok: false, errors: [expect.objectContaining({ file: "bom.json", path: "$.specVersion" })] });
  });
});
