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
// version (lib/services/graph/get-engine-graph.ts caches it), so a radius over a million edges is a
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
  contextKind?: "workstation" | "ciJob" | null;
  /** identities: granted scopes and the provider that issued them (replacement advice reads them) */
  scopes?: string[] | null;
  provider?: string | null;
  /** secrets: npm-token, github-pat, aws-access-key, github-token, … */
  secretType?: string | null;
  /** source-control systems: default workflow-token permissions by "*" or "owner/repo" */
  defaultTokenPermissions?: Record<string, string> | null;
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

/**
 * Edges as columns (node ids, kind/exposure/privilege codes): a million edges as row objects
 * cost hundreds of megabytes while loading, so the data layer appends them batch by batch.
 */
export class EdgeColumns {
  count = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  kind = new Uint8Array(1024);
  exposure = new Uint8Array(1024);
  privilege = new Uint8Array(1024);
  /** only for edges that have any */
  readonly attributes = new Map<number, Record<string, unknown>>();

  static of(rows: readonly EdgeRow[]): EdgeColumns {
    const columns = new EdgeColumns();
    columns.append(rows);
    return columns;
  }

  append(rows: readonly EdgeRow[]): void {
    this.reserve(this.count + rows.length);
    for (const row of rows) {
      const e = this.count++;
      this.from[e] = row.from;
      this.to[e] = row.to;
      this.kind[e] = EDGE_KIND_CODE[row.kind];
      this.exposure[e] = row.exposure ? EXPOSURE_RANK[row.exposure] : EXPOSURE_NONE;
      this.privilege[e] = row.privilege ? PRIVILEGE_RANK[row.privilege] : PRIVILEGE_NONE;
      if (row.attributes && Object.keys(row.attributes).length > 0) this.attributes.set(e, row.attributes);
    }
  }

  private reserve(size: number): void {
    if (size <= this.from.length) return;
    const capacity = Math.max(size, this.from.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(capacity);
      bigger.set(array);
      return bigger;
    };
    this.from = grow(this.from, (n) => new Int32Array(n));
    this.to = grow(this.to, (n) => new Int32Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.exposure = grow(this.exposure, (n) => new Uint8Array(n));
    this.privilege = grow(this.privilege, (n) => new Uint8Array(n));
  }
}

/** The port lib/data satisfies: plain node rows and edge columns, nothing else. */
export interface GraphRows {
  version: number;
  nodes: NodeRow[];
  edges: EdgeColumns;
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
  workstation: 256,
} as const;

/** Edge flags precomputed from attributes, so the walk never parses JSON. */
export const EDGE_FLAG = {
  ignoreScripts: 1,
  /** USED_IN: every use of the action in that job is pinned to a full commit SHA */
  pinned: 2,
  /** INSTALLED_IN: resolved afresh at every run (npx, dlx, no lockfile), not from a lockfile */
  fresh: 4,
  /** INSTALLED_IN: the package's own code runs in that step (npx, dlx), install script or not */
  runs: 8,
  /** the edge rests on an assumption (a workflow token assumed write: no permissions block, default unknown) */
  assumed: 16,
  /** INSTALLED_IN: the declared range or spec is one exact version, so no other version is admitted */
  exactPin: 32,
  /** TRIGGERS derived from an assumed-write token whose stated default is read: not a step */
  readOnlyDefault: 64,
  /** INSTALLED_IN of a package by `npx <bin>`: npx runs the project's own copy when its lockfile installs one */
  mayResolveLocally: 128,
} as const;

export class EngineGraph {
  readonly version: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly ids: Int32Array;
  readonly keys: string[];
  readonly names: string[];
  readonly kind: Uint8Array;
  readonly flags: Uint16Array;
  readonly criticality: Uint8Array;
  readonly owner: (string | null)[];
  readonly repo: (string | null)[];
  readonly identityKind: (string | null)[];
  readonly affected: Map<number, unknown>;
  /** identities' scopes and provider; systems' default token permissions (sparse) */
  readonly scopes: Map<number, string[]>;
  readonly provider: Map<number, string>;
  readonly secretType: Map<number, string>;

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

