import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import type { Role } from "@/lib/auth/permissions";

export class LastAdminError extends Error {}

/** Changes a user's role; refuses to leave the installation without an admin. Sessions pick it up at once. */
export async function updateUserRole(db: Db, userId: string, role: Role, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.role === role) return;
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      throw new LastAdminError("the last admin cannot be demoted; make someone else an admin first");
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAuditEvent(tx, actor, { action: "user.role_change", target: user.email, before: { role: user.role }, after: { role } });
  });
}
