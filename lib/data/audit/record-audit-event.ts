import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who did it: the guard's Actor fits as is; "system" for the CLI and start-up, "anonymous" for failed sign-ins. */
export interface AuditActor {
  kind: "user" | "token" | "system" | "anonymous";
  id?: string | null;
  name: string;
  /** where the request came from, when there was one */
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditChange {
  /** dotted verb: auth.sign_in, auth.sign_in_failed, user.create, token.revoke, import.apply, incident.update, … */
  action: string;
  /** what was changed, in the words a reader searches for: an email, token name, node key, incident id */
  target?: string | null;
  /** a summary of the state before and after — never a secret's value */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

type Writer = Pick<Db, "auditEvent"> | Prisma.TransactionClient;

/**
 * Appends one event to the audit log. Pass the transaction client when the change itself is
 * transactional, so the event is written if and only if the change is. The table refuses UPDATE
 * and DELETE (a database trigger), so what is written here stays.
 */
export async function recordAuditEvent(db: Writer, actor: AuditActor, change: AuditChange): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorKind: actor.kind,
      actorId: actor.id ?? null,
      actorName: actor.name.slice(0, 320),
      action: change.action,
      target: change.target?.slice(0, 1000) ?? null,
      ip: actor.ip?.slice(0, 100) ?? null,
      userAgent: actor.userAgent?.slice(0, 500) ?? null,
      before: change.before ?? undefined,
      after: change.after ?? undefined,
    },
  });
}

export const SYSTEM_ACTOR: AuditActor = { kind: "system", id: null, name: "blastmap" };
