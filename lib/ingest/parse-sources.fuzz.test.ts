import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_FIXTURES, realFixturesAbsent } from "@/test/fixture-tree";
import { mutateInput, seededRandom } from "@/test/mutate-input";
import { parseSources } from "./parse-sources";

// Malformed variants of every real fixture format: the parser always answers with documents or
// located errors, never an exception.

const SAMPLES = [
  ["repo/.github/workflows/publish.yml", "workflows/nrwl__nx/publish.yml"],
  ["repo/package-lock.json", "lockfiles/CycloneDX__cyclonedx-node-npm/package-lock.json"],
  ["repo/package.json", "lockfiles/openai__openai-node/package.json"],
  ["osv/MAL-2025-47141.json", "osv/MAL-2025-47141.json"],
  ["sbom/bom.json", "sbom/demo-package-integrity.bare.bom.1.6.json"],
] as const;

const inventory = JSON.stringify({
  blastmapInventory: 1,
  systems: [{ name: "vault", kind: "vault", criticality: "critical", storesSecrets: true }],
  identities: [{ name: "deployer", kind: "cloudRole", lifetime: "shortLived", canAccess: [{ system: "system:vault", privilege: "read" }] }],
});

describe.skipIf(realFixturesAbsent())("parseSources on malformed input", () => {
  for (const [filePath, fixture] of [...SAMPLES, ["inventory.json", null] as const]) {
    it(`never throws on 80 malformed variants of ${filePath}`, () => {
      const original = fixture ? readFileSync(path.join(REAL_FIXTURES, fixture), "utf8") : inventory;
      const random = seededRandom(filePath.length * 7919);
      for (let i = 0; i < 80; i += 1) {
        const content = mutateInput(original, random);
        const parsed = parseSources([{ path: filePath, content }]);
        for (const error of parsed.errors) {
          expect(error.file).toBe(filePath);
          expect(error.message.length).toBeGreaterThan(0);
        }
        if (parsed.errors.length === 0) expect(parsed.documents.length + (filePath.endsWith("package.json") ? 1 : 0)).toBeGreaterThan(0);
      }
    });
  }
});
