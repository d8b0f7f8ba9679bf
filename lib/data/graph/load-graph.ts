import type { OpenDatabase } from "@/lib/database/open-database";
import { EdgeColumns, type EdgeRow, type GraphRows, type NodeRow } from "@/lib/engine/graph";

// Reads the whole graph in three plain SQL queries (no Prisma models: at a million edges the
// row objects Prisma builds would cost more than the engine's arrays), selecting only the
// columns the propagation rules read.

const NODES_SQL = `
SELECT n.id, n.kind::text AS kind, n.key, n.name,
       pv."hasInstallScript", pv.compromised,
       c."ignoresScripts", c."untrustedCode", c.repo, c."contextKind"::text AS "contextKind",
       r.persistent,
       i.lifetime::text AS lifetime, i."identityKind"::text AS "identityKind",
       CASE WHEN cardinality(i.scopes) > 0 THEN i.scopes END AS scopes, i.provider,
       COALESCE(i.owner, s.owner, c.owner) AS owner,
       s.criticality::text AS criticality, s."storesSecrets", s."defaultTokenPermissions",
       p."trustedPublishing", sec."secretType"
FROM "Node" n
LEFT JOIN "PackageVersion" pv ON pv."nodeId" = n.id
LEFT JOIN "ExecutionContext" c ON c."nodeId" = n.id
LEFT JOIN "Runner" r ON r."nodeId" = n.id
LEFT JOIN "Identity" i ON i."nodeId" = n.id
LEFT JOIN "System" s ON s."nodeId" = n.id
LEFT JOIN "Package" p ON p."nodeId" = n.id
LEFT JOIN "Secret" sec ON sec."nodeId" = n.id
ORDER BY n.id`;

// Edges come in id order, a batch at a time, straight into the engine's columns: the row objects
// of one batch are all that is ever held (a million at once would cost several hundred MB).
const EDGE_BATCH = 50_000;
const EDGES_SQL = `
SELECT id, kind::text AS kind, "fromId" AS "from", "toId" AS "to", exposure::text AS exposure, privilege::text AS privilege,
       CASE WHEN attributes = '{}'::jsonb THEN NULL ELSE attributes END AS attributes
FROM "Edge" WHERE id > $1 ORDER BY id LIMIT $2`;

async function loadEdges(connection: OpenDatabase, batchSize: number): Promise<EdgeColumns> {
  const columns = new EdgeColumns();
  for (let after = 0; ;) {
    const batch = await connection.query<EdgeRow & { id: number }>(EDGES_SQL, [after, batchSize]);
    columns.append(batch);
    if (batch.length < batchSize) return columns;
    after = batch[batch.length - 1].id;
  }
}

export async function readGraphVersion(connection: OpenDatabase): Promise<number> {
  const rows = await connection.query<{ version: number }>(`SELECT version FROM "GraphState" WHERE id = 1`);
  return rows[0]?.version ?? 0;
}

/** The graph as rows for the engine, tagged with the graph version it was read at. */
export async function loadGraph(connection: OpenDatabase, { edgeBatch = EDGE_BATCH } = {}): Promise<GraphRows> {
  // Read the version before and after: a write in between would mix two versions, so read again.
  for (let attempt = 0; ; attempt++) {
    const version = await readGraphVersion(connection);
    const [nodes, edges, advisories] = await Promise.all([
      connection.query<NodeRow>(NODES_SQL),
      loadEdges(connection, edgeBatch),
      connection.query<{ nodeId: number; affected: unknown }>(`SELECT "nodeId", affected FROM "Advisory"`),
    ]);
    if ((await readGraphVersion(connection)) !== version && attempt < 3) continue;
    const affected = new Map(advisories.map((row) => [row.nodeId, row.affected]));
    for (const node of nodes) if (affected.has(node.id)) node.affected = affected.get(node.id);
    return { version, nodes, edges };
  }
}
