import type { Db } from "@/lib/db";
import { hashApiToken, isApiTokenShaped } from "@/lib/auth/api-token";
import { tokenIdentityKey } from "./publish-token-identities";

export interface VerifiedApiToken {
  id: number;
  name: string;
  scope: "import" | "read";
}

// Recording every use would turn each CI read into a write; once a minute is precise enough for
// "last used" and for spotting a token used after it should have been retired.
const LAST_USED_RESOLUTION_MS = 60 * 1000;

/**
 * The token a bearer value belongs to when it is active (not revoked, not expired), else null.
 * Looks up by hash, so the comparison never touches the token itself. Records the last use on
 * the token and on its identity in the inventory.
 */
export async function verifyApiToken(db: Db, presented: string, now = new Date()): Promise<VerifiedApiToken | null> {
  if (!isApiTokenShaped(presented)) return null;
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(presented) } });
  if (!token || token.revokedAt || token.expiresAt <= now) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    await db.identity.updateMany({ where: { node: { key: tokenIdentityKey(token.name) } }, data: { lastUsedAt: now } });
  }
  return { id: token.id, name: token.name, scope: token.scope };
}
