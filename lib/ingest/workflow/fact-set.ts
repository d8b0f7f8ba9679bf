import type { TEdgeFact, TEdgeKind, TExposure, TNodeFact } from "@/lib/schemas/graph-facts";

// Nodes and edges of one workflow document, deduplicated the way the database stores them: one
// node per key, one edge per (kind, from, to). When one secret reaches a context several ways
// the edge keeps the strongest exposure and lists every reference (with its line, for SARIF).

const EXPOSURE_RANK: Record<TExposure, number> = { install: 3, job: 2, runner: 1, runtime: 0 };
const MAX_REFERENCES = 50;

export interface ExposureReference {
  via: string;
  line: number | null;
  step: string | null;
  exposure: TExposure;
  /** runner exposures: the job whose secret it is, and the runner it is reached through */
  job?: string;
  runner?: string;
}

export interface FactSet {
  nodes: Map<string, TNodeFact>;
  edges: Map<string, TEdgeFact>;
  /** edges by their from key, so per-job lookups stay linear on huge files */
  edgesBySource: Map<string, TEdgeFact[]>;
}

export const createFactSet = (): FactSet => ({ nodes: new Map(), edges: new Map(), edgesBySource: new Map() });

export function addNode(facts: FactSet, node: TNodeFact): void {
  if (!facts.nodes.has(node.key)) facts.nodes.set(node.key, node);
}

export function addEdge(facts: FactSet, edge: TEdgeFact): TEdgeFact {
  const id = edgeId(edge.kind, edge.from, edge.to);
  const existing = facts.edges.get(id);
  if (existing) return existing;
  facts.edges.set(id, edge);
  const fromSource = facts.edgesBySource.get(edge.from);
  if (fromSource) fromSource.push(edge);
  else facts.edgesBySource.set(edge.from, [edge]);
  return edge;
}

export function addExposure(facts: FactSet, from: string, to: string, reference: ExposureReference, extra: Record<string, unknown> = {}): void {
  const edge = addEdge(facts, { kind: "EXPOSES", from, to, exposure: reference.exposure, attributes: { via: [], references: [] } });
  const attributes = edge.attributes as Record<string, unknown> & { via: string[]; references: ExposureReference[] };
  const current = edge.exposure ?? reference.exposure;
  const stronger = EXPOSURE_RANK[reference.exposure] > EXPOSURE_RANK[current];
  if (stronger || attributes.line === undefined) {
    edge.exposure = reference.exposure;
    attributes.line = reference.line;
    attributes.step = reference.step;
  }
  if (!attributes.via.includes(reference.via)) attributes.via.push(reference.via);
  if (attributes.references.length < MAX_REFERENCES) attributes.references.push(reference);
  Object.assign(attributes, extra);
}

export const edgesFrom = (facts: FactSet, kind: TEdgeKind, from: string): TEdgeFact[] =>
  (facts.edgesBySource.get(from) ?? []).filter((edge) => edge.kind === kind);

const edgeId = (kind: string, from: string, to: string) => `${kind}\u0000${from}\u0000${to}`;
