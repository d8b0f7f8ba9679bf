import { z } from "zod";

export const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ kind: z.enum(["pglite", "postgresql"]) }),
  migrations: z.object({ applied: z.number().int(), pending: z.array(z.string()), latest: z.string().nullable() }),
});
export type THealth = z.infer<typeof ZHealth>;
