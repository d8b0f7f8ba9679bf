import type { Connector, ConnectorRun } from "@/lib/connectors/connector";
import { ConnectorError } from "@/lib/connectors/connector-error";
import type { AuditActor } from "@/lib/data/audit/record-audit-event";
import { getLastConnectorSnapshot } from "@/lib/data/connectors/get-last-connector-snapshot";
import { recordConnectorRun } from "@/lib/data/connectors/record-connector-run";
import type { Db } from "@/lib/db";
import { connectorChanges, connectorSnapshot, hasChanges } from "@/lib/ingest/connectors/connector-snapshot";
import { redactCredentials } from "@/lib/ingest/credentials/redact";
import type { SourceFile } from "@/lib/ingest/types";
import type { TConnectorRunResult, TConnectorSnapshot } from "@/lib/schemas/connectors/connector-run";
import { importSources } from "../import/import-sources";

// One connector run: collect → import through the same importer as files (one transaction,
// idempotent, provenance per document) → keep what changed since the last run of the same
// connector and target. A failure anywhere — the API refusing, the import refusing — writes no
// graph change; the failed run itself is recorded so the dashboard can say why.

export interface RunConnectorOptions {
  /** stored on the Import and ConnectorRun rows: "cli:alice", "admin@example.com", "schedule" */
  actor: string;
  auditActor: AuditActor;
  dryRun?: boolean;
  progress?: (line: string) => void;
}

/**
 * Repository roots by the connector contract's paths, <owner>/<repo>/<path in repo>: the importer
 * then names each repository owner/repo, as the API does.
 */
export function repositoryNamesOf(sources: SourceFile[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const { path } of sources) {
    const match = /^([^/]+)\/([^/]+)\/.+/.exec(path);
    if (match && match[1] !== "connectors") names[`${match[1]}/${match[2]}/`] = `${match[1]}/${match[2]}`;
  }
  return names;
}

export async function runConnector(db: Db, connector: Connector, options: RunConnectorOptions): Promise<TConnectorRunResult> {
  const progress = options.progress ?? (() => {});
  const startedAt = new Date().toISOString();
  const base = { kind: connector.kind, target: connector.target, startedAt };
  const finish = async (result: Omit<TConnectorRunResult, keyof typeof base | "finishedAt">, snapshot: TConnectorSnapshot | null) => {
    const run: TConnectorRunResult = { ...base, ...result, finishedAt: new Date().toISOString() };
    if (!options.dryRun) await recordConnectorRun(db, run, { actor: options.actor, auditActor: options.auditActor, snapshot });
    return run;
  };

  let collected: ConnectorRun;
  try {
    collected = await connector.collect(progress);
  } catch (error) {
    const known = error instanceof ConnectorError;
    // a message from an API or library may quote what it was sent: never repeat a credential
    const message = redactCredentials(error instanceof Error ? error.message : String(error));
    return finish(
      {
        ok: false,
        outcome: "failed",
        message: known ? message : `the ${connector.kind} connector failed: ${message}`,
        hint: known ? (error.hint ?? null) : null,
        counts: {},
        changes: null,
        import: null,
      },
      null,
    );
  }

  progress(`${connector.kind}: importing ${collected.sources.length} files`);
  const snapshot = connectorSnapshot(collected.sources);
  const changes = connectorChanges(await getLastConnectorSnapshot(db, connector.kind, connector.target), snapshot);
  const imported = await importSources(db, collected.sources, {
    actor: options.actor,
    auditActor: options.auditActor,
    dryRun: options.dryRun,
    repoNames: repositoryNamesOf(collected.sources),
  });
  if (!imported.ok) {
    return finish(
      {
        ok: false,
        outcome: "refused",
        message: `the import refused what ${connector.kind} returned: ${imported.message}`,
        hint: null,
        counts: collected.counts,
        changes: null,
        import: imported,
      },
      null,
    );
  }
  const outcome = options.dryRun ? "dry-run" : imported.unchanged && !hasChanges(changes) ? "unchanged" : "imported";
  return finish({ ok: true, outcome, message: imported.message, hint: null, counts: collected.counts, changes, import: imported }, snapshot);
}
