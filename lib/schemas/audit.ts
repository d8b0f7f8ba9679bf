import { z } from "zod";

const ZEventId = z.coerce
  .number({ error: "must be an event id" })
  .int("must be an event id")
  .min(0, "must be an event id")
  .max(2_147_483_647, "must be an event id");

const auditFilters = {
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  target: z.string().trim().max(1000).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  /** cursor: events older than this id (the next page, newest first) */
  before: ZEventId.optional(),
  /** cursor: events newer than this id (the previous page); after=0 is the oldest page */
  after: ZEventId.optional(),
};
const oneCursor = (query: { before?: number; after?: number }) => query.before === undefined || query.after === undefined;
const ONE_CURSOR = { message: "give before or after, not both", path: ["after"] };

/** GET /api/audit: up to 10,000 events per request (an export), paged with the same cursors. */
export const ZAuditQuery = z.object({ ...auditFilters, limit: z.coerce.number().int().min(1).max(10_000).default(200) }).refine(oneCursor, ONE_CURSOR);
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** The page sizes the audit log page offers; a page is for reading, an export for more. */
export const AUDIT_PAGE_SIZES = [25, 50, 100, 200, 500] as const;
export const ZAuditPageQuery = z
  .object({
    ...auditFilters,
    limit: z.coerce
      .number({ error: `must be one of ${AUDIT_PAGE_SIZES.join(", ")}` })
      .refine((size) => (AUDIT_PAGE_SIZES as readonly number[]).includes(size), `must be one of ${AUDIT_PAGE_SIZES.join(", ")}`)
      .default(100),
  })
  .refine(oneCursor, ONE_CURSOR);

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

/** One page of the audit log, newest first, with where it sits among all matching events. */
export interface TAuditPage {
  events: TAuditEvent[];
  /** matching events in all */
  total: number;
  /** matching events newer than this page: the first row is number newer + 1 */
  newer: number;
  /** matching events older than this page */
  older: number;
}