  /**
   * Node index by database id. Ids are serial, so at 100k identities a Map of 334k entries (14 MB)
   * is mostly overhead: an array by id (-1 = none) costs 4 bytes an id, used while the ids are
   * dense enough; sparse ids (many deleted nodes) keep the Map.
   */
  private readonly indexById: Int32Array | Map<number, number>;
  private readonly indexByKey: Map<string, number>;

  constructor(rows: GraphRows) {
    const n = rows.nodes.length;
    this.version = rows.version;
    this.nodeCount = n;
    this.ids = new Int32Array(n);
    this.keys = new Array<string>(n);
    this.names = new Array<string>(n);
    this.kind = new Uint8Array(n);
    this.flags = new Uint16Array(n);
    this.criticality = new Uint8Array(n);
    this.owner = new Array<string | null>(n).fill(null);
    this.repo = new Array<string | null>(n).fill(null);
    this.identityKind = new Array<string | null>(n).fill(null);
    this.affected = new Map();
    this.scopes = new Map();
    this.provider = new Map();
    this.secretType = new Map();
    this.indexById = indexByIdFor(rows.nodes);
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
      if (row.contextKind === "workstation") flags |= FLAG.workstation;
      this.flags[i] = flags;
      this.criticality[i] = row.criticality ? CRITICALITY_RANK[row.criticality] : CRITICALITY_NONE;
      if (row.owner) this.owner[i] = row.owner;
      if (row.repo) this.repo[i] = row.repo;
      if (row.identityKind) this.identityKind[i] = row.identityKind;
      if (row.affected !== undefined && row.affected !== null) this.affected.set(i, row.affected);
      if (row.scopes?.length) this.scopes.set(i, row.scopes);
      if (row.provider) this.provider.set(i, row.provider);
      if (row.secretType) this.secretType.set(i, row.secretType);
      this.indexByKey.set(row.key, i);
    });

