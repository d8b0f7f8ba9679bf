import type { Db } from "@/lib/db";
import { ZConnectorSnapshot, type TConnectorSnapshot } from "@/lib/schemas/connectors/connector-run";

/** What the last successful run of this connector and target saw, or null before the first. */
export async function getLastConnectorSnapshot(db: Db, kind: string, target: string): Promise<TConnectorSnapshot | null> {
  const row = await db.connectorRun.findFirst({
    where: { kind, target, outcome: { in: ["imported", "unchanged"] } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { snapshot: true },
  });
  const parsed = ZConnectorSnapshot.safeParse(row?.snapshot);
  return parsed.success ? parsed.data : null;
}
