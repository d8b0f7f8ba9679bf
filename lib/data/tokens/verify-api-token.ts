import type { Db } from "@/lib/db";
import { hashApiToken, isApiTokenShaped } from "@/lib/auth/api-token";
import { recordAuditEvent } from "../audit/record-audit-event";
import { tokenIdentityKey } from "./publish-token-identities";

export interface VerifiedApiToken {
  id: number;
  name: string;
  scope: "import" | "read";
}

// Recording every use would turn each CI read into a write; once a minute is precise enough for
// "last used" and for spotting a token used after it should have been retired. The audit log gets
// a token.use entry at the same resolution, and every presentation of a revoked or expired token
// (a real token's hash: a guessed value cannot flood the log).
const LAST_USED_RESOLUTION_MS = 60 * 1000;

/**
 * The token a bearer value belongs to when it is active (not revoked, not expired), else null.
 * Looks up by hash, so the comparison never touches the token itself. Records the last use on
 * the token and on its identity in the inventory.
 */
export async function verifyApiToken(db: Db, presented: string, now = new Date()): Promise<VerifiedApiToken | null> {
  if (!isApiTokenShaped(presented)) return null;
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(presented) } });
  if (!token) return null;
  const actor = { kind: "token" as const, id: String(token.id), name: `token:${token.name}` };
  if (token.revokedAt || token.expiresAt <= now) {
    await recordAuditEvent(db, actor, {
      action: "token.use_refused",
      target: token.name,
      after: { reason: token.revokedAt ? "revoked" : "expired", scope: token.scope },
    });
    return null;
  }
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.$transaction(async (tx) => {
      await tx.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
      await tx.identity.updateMany({ where: { node: { key: tokenIdentityKey(token.name) } }, data: { lastUsedAt: now } });
      await recordAuditEvent(tx, actor, { action: "token.use", target: token.name, after: { scope: token.scope } });
    });
  }
  return { id: token.id, name: token.name, scope: token.scope };
}
