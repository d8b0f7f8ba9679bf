import type { ApiToken } from "@/lib/generated/prisma/client";
import type { TApiTokenSummary } from "@/lib/schemas/api-token";

export function toTokenSummary(row: ApiToken, now = new Date()): TApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    status: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active",
  };
}