    // edges whose endpoints are not loaded (none in a consistent read) are left out
    const columns = rows.edges;
    const fromIndex = new Int32Array(columns.count);
    const toIndex = new Int32Array(columns.count);
    let m = 0;
    for (let i = 0; i < columns.count; i++) {
      const from = this.indexOfId(columns.from[i]);
      const to = this.indexOfId(columns.to[i]);
      fromIndex[i] = from ?? -1;
      toIndex[i] = to ?? -1;
      if (from !== undefined && to !== undefined) m++;
    }
    this.edgeCount = m;
    this.edgeFrom = new Int32Array(m);
    this.edgeTo = new Int32Array(m);
    this.edgeKind = new Uint8Array(m);
    this.edgeExposure = new Uint8Array(m);
    this.edgePrivilege = new Uint8Array(m);
    this.edgeFlags = new Uint8Array(m);
    this.edgeAttributes = new Map();
    for (let i = 0, e = 0; i < columns.count; i++) {
      if (fromIndex[i] < 0 || toIndex[i] < 0) continue;
      this.edgeFrom[e] = fromIndex[i];
      this.edgeTo[e] = toIndex[i];
      this.edgeKind[e] = columns.kind[i];
      this.edgeExposure[e] = columns.exposure[i];
      this.edgePrivilege[e] = columns.privilege[i];
      const attributes = columns.attributes.get(i);
      if (attributes) {
        this.edgeAttributes.set(e, attributes);
        this.edgeFlags[e] = edgeFlagsOf(attributes);
      }
      e++;
    }
    resolveTokenDefaults(this, rows.nodes);
    [this.outOffsets, this.outEdges] = buildCsr(n, this.edgeFrom);
    [this.inOffsets, this.inEdges] = buildCsr(n, this.edgeTo);
  }

  indexOfId(id: number): number | undefined {
    const index = this.indexById;
    if (!(index instanceof Int32Array)) return index.get(id);
    const v = Number.isInteger(id) && id >= 0 && id < index.length ? index[id] : -1;
    return v >= 0 ? v : undefined;
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

/** Ids at most this many times the node count are kept in an array by id (see indexById). */
const DENSE_IDS = 4;

function indexByIdFor(nodes: readonly NodeRow[]): Int32Array | Map<number, number> {
  let maxId = -1;
  let integral = true;
  for (const row of nodes) {
    if (!Number.isInteger(row.id) || row.id < 0) integral = false;
    else if (row.id > maxId) maxId = row.id;
  }
  if (integral && maxId < DENSE_IDS * nodes.length + 1024) {
    const index = new Int32Array(maxId + 1).fill(-1);
    nodes.forEach((row, i) => (index[row.id] = i));
    return index;
  }
  return new Map(nodes.map((row, i) => [row.id, i]));
}

const EXACT_VERSION = /^=?v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** An npm range or spec that admits exactly one version ("1.2.3", "=1.2.3"): a republished version never matches it. */
export function isExactSpec(spec: unknown): boolean {
  return typeof spec === "string" && EXACT_VERSION.test(spec.trim());
}

function edgeFlagsOf(attributes: Record<string, unknown>): number {
  let flags = 0;
  if (attributes.ignoreScripts === true) flags |= EDGE_FLAG.ignoreScripts;
  if (attributes.pinned === true) flags |= EDGE_FLAG.pinned;
  if (attributes.resolve === "fresh") flags |= EDGE_FLAG.fresh;
  if (attributes.runs === true) flags |= EDGE_FLAG.runs;
  if (attributes.assumed === true) flags |= EDGE_FLAG.assumed;
  if (attributes.mayResolveLocally === true) flags |= EDGE_FLAG.mayResolveLocally;
  if (isExactSpec(attributes.range) || isExactSpec(attributes.spec)) flags |= EDGE_FLAG.exactPin;
  return flags;
}

/** owner/repo of a workflow-token identity (identity:github-token:<owner>/<repo>/<file>/<job>). */
export function tokenRepository(identityKey: string): string | null {
  const match = /^identity:github-token:([^/]+\/[^/]+)\//.exec(identityKey);
  return match ? match[1] : null;
}

/**
 * A workflow without a `permissions:` block gets the repository's default token, which a workflow
 * file does not show: the parser assumes write (a blast radius must not miss a write token) and
 * marks the edge. Where the inventory states the default for the organisation or repository, the
 * assumption is replaced by the fact: read drops the write-only steps, write keeps them unassumed.
 */
function resolveTokenDefaults(graph: EngineGraph, nodes: readonly NodeRow[]): void {
  const defaults = new Map<number, Record<string, string>>();
  nodes.forEach((row, i) => {
    if (row.defaultTokenPermissions && typeof row.defaultTokenPermissions === "object") defaults.set(i, row.defaultTokenPermissions);
  });
  if (defaults.size === 0) return;
  const byOwner = new Map<string, Record<string, string>>();
  for (const [system, table] of defaults) {
    const owner = /^system:github:([^/]+)$/.exec(graph.keys[system])?.[1];
    if (owner) byOwner.set(owner.toLowerCase(), table);
  }
  const CAN_ACCESS = EDGE_KIND_CODE.CAN_ACCESS;
  const TRIGGERS = EDGE_KIND_CODE.TRIGGERS;
  for (let e = 0; e < graph.edgeCount; e++) {
    if ((graph.edgeFlags[e] & EDGE_FLAG.assumed) === 0) continue;
    const kind = graph.edgeKind[e];
    if (kind !== CAN_ACCESS && kind !== TRIGGERS) continue;
    const attributes = graph.attributesOf(e) ?? {};
    const repo = typeof attributes.repo === "string" ? attributes.repo : tokenRepository(graph.keys[graph.edgeFrom[e]]);
    if (!repo) continue;
    const table = byOwner.get(repo.split("/")[0].toLowerCase());
    const stated = table?.[repo] ?? table?.[repo.toLowerCase()] ?? table?.["*"];
    if (stated !== "read" && stated !== "write") continue;
    graph.edgeFlags[e] &= ~EDGE_FLAG.assumed;
    if (stated === "read") {
      if (kind === CAN_ACCESS) graph.edgePrivilege[e] = PRIVILEGE_RANK.read;
      else graph.edgeFlags[e] |= EDGE_FLAG.readOnlyDefault;
    }
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
