import type { Database } from "@/lib/db";
import { migrationStatus } from "@/lib/database/migration-status";
import { EDGE_KINDS, NODE_KINDS } from "@/lib/schemas/graph-facts";
import type { TGraphStats } from "@/lib/schemas/stats";

/** Counts per node kind and edge kind, which database, and which schema and graph version. */
export async function getGraphStats({ prisma, connection }: Database): Promise<TGraphStats> {
  const [nodeGroups, edgeGroups, state, migrations] = await Promise.all([
    prisma.node.groupBy({ by: ["kind"], _count: { _all: true } }),
    prisma.edge.groupBy({ by: ["kind"], _count: { _all: true } }),
    prisma.graphState.findUnique({ where: { id: 1 } }),
    migrationStatus(connection),
  ]);
  const nodes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, 0])) as TGraphStats["nodes"];
  for (const group of nodeGroups) nodes[group.kind] = group._count._all;
  const edges = Object.fromEntries(EDGE_KINDS.map((kind) => [kind, 0])) as TGraphStats["edges"];
  for (const group of edgeGroups) edges[group.kind] = group._count._all;
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    database: { kind: connection.config.kind, description: connection.description },
    schemaVersion: migrations.applied.at(-1) ?? null,
    graphVersion: state?.version ?? 0,
    nodes,
    edges,
    totals: { nodes: sum(nodes), edges: sum(edges) },
  };
}
