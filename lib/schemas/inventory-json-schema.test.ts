import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseInventory } from "@/lib/ingest/inventory/parse-inventory";
import { ZInventory } from "./inventory";
import { inventoryJsonSchemaText } from "./inventory-json-schema";

const root = process.cwd();

describe("the published inventory JSON Schema", () => {
  it("is what npm run schema:inventory generates from ZInventory (docs/ and public/)", () => {
    const expected = inventoryJsonSchemaText();
    expect(readFileSync(path.join(root, "docs/inventory.schema.json"), "utf8"), "run npm run schema:inventory").toBe(expected);
    expect(readFileSync(path.join(root, "public/inventory.schema.json"), "utf8"), "run npm run schema:inventory").toBe(expected);
  });

  it("documents an example in docs/inventory.md that is valid and self-contained", () => {
    const markdown = readFileSync(path.join(root, "docs/inventory.md"), "utf8");
    const example = JSON.parse(/## A complete example\s+```json\n([\s\S]*?)\n```/.exec(markdown)![1]);
    expect(ZInventory.safeParse(example).success).toBe(true);
    const parsed = parseInventory("inventory.json", example);
    expect(parsed.ok && parsed.references).toEqual([]);
  });
});
