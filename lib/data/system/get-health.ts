import type { Database } from "@/lib/db";
import { migrationStatus } from "@/lib/database/migration-status";
import type { THealth } from "@/lib/schemas/health";

export async function getHealth({ connection }: Database): Promise<THealth> {
  const status = await migrationStatus(connection);
  return {
    status: status.pending.length === 0 && status.unknown.length === 0 ? "ok" : "degraded",
    // no host or path: health is answered to anyone (load balancers), so it names only the kind
    database: { kind: connection.config.kind },
    migrations: { applied: status.applied.length, pending: status.pending, latest: status.applied.at(-1) ?? null },
  };
}
