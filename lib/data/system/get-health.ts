import type { Database } from "@/lib/db";
import { migrationStatus } from "@/lib/database/migration-status";
import type { THealth } from "@/lib/schemas/health";

/** How long an embedded database may keep health waiting before the answer says it is busy. */
export const EMBEDDED_BUSY_AFTER_MS = 500;

let lastEmbedded: THealth | undefined;

export async function getHealth({ connection }: Pick<Database, "connection">, busyAfterMs = EMBEDDED_BUSY_AFTER_MS): Promise<THealth> {
  const answer = migrationStatus(connection).then((status): THealth => ({
    status: status.pending.length === 0 && status.unknown.length === 0 ? "ok" : "degraded",
    // no host or path: health is answered to anyone (load balancers), so it names only the kind
    database: { kind: connection.config.kind },
    migrations: { applied: status.applied.length, pending: status.pending, latest: status.applied.at(-1) ?? null },
  }));
  if (connection.config.kind !== "pglite") return answer;
  // The embedded database runs in this process over one connection: while an import's
  // transaction holds it, every query waits for the commit. The server is up and the database
  // open, so health says "busy" from the last answer instead of timing out a load balancer;
  // PostgreSQL gets no such grace, a slow answer there is a real problem.
  answer.then((health) => (lastEmbedded = health)).catch(() => {});
  if (!lastEmbedded) return answer;
  const previous = lastEmbedded;
  let timer: NodeJS.Timeout | undefined;
  const busy = new Promise<THealth>((resolve) => {
    timer = setTimeout(() => resolve({ ...previous, database: { ...previous.database, busy: true } }), busyAfterMs);
  });
  try {
    return await Promise.race([answer, busy]);
  } finally {
    clearTimeout(timer);
  }
}
