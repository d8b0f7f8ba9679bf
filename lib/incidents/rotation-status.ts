import type { TChecklistItem, TIncident, TRotation } from "@/lib/schemas/incident";
import type { TRotationItem } from "@/lib/schemas/radius";

export interface RotationStatusRow {
  /** the plan row's key: what "mark rotated" records, and the checklist item `rotate:<key>` */
  key: string;
  kind: string;
  name: string;
  rank: number | null;
  reason: string | null;
  owner: string | null;
  /** "review" for an ephemeral job token (expired at job end); null for a node marked outside the plan */
  action: TRotationItem["action"] | null;
  timing: TRotationItem["timing"] | null;
  exposure: TRotationItem["exposure"];
  /** every secret and identity the row stands for, its own key included */
  members: { key: string; name: string; kind: "secret" | "identity" }[];
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
    action: item.action,
    timing: item.timing,
    exposure: item.exposure,
    members: rowMembers(item),
    rotation: byKey.get(item.key) ?? null,
  }));
  const planned = new Set(rows.map((row) => row.key));
  for (const rotation of incident.rotations) {
    if (!planned.has(rotation.nodeKey)) {
      rows.push({
        key: rotation.nodeKey,
        kind: rotation.nodeKind,
        name: rotation.nodeName,
        rank: null,
        reason: null,
        owner: null,
        action: null,
        timing: null,
        exposure: null,
        members: [],
        rotation,
      });
    }
  }
  return rows;
}

/** The secrets and identities one plan row merges (a snapshot from before the merge lists only its own key). */
export function rowMembers(item: Pick<TRotationItem, "key" | "kind" | "name" | "secrets" | "identities">): RotationStatusRow["members"] {
  const members = new Map<string, RotationStatusRow["members"][number]>();
  for (const secret of item.secrets) members.set(secret.key, { key: secret.key, name: secret.name, kind: "secret" });
  for (const identity of item.identities) members.set(identity.key, { key: identity.key, name: identity.name, kind: "identity" });
  if (!members.has(item.key)) members.set(item.key, { key: item.key, name: item.name, kind: item.kind });
  return [...members.values()];
}

/**
 * The node keys an incident's rotations take out of the residual radius: a row marked rotated
 * stands for every secret and identity it merges (the copies of one token, the identity it
 * authenticates as), not just its own key.
 */
export function rotatedNodeKeys(incident: Pick<TIncident, "snapshot" | "rotations">): string[] {
  const rows = new Map(incident.snapshot.rotationPlan.map((item) => [item.key, item]));
  const keys = new Set<string>();
  for (const rotation of incident.rotations) {
    const row = rows.get(rotation.nodeKey);
    if (row) for (const member of rowMembers(row)) keys.add(member.key);
    else keys.add(rotation.nodeKey);
  }
  return [...keys];
}

/**
 * A review row (an ephemeral job token) is not marked rotated: it is done when its checklist item
 * `review:<key>` is ticked. Null for a row that is not a review or has no such item.
 */
export function reviewStatus(incident: Pick<TIncident, "checklist">, row: Pick<RotationStatusRow, "key" | "action">): TChecklistItem | null {
  if (row.action !== "review") return null;
  return incident.checklist.find((item) => item.id === `review:${row.key}`) ?? null;
}
