import {
  CRITICALITIES,
  EDGE_KINDS,
  EXPOSURES,
  NODE_KINDS,
  type TCriticality,
  type TEdgeKind,
  type TExposure,
  type TNodeKind,
  type TPrivilege,
} from "@/lib/schemas/graph-facts";

// The in-memory graph every engine computation walks: compact CSR arrays built once per graph
// version (lib/data/graph/get-engine-graph.ts caches it), so a radius over a million edges is a
// walk over typed arrays rather than over objects. Pure: rows come in through the GraphRows port.

/** One node as the database layer hands it over (the detail columns the rules read). */
export interface NodeRow {
  id: number;
  kind: TNodeKind;
  key: string;
  name: string;
  hasInstallScript?: boolean | null;
  compromised?: boolean | null;
  ignoresScripts?: boolean | null;
  untrustedCode?: boolean | null;
  repo?: string | null;
  persistent?: boolean | null;
  lifetime?: "longLived" | "shortLived" | null;
  identityKind?: string | null;
  owner?: string | null;
  criticality?: TCriticality | null;
  storesSecrets?: boolean | null;
  trustedPublishing?: boolean | null;
  /** advisories: the OSV `affected` array */
  affected?: unknown;
}

export interface EdgeRow {
  kind: TEdgeKind;
  from: number;
  to: number;
  exposure?: TExposure | null;
  privilege?: TPrivilege | null;
  /** null or {} when the edge has none */
  attributes?: Record<string, unknown> | null;
}

/** The port lib/data satisfies: plain rows, nothing else. */
export interface GraphRows {
  version: number;
  nodes: NodeRow[];
  edges: EdgeRow[];
}

export const NODE_KIND_CODE = Object.fromEntries(NODE_KINDS.map((kind, i) => [kind, i])) as Record<TNodeKind, number>;
export const EDGE_KIND_CODE = Object.fromEntries(EDGE_KINDS.map((kind, i) => [kind, i])) as Record<TEdgeKind, number>;

/** Exposure ranks, strongest first; 0 = no exposure-bearing edge on the way (see docs/MODEL.md). */
export const EXPOSURE_NONE = 0;
export const EXPOSURE_RANK: Record<TExposure, number> = { install: 1, job: 2, runner: 3, runtime: 4 };
export const EXPOSURE_BY_RANK: (TExposure | null)[] = [null, ...EXPOSURES];

export const PRIVILEGE_NONE = 0;
export const PRIVILEGE_RANK: Record<TPrivilege, number> = { read: 1, write: 2, admin: 3 };
export const PRIVILEGE_BY_RANK: (TPrivilege | null)[] = [null, "read", "write", "admin"];

export const CRITICALITY_NONE = 0;
export const CRITICALITY_RANK: Record<TCriticality, number> = { low: 1, medium: 2, high: 3, critical: 4 };
export const CRITICALITY_BY_RANK: (TCriticality | null)[] = [null, ...CRITICALITIES];

export const FLAG = {
  hasInstallScript: 1,
  ignoresScripts: 2,
  untrustedCode: 4,
  persistentRunner: 8,
  longLived: 16,
  storesSecrets: 32,
  compromised: 64,
  trustedPublishing: 128,
} as const;

/** Edge flags precomputed from attributes, so the walk never parses JSON. */
export const EDGE_FLAG = { ignoreScripts: 1 } as const;

export class EngineGraph {
  readonly version: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly ids: Int32Array;
  readonly keys: string[];
  readonly names: string[];
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  readonly criticality: Uint8Array;
  readonly owner: (string | null)[];
  readonly repo: (string | null)[];
  readonly identityKind: (string | null)[];
  readonly affected: Map<number, unknown>;

  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeKind: Uint8Array;
  readonly edgeExposure: Uint8Array;
  readonly edgePrivilege: Uint8Array;
  readonly edgeFlags: Uint8Array;
  private readonly edgeAttributes: Map<number, Record<string, unknown>>;

  /** out-edges of node v: edge indices outEdges[outOffsets[v] .. outOffsets[v+1]) */
  readonly outOffsets: Int32Array;
  readonly outEdges: Int32Array;
  readonly inOffsets: Int32Array;
  readonly inEdges: Int32Array;

  private readonly indexById: Map<number, number>;
  private readonly indexByKey: Map<string, number>;

