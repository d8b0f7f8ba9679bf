import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import { publishTokenIdentities } from "./publish-token-identities";

export class TokenNotFoundError extends Error {}

/** Revokes a token by name: it stops working at once and leaves the inventory. Revoking twice is a no-op. */
export async function revokeApiToken(db: Db, name: string, actor: AuditActor, now = new Date()): Promise<{ revoked: boolean }> {
  const revoked = await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { name } });
    if (!token) throw new TokenNotFoundError(`no token named "${name}"`);
    if (token.revokedAt) return false;
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now, revokedByName: actor.name } });
    await recordAuditEvent(tx, actor, {
      action: "token.revoke",
      target: name,
      before: { scope: token.scope, expiresAt: token.expiresAt.toISOString(), lastUsedAt: token.lastUsedAt?.toISOString() ?? null },
      after: { revokedAt: now.toISOString() },
    });
    return true;
  });
  if (revoked) await publishTokenIdentities(db, actor.name);
  return { revoked };
}
