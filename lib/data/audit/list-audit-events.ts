import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditEvent, TAuditQuery } from "@/lib/schemas/audit";

/** Newest first, filtered by action prefix, actor name, target substring and time range. */
export async function listAuditEvents(db: Db, query: TAuditQuery): Promise<TAuditEvent[]> {
  const where: Prisma.AuditEventWhereInput = {
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.actor ? { actorName: { contains: query.actor, mode: "insensitive" } } : {}),
    ...(query.target ? { target: { contains: query.target, mode: "insensitive" } } : {}),
    ...(query.since || query.until ? { at: { gte: query.since, lte: query.until } } : {}),
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: query.limit });
  return rows.map((row) => ({ ...row, before: row.before ?? null, after: row.after ?? null }));
}
