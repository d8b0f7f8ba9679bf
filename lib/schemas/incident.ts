import { z } from "zod";
import { ZRecordId } from "./record-id";
import { ZCriticality, ZNodeKind, type TCriticality } from "./graph-facts";
import { ZRadiusSnapshot, ZRadiusSummary, type TRadiusResult } from "./radius";

// Incidents: one schema for the open form, the server actions, the API and the report.

export const INCIDENT_STATUSES = ["open", "contained", "closed"] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export type TIncidentStatus = z.infer<typeof ZIncidentStatus>;

export const ZRotationAction = z.enum(["rotated", "revoked"]);
export type TRotationAction = z.infer<typeof ZRotationAction>;

const ZRefs = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : String(value).split(/[\s,]+/)),
  z.array(z.string().trim().min(1).max(1000)).max(100),
);
const ZDateInput = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.date({ error: "must be a date and time" }));

export const ZOpenIncidentInput = z
  .object({
    title: z.string().trim().min(3, "title must have at least 3 characters").max(200),
    refs: ZRefs,
    advisories: ZRefs,
    windowStart: ZDateInput,
    windowEnd: ZDateInput.optional(),
    commander: z.string().trim().min(1, "commander is required").max(200),
    severity: ZCriticality,
  })
  .refine((input) => input.refs.length + input.advisories.length > 0, { message: "give at least one compromised package, node or advisory", path: ["refs"] })
  .refine((input) => !input.windowEnd || input.windowEnd >= input.windowStart, { message: "the window must end after it starts", path: ["windowEnd"] });
export type TOpenIncidentInput = z.infer<typeof ZOpenIncidentInput>;

export const CHECKLIST_CATEGORIES = ["publisher", "ownership", "diff", "rotation", "ci", "observers"] as const;

export const ZChecklistItem = z.object({
  /** stable within the incident, e.g. "rotate:secret:acme/web:NPM_TOKEN" */
  id: z.string(),
  category: z.enum(CHECKLIST_CATEGORIES),
  text: z.string(),
  /** node keys the item is about */
  refs: z.array(z.string()),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

export const ZRotation = z.object({
  nodeKey: z.string(),
  nodeKind: z.string(),
  nodeName: z.string(),
  action: ZRotationAction,
  by: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});
export type TRotation = z.infer<typeof ZRotation>;

export const ZIncidentEvent = z.object({
  id: z.number().int(),
  type: z.string(),
  actor: z.string(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type TIncidentEvent = z.infer<typeof ZIncidentEvent>;

export const ZIncident = z.object({
  id: z.number().int(),
  title: z.string(),
  sourceRefs: z.array(z.string()),
  advisoryIds: z.array(z.string()),
  windowStart: z.string(),
  windowEnd: z.string().nullable(),
  commander: z.string(),
  severity: ZCriticality,
  status: ZIncidentStatus,
  graphVersionAtOpen: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  snapshot: ZRadiusSnapshot,
  checklist: z.array(ZChecklistItem),
  rotations: z.array(ZRotation),
  events: z.array(ZIncidentEvent),
});
export type TIncident = z.infer<typeof ZIncident>;

export const ZRadiusNodeRef = z.object({ key: z.string(), kind: ZNodeKind, name: z.string() });

/** Snapshot versus a recomputation (today's graph, or today's graph without what was rotated). */
export const ZRadiusDiff = z.object({
  before: ZRadiusSummary,
  after: ZRadiusSummary,
  added: z.array(ZRadiusNodeRef),
  removed: z.array(ZRadiusNodeRef),
});
export type TRadiusDiff = z.infer<typeof ZRadiusDiff>;

export const ZMarkRotationInput = z.object({
  incidentId: ZRecordId,
  nodeKey: z.string().trim().min(1).max(1000),
  action: ZRotationAction,
  note: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((note) => note || null),
});
export type TMarkRotationInput = z.infer<typeof ZMarkRotationInput>;

export const ZUndoRotationInput = ZMarkRotationInput.pick({ incidentId: true, nodeKey: true });
export type TUndoRotationInput = z.infer<typeof ZUndoRotationInput>;

/** One row of the incident list (the page and GET /api/incidents): the figures a list needs, not the snapshots. */
export interface TIncidentListItem {
  id: number;
  title: string;
  status: TIncidentStatus;
  severity: TCriticality;
  commander: string;
  windowStart: Date;
  windowEnd: Date | null;
  createdAt: Date;
  sourceRefs: string[];
  advisoryIds: string[];
  rotations: number;
}

/** An incident's radii on today's graph (the incident page, its print view and report). */
export interface TIncidentRadii {
  /** today's graph without what was rotated or revoked; null when a source no longer resolves */
  residual: TRadiusResult | null;
  /** with `recompute`: the snapshot against today's full graph */
  recomputed: TRadiusDiff | null;
  graphVersion: number;
  problems: string[];
}

/** A malicious-package advisory (OSV MAL-…) whose affected versions are installed somewhere: the overview's call to open an incident. */
export interface TAdvisoryMatch {
  advisoryId: string;
  key: string;
  summary: string | null;
  publishedAt: string | null;
  /** affected versions that are installed somewhere */
  versions: { key: string; name: string; installedIn: number }[];
  /** distinct contexts (CI jobs, workstations) that install an affected version */
  contexts: number;
}
