import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import { LastAdminError } from "./update-user-role";

/** Deletes a user with their sessions and accounts (signing them out everywhere); never the last admin. */
export async function deleteUser(db: Db, userId: string, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      throw new LastAdminError("the last admin cannot be deleted");
    }
    await tx.user.delete({ where: { id: userId } });
    await recordAuditEvent(tx, actor, { action: "user.delete", target: user.email, before: { email: user.email, role: user.role } });
  });
}
