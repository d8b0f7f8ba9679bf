import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TGraphView, TGraphViewEdge, TGraphViewNode, TNeighbourhoodQuery } from "@/lib/schemas/graph-view";

// A capped neighbourhood for the explorer: breadth-first from the focus over both edge directions
// (the Edge (fromId, kind) and (toId, kind) indexes), up to `depth` hops and `limit` nodes. Every
// drawn node carries its degree in the filters and how many of its edges were left undrawn, which
// the explorer shows as "+N" and fetches on expand. Never the whole graph.

const EDGE_SELECT = { id: true, kind: true, fromId: true, toId: true, exposure: true, privilege: true } as const;
type EdgeRow = { id: number; kind: string; fromId: number; toId: number; exposure: TGraphViewEdge["exposure"]; privilege: TGraphViewEdge["privilege"] };

/** null when the focus node does not exist. */
export async function getNeighbourhood(db: Db, query: TNeighbourhoodQuery): Promise<TGraphView | null> {
  const focus = await db.node.findUnique({ where: { id: query.focus }, select: { id: true } });
  if (!focus) return null;

  // Edges with an exposure level outside the filter are hidden; edges without one always count.
  const edgeFilter: Prisma.EdgeWhereInput = query.exposure.length ? { OR: [{ exposure: null }, { exposure: { in: query.exposure } }] } : {};
  const kindFilter = query.kinds.length ? { kind: { in: query.kinds } } : undefined;

  const drawn = new Set<number>([focus.id]);
  const edges = new Map<number, EdgeRow>();
  let truncated = false;
  let frontier = [focus.id];
  for (let hop = 0; hop < query.depth && frontier.length > 0; hop++) {
    const found = await db.edge.findMany({
      where: {
        AND: [
          edgeFilter,
          {
            OR: [
              { fromId: { in: frontier }, ...(kindFilter ? { to: kindFilter } : {}) },
              { toId: { in: frontier }, ...(kindFilter ? { from: kindFilter } : {}) },
            ],
          },
        ],
      },
      select: EDGE_SELECT,
      orderBy: { id: "asc" },
      // enough to fill the cap however the edges fall; the rest is reported as "+N"
      take: query.limit * 4 + frontier.length,
    });
    const next: number[] = [];
    const inFrontierSet = new Set(frontier);
    for (const edge of found) {
      const inFrontier = inFrontierSet.has(edge.fromId) ? edge.fromId : edge.toId;
      const other = inFrontier === edge.fromId ? edge.toId : edge.fromId;
      if (!drawn.has(other)) {
        if (drawn.size >= query.limit) {
          truncated = true;
          continue;
        }
        drawn.add(other);
        next.push(other);
      }
      edges.set(edge.id, edge);
    }
    if (found.length === query.limit * 4 + frontier.length) truncated = true;
    frontier = next;
  }

  const ids = [...drawn];
  // edges between drawn nodes that the walk did not take (two neighbours of the focus, say)
  const among = await db.edge.findMany({ where: { AND: [edgeFilter, { fromId: { in: ids } }, { toId: { in: ids } }] }, select: EDGE_SELECT });
  for (const edge of among) edges.set(edge.id, edge);

  const [nodes, outDegrees, inDegrees] = await Promise.all([
    db.node.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        kind: true,
        key: true,
        name: true,
        packageVersion: { select: { compromised: true } },
        advisory: { select: { malicious: true } },
        system: { select: { criticality: true } },
        assumedCompromise: { select: { nodeId: true } },
      },
    }),
    db.edge.groupBy({ by: ["fromId"], where: { AND: [edgeFilter, { fromId: { in: ids } }, kindFilter ? { to: kindFilter } : {}] }, _count: { _all: true } }),
    db.edge.groupBy({ by: ["toId"], where: { AND: [edgeFilter, { toId: { in: ids } }, kindFilter ? { from: kindFilter } : {}] }, _count: { _all: true } }),
  ]);
  const degree = new Map<number, number>();
  for (const group of outDegrees) degree.set(group.fromId, (degree.get(group.fromId) ?? 0) + group._count._all);
  for (const group of inDegrees) degree.set(group.toId, (degree.get(group.toId) ?? 0) + group._count._all);
  const drawnDegree = new Map<number, number>();
  for (const edge of edges.values()) {
    drawnDegree.set(edge.fromId, (drawnDegree.get(edge.fromId) ?? 0) + 1);
    if (edge.toId !== edge.fromId) drawnDegree.set(edge.toId, (drawnDegree.get(edge.toId) ?? 0) + 1);
  }

  const viewNodes: TGraphViewNode[] = nodes.map((node) => {
    const total = degree.get(node.id) ?? 0;
    return {
      id: node.id,
      kind: node.kind,
      key: node.key,
      name: node.name,
      compromised: Boolean(node.packageVersion?.compromised || node.advisory?.malicious),
      assumedCompromised: node.assumedCompromise !== null,
      criticality: node.system?.criticality ?? null,
      degree: total,
      hiddenNeighbours: Math.max(0, total - (drawnDegree.get(node.id) ?? 0)),
    };
  });
  const viewEdges: TGraphViewEdge[] = [...edges.values()].map((edge) => ({
    id: edge.id,
    kind: edge.kind,
    from: edge.fromId,
    to: edge.toId,
    exposure: edge.exposure,
    privilege: edge.privilege,
  }));
  return { focusId: focus.id, nodes: viewNodes, edges: viewEdges, truncated };
}
