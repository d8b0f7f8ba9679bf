import type { Db } from "@/lib/db";
import { ZConnectorChanges, type TConnectorChanges } from "@/lib/schemas/connectors/connector-run";

export interface ConnectorRunRow {
  id: number;
  kind: string;
  target: string;
  startedAt: Date;
  finishedAt: Date;
  actor: string;
  outcome: string;
  message: string;
  hint: string | null;
  counts: Record<string, number>;
  changes: TConnectorChanges | null;
  importId: number | null;
}

/** The latest run of each connector and target, newest first: what the dashboard's Connectors section shows. */
export async function listLatestConnectorRuns(db: Db, limit = 50): Promise<ConnectorRunRow[]> {
  const rows = await db.connectorRun.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    distinct: ["kind", "target"],
    take: limit,
    omit: { snapshot: true },
  });
  return rows.map((row) => {
    const changes = ZConnectorChanges.safeParse(row.changes);
    return { ...row, counts: (row.counts ?? {}) as Record<string, number>, changes: changes.success ? changes.data : null };
  });
}
