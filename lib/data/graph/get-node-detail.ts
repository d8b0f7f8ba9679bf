import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TEdgeKind } from "@/lib/schemas/graph-facts";
import type { TNeighbourGroup, TNodeAttribute, TNodeDetail } from "@/lib/schemas/node-detail";

// Reads one entity for its detail page. Neighbours are grouped by edge kind and direction and
// capped per group (a package can have thousands of versions), with each group's full count.

export const NEIGHBOURS_PER_GROUP = 25;

const DETAIL_INCLUDE = {
  publisher: true,
  package: true,
  packageVersion: true,
  identity: true,
  secret: true,
  context: true,
  runner: true,
  system: true,
  action: true,
  advisory: true,
  assumedCompromise: true,
} satisfies Prisma.NodeInclude;

const NEIGHBOUR_SELECT = { id: true, kind: true, key: true, name: true } as const;

/** null when no node has that id. */
export async function getNodeDetail(db: Db, id: number): Promise<TNodeDetail | null> {
  const node = await db.node.findUnique({ where: { id }, include: DETAIL_INCLUDE });
  if (!node) return null;
  // the detail relation of each kind is named after the kind
  const detail = node[node.kind] as Record<string, unknown> | null;
  // imports are plain ids (no foreign key to write through)
  const importIds = [node.firstImportId, node.lastImportId].filter((importId): importId is number => importId !== null);
  const [outgoingCounts, incomingCounts, imports, documents] = await Promise.all([
    db.edge.groupBy({ by: ["kind"], where: { fromId: id }, _count: { _all: true } }),
    db.edge.groupBy({ by: ["kind"], where: { toId: id }, _count: { _all: true } }),
    db.import.findMany({ where: { id: { in: importIds } }, select: { id: true, startedAt: true, actor: true } }),
    // the documents naming the node (its origins), found through their GIN index
    db.sourceDocument.findMany({
      where: { nodeIds: { has: id } },
      select: { id: true, key: true, format: true, importedAt: true },
      orderBy: { id: "asc" },
      take: 100,
    }),
  ]);
  const groups = await Promise.all([
    ...outgoingCounts.map(async (group): Promise<TNeighbourGroup> => {
      const edges = await db.edge.findMany({
        where: { fromId: id, kind: group.kind },
        select: { id: true, exposure: true, privilege: true, to: { select: NEIGHBOUR_SELECT } },
        orderBy: [{ to: { name: "asc" } }, { id: "asc" }],
        take: NEIGHBOURS_PER_GROUP,
      });
      return {
        edgeKind: group.kind as TEdgeKind,
        direction: "outgoing",
        total: group._count._all,
        neighbours: edges.map((edge) => ({ edgeId: edge.id, exposure: edge.exposure, privilege: edge.privilege, ...edge.to })),
      };
    }),
    ...incomingCounts.map(async (group): Promise<TNeighbourGroup> => {
      const edges = await db.edge.findMany({
        where: { toId: id, kind: group.kind },
        select: { id: true, exposure: true, privilege: true, from: { select: NEIGHBOUR_SELECT } },
        orderBy: [{ from: { name: "asc" } }, { id: "asc" }],
        take: NEIGHBOURS_PER_GROUP,
      });
      return {
        edgeKind: group.kind as TEdgeKind,
        direction: "incoming",
        total: group._count._all,
        neighbours: edges.map((edge) => ({ edgeId: edge.id, exposure: edge.exposure, privilege: edge.privilege, ...edge.from })),
      };
    }),
  ]);
  groups.sort((a, b) => (a.direction === b.direction ? a.edgeKind.localeCompare(b.edgeKind) : a.direction === "outgoing" ? -1 : 1));
  const importRef = (importId: number | null) => {
    const run = imports.find((candidate) => candidate.id === importId);
    return run ? { id: run.id, startedAt: run.startedAt.toISOString(), actor: run.actor } : null;
  };
  return {
    id: node.id,
    kind: node.kind,
    key: node.key,
    name: node.name,
    createdAt: node.createdAt.toISOString(),
    updatedAt: node.updatedAt.toISOString(),
    compromised: Boolean(node.packageVersion?.compromised || node.advisory?.malicious),
    assumedCompromise: node.assumedCompromise
      ? { markedBy: node.assumedCompromise.markedBy, markedAt: node.assumedCompromise.markedAt.toISOString(), note: node.assumedCompromise.note }
      : null,
    attributes: detail ? toAttributes(detail) : [],
    provenance: {
      firstImport: importRef(node.firstImportId),
      lastImport: importRef(node.lastImportId),
      documents: documents.map((document) => ({ key: document.key, format: document.format, importedAt: document.importedAt.toISOString() })),
    },
    neighbourGroups: groups,
  };
}

function toAttributes(detail: Record<string, unknown>): TNodeAttribute[] {
  return Object.entries(detail)
    .filter(([name]) => name !== "nodeId" && name !== "packageNodeId")
    .map(([name, value]): TNodeAttribute => {
      if (value === null || value === undefined) return { name, value: null, json: false };
      if (value instanceof Date) return { name, value: value.toISOString(), json: false };
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { name, value, json: false };
      if (Array.isArray(value) && value.every((item) => typeof item === "string")) return { name, value, json: false };
      return { name, value: JSON.stringify(value, null, 2), json: true };
    });
}
