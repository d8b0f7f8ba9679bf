import { z } from "zod";
import { EDGE_KINDS, NODE_KINDS } from "./graph-facts";

export const ZGraphStats = z.object({
  database: z.object({ kind: z.enum(["pglite", "postgresql"]), description: z.string() }),
  schemaVersion: z.string().nullable(),
  graphVersion: z.number().int(),
  nodes: z.record(z.enum(NODE_KINDS), z.number().int()),
  edges: z.record(z.enum(EDGE_KINDS), z.number().int()),
  totals: z.object({ nodes: z.number().int(), edges: z.number().int() }),
});
export type TGraphStats = z.infer<typeof ZGraphStats>;
