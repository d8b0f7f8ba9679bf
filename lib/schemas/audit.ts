import { z } from "zod";

export const ZAuditQuery = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  target: z.string().trim().max(1000).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.number().int(),
  at: z.date(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const AUDIT_EXPORT_FORMATS = ["csv", "json"] as const;
export const ZAuditExportFormat = z.enum(AUDIT_EXPORT_FORMATS);
