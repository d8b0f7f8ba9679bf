import { z } from "zod";
import { ZInventory } from "./inventory";

// The published JSON Schema of the inventory file, generated from ZInventory and never written by
// hand (npm run schema:inventory writes docs/ and public/; a test fails when they are stale).

export function inventoryJsonSchema(): Record<string, unknown> {
  // "input": what a file may contain (defaults are optional there), not what parsing returns.
  const schema = z.toJSONSchema(ZInventory, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return { title: "Blastmap inventory", ...schema };
}

export const inventoryJsonSchemaText = (): string => `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`;