  constructor(rows: GraphRows) {
    const n = rows.nodes.length;
    this.version = rows.version;
    this.nodeCount = n;
    this.ids = new Int32Array(n);
    this.keys = new Array<string>(n);
    this.names = new Array<string>(n);
    this.kind = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.criticality = new Uint8Array(n);
    this.owner = new Array<string | null>(n).fill(null);
    this.repo = new Array<string | null>(n).fill(null);
    this.identityKind = new Array<string | null>(n).fill(null);
    this.affected = new Map();
    this.indexById = new Map();
    this.indexByKey = new Map();
    rows.nodes.forEach((row, i) => {
      this.ids[i] = row.id;
      this.keys[i] = row.key;
      this.names[i] = row.name;
      this.kind[i] = NODE_KIND_CODE[row.kind];
      let flags = 0;
      if (row.hasInstallScript) flags |= FLAG.hasInstallScript;
      if (row.ignoresScripts) flags |= FLAG.ignoresScripts;
      if (row.untrustedCode) flags |= FLAG.untrustedCode;
      if (row.persistent) flags |= FLAG.persistentRunner;
      if (row.lifetime === "longLived") flags |= FLAG.longLived;
      if (row.storesSecrets) flags |= FLAG.storesSecrets;
      if (row.compromised) flags |= FLAG.compromised;
      if (row.trustedPublishing) flags |= FLAG.trustedPublishing;
      this.flags[i] = flags;
      this.criticality[i] = row.criticality ? CRITICALITY_RANK[row.criticality] : CRITICALITY_NONE;
      if (row.owner) this.owner[i] = row.owner;
      if (row.repo) this.repo[i] = row.repo;
      if (row.identityKind) this.identityKind[i] = row.identityKind;
      if (row.affected !== undefined && row.affected !== null) this.affected.set(i, row.affected);
      this.indexById.set(row.id, i);
      this.indexByKey.set(row.key, i);
    });

    const edges = rows.edges.filter((edge) => this.indexById.has(edge.from) && this.indexById.has(edge.to));
    const m = edges.length;
    this.edgeCount = m;
    this.edgeFrom = new Int32Array(m);
    this.edgeTo = new Int32Array(m);
    this.edgeKind = new Uint8Array(m);
    this.edgeExposure = new Uint8Array(m);
    this.edgePrivilege = new Uint8Array(m);
    this.edgeFlags = new Uint8Array(m);
    this.edgeAttributes = new Map();
    edges.forEach((edge, e) => {
      this.edgeFrom[e] = this.indexById.get(edge.from)!;
      this.edgeTo[e] = this.indexById.get(edge.to)!;
      this.edgeKind[e] = EDGE_KIND_CODE[edge.kind];
      this.edgeExposure[e] = edge.exposure ? EXPOSURE_RANK[edge.exposure] : EXPOSURE_NONE;
      this.edgePrivilege[e] = edge.privilege ? PRIVILEGE_RANK[edge.privilege] : PRIVILEGE_NONE;
      const attributes = edge.attributes;
      if (attributes && Object.keys(attributes).length > 0) {
        this.edgeAttributes.set(e, attributes);
        if (attributes.ignoreScripts === true) this.edgeFlags[e] |= EDGE_FLAG.ignoreScripts;
      }
    });
    [this.outOffsets, this.outEdges] = buildCsr(n, this.edgeFrom);
    [this.inOffsets, this.inEdges] = buildCsr(n, this.edgeTo);
  }

  indexOfId(id: number): number | undefined {
    return this.indexById.get(id);
  }

  indexOfKey(key: string): number | undefined {
    return this.indexByKey.get(key);
  }

  kindOf(v: number): TNodeKind {
    return NODE_KINDS[this.kind[v]];
  }

  edgeKindOf(e: number): TEdgeKind {
    return EDGE_KINDS[this.edgeKind[e]];
  }

  attributesOf(e: number): Record<string, unknown> | undefined {
    return this.edgeAttributes.get(e);
  }

  has(v: number, flag: number): boolean {
    return (this.flags[v] & flag) !== 0;
  }

  /** Calls visit(edgeIndex, otherEnd) for v's out-edges of one kind. */
  forEachOut(v: number, kind: TEdgeKind, visit: (e: number, to: number) => void): void {
    const code = EDGE_KIND_CODE[kind];
    for (let i = this.outOffsets[v]; i < this.outOffsets[v + 1]; i++) {
      const e = this.outEdges[i];
      if (this.edgeKind[e] === code) visit(e, this.edgeTo[e]);
    }
  }

  forEachIn(v: number, kind: TEdgeKind, visit: (e: number, from: number) => void): void {
    const code = EDGE_KIND_CODE[kind];
    for (let i = this.inOffsets[v]; i < this.inOffsets[v + 1]; i++) {
      const e = this.inEdges[i];
      if (this.edgeKind[e] === code) visit(e, this.edgeFrom[e]);
    }
  }

  /** Indices of every node of a kind (linear scan; for candidate enumeration, not per request). */
  nodesOfKind(kind: TNodeKind): number[] {
    const code = NODE_KIND_CODE[kind];
    const out: number[] = [];
    for (let v = 0; v < this.nodeCount; v++) if (this.kind[v] === code) out.push(v);
    return out;
  }

  describe(v: number): { id: number; key: string; kind: TNodeKind; name: string } {
    return { id: this.ids[v], key: this.keys[v], kind: this.kindOf(v), name: this.names[v] };
  }
}

function buildCsr(n: number, endpoint: Int32Array): [Int32Array, Int32Array] {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < endpoint.length; e++) offsets[endpoint[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, n);
  const edges = new Int32Array(endpoint.length);
  for (let e = 0; e < endpoint.length; e++) edges[cursor[endpoint[e]]++] = e;
  return [offsets, edges];
}

export function buildEngineGraph(rows: GraphRows): EngineGraph {
  return new EngineGraph(rows);
}
