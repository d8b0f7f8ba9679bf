import { z } from "zod";
import { ZRecordId } from "./record-id";
import { EXPOSURES, NODE_KINDS, ZCriticality, ZEdgeKind, ZExposure, ZNodeKind, ZPrivilege } from "./graph-facts";

// A drawable piece of the graph: what GET /api/graph/neighbourhood returns and what the explorer
// and the blast-radius page hand to lib/graph-view/cytoscape-elements.ts. Never the whole graph:
// every response is capped, and each node says how many neighbours were left undrawn.

export const ZGraphViewNode = z.object({
  id: z.number().int(),
  kind: ZNodeKind,
  key: z.string(),
  name: z.string(),
  /** a package version marked compromised (or a malicious advisory) */
  compromised: z.boolean(),
  /** in the shared "assumed compromised" set */
  assumedCompromised: z.boolean(),
  criticality: ZCriticality.nullable().optional(),
  /** edges of this node (in the current filters) that exist but were not sent: the "+N more" */
  hiddenNeighbours: z.number().int().nonnegative(),
  /** all edges of this node in the current filters, when known; lets a client recount after merging */
  degree: z.number().int().nonnegative().optional(),
});
export type TGraphViewNode = z.infer<typeof ZGraphViewNode>;

export const ZGraphViewEdge = z.object({
  /** a stored edge id; derived edges (blast-radius rules) have none */
  id: z.number().int().nullable(),
  /** an edge kind, or a blast-radius rule name for derived steps */
  kind: z.union([ZEdgeKind, z.string()]),
  from: z.number().int(),
  to: z.number().int(),
  exposure: ZExposure.nullable(),
  privilege: ZPrivilege.nullable(),
});
export type TGraphViewEdge = z.infer<typeof ZGraphViewEdge>;

export const ZGraphView = z.object({
  focusId: z.number().int().nullable(),
  nodes: z.array(ZGraphViewNode),
  edges: z.array(ZGraphViewEdge),
  /** true when the cap cut something off */
  truncated: z.boolean(),
});
export type TGraphView = z.infer<typeof ZGraphView>;

/** A comma-separated list of enum values in a query string ("identity,secret"). */
export const ZCsvOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").filter(Boolean) : []))
    .pipe(z.array(z.enum(values)));

/** GET /api/graph/neighbourhood query. */
export const ZNeighbourhoodQuery = z.object({
  focus: ZRecordId,
  depth: z.coerce.number().int().min(1).max(3).default(1),
  kinds: ZCsvOf(NODE_KINDS),
  exposure: ZCsvOf(EXPOSURES),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
});
export type TNeighbourhoodQuery = z.infer<typeof ZNeighbourhoodQuery>;

/** GET /api/graph/search query. */
export const ZGraphSearchQuery = z.object({
  q: z.string().trim().min(1, "q must not be empty").max(200),
  kinds: ZCsvOf(NODE_KINDS),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TGraphSearchQuery = z.infer<typeof ZGraphSearchQuery>;

export const ZGraphSearchHit = z.object({ id: z.number().int(), kind: ZNodeKind, key: z.string(), name: z.string() });
export type TGraphSearchHit = z.infer<typeof ZGraphSearchHit>;

/** GET /api/graph/search answer. */
export const ZGraphSearchResult = z.object({ hits: z.array(ZGraphSearchHit) });
