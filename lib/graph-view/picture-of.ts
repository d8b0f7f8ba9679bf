import type { TRadiusResult } from "@/lib/schemas/radius";

/**
 * Nodes the blast-radius picture draws at most: with their edges and the band headings about
 * 2,000 elements, where the canvas renderer still keeps up (past that it stutters, and layout and
 * drawing of 160k elements took 27 s). The table lists every node loaded.
 */
export const PICTURE_NODE_LIMIT = 800;

/**
 * The part of a radius the picture draws: the first nodes, which are the most important (the
 * server sends them in that order), and since every node comes after its parent, every drawn
 * node's path is drawn too.
 */
export function pictureOf<T extends Pick<TRadiusResult, "nodes" | "edges" | "source">>(result: T, limit = PICTURE_NODE_LIMIT): T {
  if (result.nodes.length <= limit) return result;
  const nodes = result.nodes.slice(0, limit);
  const drawn = new Set(nodes.map((node) => node.id));
  return { ...result, nodes, edges: result.edges.filter((edge) => drawn.has(edge.from) && drawn.has(edge.to)) };
}
