import type { Db } from "@/lib/db";
import type { TApiTokenSummary } from "@/lib/schemas/api-token";
import { toTokenSummary } from "./to-token-summary";

export async function listApiTokens(db: Db, now = new Date()): Promise<TApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
  return rows.map((row) => toTokenSummary(row, now));
}
