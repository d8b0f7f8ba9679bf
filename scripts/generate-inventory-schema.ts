// npm run schema:inventory — writes the inventory file's JSON Schema, generated from its Zod schema
// (lib/schemas/inventory.ts), to docs/ and public/ (served at /inventory.schema.json).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { inventoryJsonSchemaText } from "../lib/schemas/inventory-json-schema";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
for (const target of ["docs/inventory.schema.json", "public/inventory.schema.json"]) {
  writeFileSync(path.join(root, target), inventoryJsonSchemaText());
  console.log(`wrote ${target}`);
}
