import type { TEdgeKind, TExposure, TNodeKind, TPrivilege } from "@/lib/schemas/graph-facts";

// The plain rows the posture rules read: every node with the detail attributes the rules need,
// and every edge. lib/data/findings/load-posture-snapshot.ts fills it from the database; tests
// build small ones by hand. Dates are Date objects; absent facts are null (unknown), never guessed.

export interface PublisherDetail {
  ecosystem: string;
  handle: string;
  twoFactorEnforced: boolean | null;
  isHuman: boolean;
  lastOwnershipChangeAt: Date | null;
  lastAccountRecoveryAt: Date | null;
}
export interface PackageDetail {
  ecosystem: string;
  trustedPublishing: boolean;
}
export interface PackageVersionDetail {
  version: string;
  compromised: boolean;
  hasInstallScript: boolean;
  advisoryIds: string[];
}
export interface IdentityDetail {
  identityKind: string;
  owner: string | null;
  humanAccount: boolean;
  lastUsedAt: Date | null;
  issuedAt: Date | null;
  lifetime: "longLived" | "shortLived";
  scopes: string[];
  provider: string | null;
}
export interface SecretDetail {
  secretName: string;
  secretType: string;
  storedIn: string;
  location: string | null;
  fingerprint: string | null;
  createdAt: Date | null;
  lastRotatedAt: Date | null;
}
/** One install step of a job (ZInstallStep); the optional fields are absent on data stored before them. */
export interface InstallStepDetail {
  line: number | null;
  command: string;
  ignoreScripts: boolean;
  /** the step's name, id, `uses` or #n */
  step?: string | null;
  /** secrets in the step's environment */
  secrets?: string[];
  installs?: "lockfile" | "fresh";
}
export interface ContextDetail {
  contextKind: "workstation" | "ciJob";
  repo: string | null;
  workflow: string | null;
  job: string | null;
  file: string | null;
  line: number | null;
  canMintOidc: boolean;
  ignoresScripts: boolean;
  installSteps: InstallStepDetail[];
  owner: string | null;
}
export interface RunnerDetail {
  hosting: string;
  persistent: boolean;
  shared: boolean;
}
export interface SystemDetail {
  systemKind: string;
  criticality: string;
}
export interface ActionDetail {
  slug: string;
  owner: string;
}
export interface AdvisoryDetail {
  advisoryId: string;
  malicious: boolean;
}

export interface PostureNode {
  id: number;
  key: string;
  kind: TNodeKind;
  name: string;
  publisher?: PublisherDetail;
  package?: PackageDetail;
  packageVersion?: PackageVersionDetail;
  identity?: IdentityDetail;
  secret?: SecretDetail;
  context?: ContextDetail;
  runner?: RunnerDetail;
  system?: SystemDetail;
  action?: ActionDetail;
  advisory?: AdvisoryDetail;
}

export interface PostureEdge {
  kind: TEdgeKind;
  fromId: number;
  toId: number;
  exposure: TExposure | null;
  privilege: TPrivilege | null;
  attributes: Record<string, unknown>;
}

export interface PostureSnapshot {
  graphVersion: number;
  nodes: PostureNode[];
  edges: PostureEdge[];
}

/** Adjacency over a snapshot, built once per evaluation so every rule looks edges up in O(degree). */
export interface PostureIndex {
  node(id: number): PostureNode;
  nodesOf(kind: TNodeKind): PostureNode[];
  out(id: number, kind: TEdgeKind): PostureEdge[];
  in(id: number, kind: TEdgeKind): PostureEdge[];
}

export function indexPosture(snapshot: PostureSnapshot): PostureIndex {
  const byId = new Map<number, PostureNode>();
  const byKind = new Map<TNodeKind, PostureNode[]>();
  for (const node of snapshot.nodes) {
    byId.set(node.id, node);
    const list = byKind.get(node.kind);
    if (list) list.push(node);
    else byKind.set(node.kind, [node]);
  }
  // per edge kind, node id -> edges: numeric keys, no string building on the hot path
  const outgoing = new Map<TEdgeKind, Map<number, PostureEdge[]>>();
  const incoming = new Map<TEdgeKind, Map<number, PostureEdge[]>>();
  const push = (map: Map<TEdgeKind, Map<number, PostureEdge[]>>, kind: TEdgeKind, id: number, edge: PostureEdge) => {
    let byNode = map.get(kind);
    if (!byNode) map.set(kind, (byNode = new Map()));
    const list = byNode.get(id);
    if (list) list.push(edge);
    else byNode.set(id, [edge]);
  };
  for (const edge of snapshot.edges) {
    if (!byId.has(edge.fromId) || !byId.has(edge.toId)) continue;
    push(outgoing, edge.kind, edge.fromId, edge);
    push(incoming, edge.kind, edge.toId, edge);
  }
  // deterministic order for findings: by key, compared by code unit (localeCompare is far slower)
  for (const list of byKind.values()) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const none: PostureEdge[] = [];
  return {
    node(id) {
      const node = byId.get(id);
      if (!node) throw new Error(`posture snapshot has no node ${id}`);
      return node;
    },
    nodesOf: (kind) => byKind.get(kind) ?? [],
    out: (id, kind) => outgoing.get(kind)?.get(id) ?? none,
    in: (id, kind) => incoming.get(kind)?.get(id) ?? none,
  };
}
