import type { TIncident, TRotation } from "@/lib/schemas/incident";

export interface RotationStatusRow {
  key: string;
  kind: string;
  name: string;
  rank: number | null;
  reason: string | null;
  owner: string | null;
  rotation: TRotation | null;
}

/** The snapshot's rotation plan with what was done to each entry, plus anything rotated outside the plan. */
export function rotationStatus(incident: Pick<TIncident, "snapshot" | "rotations">): RotationStatusRow[] {
  const byKey = new Map(incident.rotations.map((rotation) => [rotation.nodeKey, rotation]));
  const rows: RotationStatusRow[] = incident.snapshot.rotationPlan.map((item) => ({
    key: item.key,
    kind: item.kind,
    name: item.name,
    rank: item.rank,
    reason: item.reason,
    owner: item.owner,
    rotation: byKey.get(item.key) ?? null,
  }));
  const planned = new Set(rows.map((row) => row.key));
  for (const rotation of incident.rotations) {
    if (!planned.has(rotation.nodeKey)) rows.push({ key: rotation.nodeKey, kind: rotation.nodeKind, name: rotation.nodeName, rank: null, reason: null, owner: null, rotation });
  }
  return rows;
}
