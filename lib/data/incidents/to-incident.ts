import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZChecklistItem, type TIncident } from "@/lib/schemas/incident";
import { ZRadiusSnapshot } from "@/lib/schemas/radius";

export const INCIDENT_INCLUDE = {
  events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
  rotations: { orderBy: [{ at: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.IncidentInclude;

type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof INCIDENT_INCLUDE }>;

/** A stored incident as the shared schema (ISO dates, the snapshot parsed back). */
export function toIncident(row: IncidentRow): TIncident {
  return {
    id: row.id,
    title: row.title,
    sourceRefs: row.sourceRefs,
    advisoryIds: row.advisoryIds,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd?.toISOString() ?? null,
    commander: row.commander,
    severity: row.severity,
    status: row.status,
    graphVersionAtOpen: row.graphVersionAtOpen,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    snapshot: ZRadiusSnapshot.parse(row.snapshot),
    checklist: ZChecklistItem.array().parse(row.checklist),
    rotations: row.rotations.map((rotation) => ({
      nodeKey: rotation.nodeKey,
      nodeKind: rotation.nodeKind,
      nodeName: rotation.nodeName,
      action: rotation.action,
      by: rotation.by,
      at: rotation.at.toISOString(),
      note: rotation.note,
    })),
    events: row.events.map((event) => ({
      id: event.id,
      type: event.type,
      actor: event.actor,
      at: event.at.toISOString(),
      details: event.details && typeof event.details === "object" && !Array.isArray(event.details) ? (event.details as Record<string, unknown>) : {},
    })),
  };
}
