import type { TRadiusResult } from "@/lib/schemas/radius";

/**
 * Pages of one radius (GET /api/blast-radius?limit=…) as one answer: the first page's summary and
 * rotation plan, the nodes and parent edges of every page in order. Pages are disjoint and each
 * node comes after its parent, so the merged nodes are still most important first.
 */
export function mergeRadiusPages(pages: readonly TRadiusResult[]): TRadiusResult {
  const [first] = pages;
  if (pages.length === 1) return first;
  const last = pages[pages.length - 1];
  return {
    ...first,
    nodes: pages.flatMap((page) => page.nodes),
    edges: pages.flatMap((page) => page.edges),
    page:
      first.page && last.page
        ? { ...last.page, offset: 0, returned: pages.reduce((sum, page) => sum + (page.page?.returned ?? page.nodes.length), 0) }
        : undefined,
  };
}
