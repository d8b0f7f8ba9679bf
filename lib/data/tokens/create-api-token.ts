import type { Db } from "@/lib/db";
import { generateApiToken } from "@/lib/auth/api-token";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import { ZCreateApiTokenInput, type TApiTokenSummary, type TCreateApiTokenInput } from "@/lib/schemas/api-token";
import { publishTokenIdentities } from "./publish-token-identities";
import { toTokenSummary } from "./to-token-summary";

export class TokenNameTakenError extends Error {}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates an API token and returns it once; only its SHA-256 is stored. The token then appears
 * in the inventory as an NHI owned by its creator.
 */
export async function createApiToken(
  db: Db,
  input: TCreateApiTokenInput,
  actor: AuditActor,
  now = new Date(),
): Promise<{ token: string; summary: TApiTokenSummary }> {
  const { name, scope, days } = ZCreateApiTokenInput.parse(input);
  const { token, hash, prefix } = generateApiToken();
  const row = await db.$transaction(async (tx) => {
    if (await tx.apiToken.findUnique({ where: { name }, select: { id: true } })) {
      throw new TokenNameTakenError(`a token named "${name}" already exists (names stay taken after revocation, for the audit trail)`);
    }
    const created = await tx.apiToken.create({
      data: {
        name,
        scope,
        tokenHash: hash,
        prefix,
        createdById: actor.kind === "user" ? (actor.id ?? null) : null,
        createdByName: actor.name,
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * DAY_MS),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "token.create",
      target: name,
      after: { name, scope, prefix, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  await publishTokenIdentities(db, actor.name);
  return { token, summary: toTokenSummary(row, now) };
}
