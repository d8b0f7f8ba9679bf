import type { Db } from "@/lib/db";
import { API_TOKEN_LONG_LIVED_DAYS } from "@/lib/auth/api-token";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import { identityKey, systemKey } from "@/lib/graph-keys/refs";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";

export const BLASTMAP_TOKENS_DOCUMENT = "blastmap:api-tokens";
export const BLASTMAP_SYSTEM_KEY = systemKey("blastmap");
export const tokenIdentityKey = (name: string) => identityKey(`blastmap-token:${name}`);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Blastmap's own API tokens as NHIs in its own inventory, so they get the same risk flags as
 * everyone else's: an import token can write the graph every responder relies on, and this
 * database is a map of what to steal next, so Blastmap is a critical system. Revoked tokens
 * grant nothing and leave the inventory.
 */
export function buildTokenIdentitiesDocument(
  tokens: { name: string; scope: "import" | "read"; createdByName: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null }[],
): TGraphDocument {
  return {
    key: BLASTMAP_TOKENS_DOCUMENT,
    format: "blastmap",
    nodes: [
      {
        kind: "system",
        key: BLASTMAP_SYSTEM_KEY,
        name: "Blastmap",
        attrs: { systemKind: "other", criticality: "critical", owner: null, storesSecrets: false },
      },
      ...tokens.map((token) => ({
        kind: "identity" as const,
        key: tokenIdentityKey(token.name),
        name: `Blastmap API token ${token.name}`,
        attrs: {
          identityKind: "apiKey" as const,
          owner: token.createdByName,
          humanAccount: false,
          issuedAt: token.createdAt,
          lastUsedAt: token.lastUsedAt,
          expiresAt: token.expiresAt,
          lifetime:
            token.expiresAt.getTime() - token.createdAt.getTime() > API_TOKEN_LONG_LIVED_DAYS * DAY_MS ? ("longLived" as const) : ("shortLived" as const),
          scopes: [token.scope],
          provider: "blastmap",
        },
      })),
    ],
    edges: tokens.map((token) => ({
      kind: "CAN_ACCESS" as const,
      from: tokenIdentityKey(token.name),
      to: BLASTMAP_SYSTEM_KEY,
      privilege: token.scope === "import" ? ("write" as const) : ("read" as const),
    })),
  };
}

/** Rewrites the `blastmap:api-tokens` document from the tokens table. */
export async function publishTokenIdentities(db: Db, actorName: string): Promise<void> {
  const tokens = await db.apiToken.findMany({ where: { revokedAt: null }, orderBy: { name: "asc" } });
  await applyGraphDocuments(db, [buildTokenIdentitiesDocument(tokens)], { actor: actorName });
}
