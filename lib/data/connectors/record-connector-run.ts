import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TConnectorRunResult, TConnectorSnapshot } from "@/lib/schemas/connectors/connector-run";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { publishConnectorIdentities } from "./publish-connector-identities";

/**
 * Keeps a connector run: its row, the change summary beside the Import it produced (in that
 * Import's summary, so the import history says what the sync changed), the connector's token in
 * Blastmap's own inventory, and one audit entry — together or not at all.
 */
export async function recordConnectorRun(
  db: Db,
  run: TConnectorRunResult,
  options: { actor: string; auditActor: AuditActor; snapshot: TConnectorSnapshot | null },
): Promise<number> {
  const importId = run.import?.ok ? run.import.importId : null;
  return db.$transaction(async (tx) => {
    const row = await tx.connectorRun.create({
      data: {
        kind: run.kind,
        target: run.target,
        startedAt: new Date(run.startedAt),
        finishedAt: new Date(run.finishedAt),
        actor: options.actor,
        outcome: run.outcome,
        message: run.message.slice(0, 2000),
        hint: run.hint?.slice(0, 2000) ?? null,
        counts: run.counts,
        changes: (run.changes ?? undefined) as Prisma.InputJsonValue | undefined,
        snapshot: (options.snapshot ?? undefined) as Prisma.InputJsonValue | undefined,
        importId,
      },
    });
    if (importId !== null) {
      const stored = await tx.import.findUnique({ where: { id: importId }, select: { summary: true } });
      const summary = (stored?.summary ?? {}) as Prisma.JsonObject;
      await tx.import.update({
        where: { id: importId },
        data: {
          summary: {
            ...summary,
            connector: { kind: run.kind, target: run.target, runId: row.id, counts: run.counts, changes: run.changes },
          } as Prisma.InputJsonValue,
        },
      });
    }
    if (run.ok) await publishConnectorIdentities(tx, options.actor);
    await recordAuditEvent(tx, options.auditActor, {
      action: `connector.${run.outcome === "imported" || run.outcome === "unchanged" ? "sync" : "sync_failed"}`,
      target: `connector:${run.kind}:${run.target}`,
      after: { outcome: run.outcome, counts: run.counts, importId, message: run.message.slice(0, 500) },
    });
    return row.id;
  });
}
