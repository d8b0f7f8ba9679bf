import type { Prisma } from "@/lib/generated/prisma/client";
import { identityKey, secretKey, systemKey } from "@/lib/graph-keys/refs";
import { ZGraphDocument, type TEdgeFact, type TGraphDocument, type TNodeFact } from "@/lib/schemas/graph-facts";
import { applyInTransaction } from "../import/apply-graph-documents";
import { BLASTMAP_SYSTEM_KEY } from "../tokens/publish-token-identities";

// A connector's token is Blastmap's own NHI: it reads an organisation's whole inventory from the
// server's environment. Like Blastmap's API tokens it is written by Blastmap (document
// `blastmap:connectors`, keys reserved in lib/ingest/reserved-keys.ts), never by an import, so an
// import cannot make it look harmless.

export const BLASTMAP_CONNECTORS_DOCUMENT = "blastmap:connectors";
export const connectorIdentityKey = (kind: string, target: string) => identityKey(`blastmap:connector-${kind}-${target}`);
export const connectorSecretKey = (kind: string, target: string) => secretKey(null, `blastmap:connector-${kind}-${target}`);

/** The system a connector's token reads, by kind; the npm connector adds its registry here. */
const READS: Record<string, (target: string) => string> = {
  github: (org) => systemKey(`github:${org}`),
};

export interface SyncedConnector {
  kind: string;
  target: string;
  /** the first successful run: when Blastmap started holding this token */
  since: Date;
}

export function buildConnectorIdentitiesDocument(connectors: SyncedConnector[], existingSystems: Set<string>): TGraphDocument {
  const nodes: TNodeFact[] = [
    { kind: "system", key: BLASTMAP_SYSTEM_KEY, name: "Blastmap", attrs: { systemKind: "other", criticality: "critical", owner: null, storesSecrets: false } },
  ];
  const edges: TEdgeFact[] = [];
  for (const { kind, target, since } of connectors) {
    const identity = connectorIdentityKey(kind, target);
    const secret = connectorSecretKey(kind, target);
    nodes.push(
      {
        kind: "identity",
        key: identity,
        name: `Blastmap's ${kind} connector for ${target}`,
        attrs: { identityKind: "apiKey", owner: null, humanAccount: false, issuedAt: since, lifetime: "longLived", scopes: ["read"], provider: kind },
      },
      {
        kind: "secret",
        key: secret,
        name: `Blastmap's ${kind} connector token for ${target}`,
        attrs: { secretName: `${kind} connector token`, secretType: `${kind}-token`, storedIn: "envFile", location: "the Blastmap server's environment" },
      },
    );
    edges.push({ kind: "AUTHENTICATES_AS", from: secret, to: identity }, { kind: "STORES", from: BLASTMAP_SYSTEM_KEY, to: secret });
    const reads = READS[kind]?.(target);
    if (reads && existingSystems.has(reads)) edges.push({ kind: "CAN_ACCESS", from: identity, to: reads, privilege: "read" });
  }
  return ZGraphDocument.parse({ key: BLASTMAP_CONNECTORS_DOCUMENT, format: "blastmap", nodes, edges });
}

/** Rewrites `blastmap:connectors` from the connectors that have synced at least once. */
export async function publishConnectorIdentities(tx: Prisma.TransactionClient, actor: string): Promise<void> {
  const runs = await tx.connectorRun.groupBy({
    by: ["kind", "target"],
    where: { outcome: { in: ["imported", "unchanged"] } },
    _min: { startedAt: true },
    orderBy: [{ kind: "asc" }, { target: "asc" }],
  });
  const connectors = runs.map((run) => ({ kind: run.kind, target: run.target, since: run._min.startedAt ?? new Date(0) }));
  const wanted = connectors.flatMap(({ kind, target }) => READS[kind]?.(target) ?? []);
  const systems = await tx.node.findMany({ where: { key: { in: wanted } }, select: { key: true } });
  await applyInTransaction(tx, [buildConnectorIdentitiesDocument(connectors, new Set(systems.map((node) => node.key)))], { actor });
}
