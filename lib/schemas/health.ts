import { z } from "zod";

export const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({
    kind: z.enum(["pglite", "postgresql"]),
    /** the embedded database is held by a write (an import) and answered from its last check */
    busy: z.boolean().optional(),
  }),
  migrations: z.object({ applied: z.number().int(), pending: z.array(z.string()), latest: z.string().nullable() }),
});
export type THealth = z.infer<typeof ZHealth>;
