import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditEvent, TAuditPage, TAuditQuery } from "@/lib/schemas/audit";

type Filters = Omit<TAuditQuery, "limit" | "before" | "after">;

function filterWhere(query: Filters): Prisma.AuditEventWhereInput {
  return {
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.actor ? { actorName: { contains: query.actor, mode: "insensitive" } } : {}),
    ...(query.target ? { target: { contains: query.target, mode: "insensitive" } } : {}),
    ...(query.since || query.until ? { at: { gte: query.since, lte: query.until } } : {}),
  };
}

/**
 * Newest first, filtered by action prefix, actor name, target substring and time range; a page of
 * `limit` events older than `before` or newer than `after`. Cursors on the id rather than page
 * numbers: the log only grows at the top, so an offset would shift under a reader paging back.
 */
export async function listAuditEvents(db: Db, query: TAuditQuery): Promise<TAuditEvent[]> {
  const where = filterWhere(query);
  const rows =
    query.after !== undefined
      ? (await db.auditEvent.findMany({ where: { AND: [where, { id: { gt: query.after } }] }, orderBy: { id: "asc" }, take: query.limit })).reverse()
      : await db.auditEvent.findMany({
          where: { AND: [where, query.before !== undefined ? { id: { lt: query.before } } : {}] },
          orderBy: { id: "desc" },
          take: query.limit,
        });
  return rows.map((row) => ({ ...row, before: row.before ?? null, after: row.after ?? null }));
}

/** A page of events and the counts around it, so a reader sees "101–200 of 1,234" and can page on. */
export async function listAuditPage(db: Db, query: TAuditQuery): Promise<TAuditPage> {
  const where = filterWhere(query);
  const events = await listAuditEvents(db, query);
  const count = (ids: Prisma.IntFilter) => db.auditEvent.count({ where: { AND: [where, { id: ids }] } });
  if (events.length === 0) {
    // past either end: everything matching lies on one side of the cursor
    const total = await db.auditEvent.count({ where });
    return query.after !== undefined ? { events, total, newer: 0, older: total } : { events, total, newer: total, older: 0 };
  }
  const [newer, older] = await Promise.all([count({ gt: events[0].id }), count({ lt: events.at(-1)!.id })]);
  return { events, total: newer + events.length + older, newer, older };
}
