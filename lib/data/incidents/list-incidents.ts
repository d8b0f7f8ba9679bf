import "server-only";
import type { Db } from "@/lib/db";
import type { TIncidentListItem } from "@/lib/schemas/incident";

/** Incidents, open ones first, newest first, with the figures a list needs (not the snapshots). */
export async function listIncidents(db: Db): Promise<TIncidentListItem[]> {
  const rows = await db.incident.findMany({
    select: {
      id: true,
      title: true,
      status: true,
      severity: true,
      commander: true,
      windowStart: true,
      windowEnd: true,
      createdAt: true,
      sourceRefs: true,
      advisoryIds: true,
      _count: { select: { rotations: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const order = { open: 0, contained: 1, closed: 2 } as const;
  return rows.map(({ _count, ...row }) => ({ ...row, rotations: _count.rotations })).sort((a, b) => order[a.status] - order[b.status]);
}
