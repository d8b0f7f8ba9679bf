import type { TRotationItem } from "@/lib/schemas/radius";
import { CRITICALITY_RANK, FLAG, NODE_KIND_CODE, type EngineGraph } from "./graph";
import type { RadiusWorkspace } from "./radius";

// What to rotate first: every reached secret and identity, ordered by what holding it directly
// unlocks — critical systems, then publish rights, then other systems — because those are what
// an attacker uses next (the 2025 npm worm went straight for publish tokens).

const K = NODE_KIND_CODE;

interface Unlocks {
  critical: Set<number>;
  high: Set<number>;
  systems: Set<number>;
  packages: Set<number>;
}

/** Systems an identity can access and packages it can publish, directly or as a registry account. */
function identityUnlocks(graph: EngineGraph, identity: number, into: Unlocks): void {
  const addPackagesOf = (holder: number) => {
    graph.forEachOut(holder, "CAN_PUBLISH", (_, pkg) => into.packages.add(pkg));
    graph.forEachOut(holder, "MAINTAINS", (_, pkg) => into.packages.add(pkg));
  };
  graph.forEachOut(identity, "CAN_ACCESS", (_, system) => {
    into.systems.add(system);
    if (graph.criticality[system] === CRITICALITY_RANK.critical) into.critical.add(system);
    if (graph.criticality[system] === CRITICALITY_RANK.high) into.high.add(system);
  });
  addPackagesOf(identity);
  graph.forEachOut(identity, "ACTS_AS", (_, publisher) => addPackagesOf(publisher));
}

// Short-lived replacements by identity kind (OIDC trusted publishing, workload identity federation …).
const REPLACEMENT: Record<string, string> = {
  registryPublishToken: "trusted publishing (OIDC) from the release workflow",
  ciServiceAccount: "OIDC federation from the CI job (no stored key)",
  cloudRole: "workload identity federation (OIDC) instead of access keys",
  apiKey: "a short-lived token issued per job by the provider, if it offers one",
  githubToken: "a GitHub App installation token (expires in 1 hour)",
  deployKey: "a GitHub App installation token scoped to the repository",
  signingKey: "keyless signing with Sigstore (OIDC)",
  bot: "a GitHub App installation token",
};

export function shortLivedReplacement(graph: EngineGraph, identity: number): string | null {
  if (!graph.has(identity, FLAG.longLived)) return null;
  return REPLACEMENT[graph.identityKind[identity] ?? ""] ?? null;
}

/** Per identity, what it directly unlocks; graph-static, so computed once per cached graph. */
interface UnlockTable {
  critical: Int32Array;
  high: Int32Array;
  systems: Int32Array;
  packages: Int32Array;
}
const unlockTables = new WeakMap<EngineGraph, UnlockTable>();

function unlockTable(graph: EngineGraph): UnlockTable {
  let table = unlockTables.get(graph);
  if (table) return table;
  const n = graph.nodeCount;
  table = { critical: new Int32Array(n), high: new Int32Array(n), systems: new Int32Array(n), packages: new Int32Array(n) };
  for (let v = 0; v < n; v++) {
    if (graph.kind[v] !== K.identity) continue;
    const unlocks: Unlocks = { critical: new Set(), high: new Set(), systems: new Set(), packages: new Set() };
    identityUnlocks(graph, v, unlocks);
    table.critical[v] = unlocks.critical.size;
    table.high[v] = unlocks.high.size;
    table.systems[v] = unlocks.systems.size;
    table.packages[v] = unlocks.packages.size;
  }
  unlockTables.set(graph, table);
  return table;
}

/** What rotating one secret or identity is about; graph-static, so cached per graph and node. */
interface RotationFacts {
  identities: number[];
  critical: number;
  high: number;
  systems: number;
  packages: number;
  longLived: boolean;
  reason: string;
  owner: string | null;
  replacement: string | null;
}
const factsByGraph = new WeakMap<EngineGraph, (RotationFacts | undefined)[]>();

function rotationFacts(graph: EngineGraph, v: number): RotationFacts {
  let cache = factsByGraph.get(graph);
  if (!cache) factsByGraph.set(graph, (cache = new Array(graph.nodeCount)));
  const cached = cache[v];
  if (cached) return cached;
  const table = unlockTable(graph);
  const isSecret = graph.kind[v] === K.secret;
  const identities: number[] = isSecret ? [] : [v];
  if (isSecret) graph.forEachOut(v, "AUTHENTICATES_AS", (_, identity) => identities.push(identity));
  let critical = 0, high = 0, systems = 0, packages = 0;
  if (identities.length === 1) {
    const id = identities[0];
    critical = table.critical[id];
    high = table.high[id];
    systems = table.systems[id];
    packages = table.packages[id];
  } else if (identities.length > 1) {
    // a secret for several identities: count distinct systems and packages
    const unlocks: Unlocks = { critical: new Set(), high: new Set(), systems: new Set(), packages: new Set() };
    for (const identity of identities) identityUnlocks(graph, identity, unlocks);
    critical = unlocks.critical.size;
    high = unlocks.high.size;
    systems = unlocks.systems.size;
    packages = unlocks.packages.size;
  }
  const longLived = identities.some((identity) => graph.has(identity, FLAG.longLived));
  const facts: RotationFacts = {
    identities,
    critical,
    high,
    systems,
    packages,
    longLived,
    reason: rotationReason(graph, isSecret, identities, { critical, systems, packages }, longLived),
    owner: identities.map((identity) => graph.owner[identity]).find((o) => o) ?? graph.owner[v] ?? null,
    replacement: identities.map((identity) => shortLivedReplacement(graph, identity)).find((r) => r) ?? null,
  };
  cache[v] = facts;
  return facts;
}

export function buildRotationPlan(workspace: RadiusWorkspace): TRotationItem[] {
  const graph = workspace.graph;
  const pending: { v: number; facts: RotationFacts }[] = [];
  for (let i = 0; i < workspace.count; i++) {
    const v = workspace.order[i];
    const kind = graph.kind[v];
    if (kind === K.secret || kind === K.identity) pending.push({ v, facts: rotationFacts(graph, v) });
  }
  pending.sort(
    ({ v: av, facts: a }, { v: bv, facts: b }) =>
      b.critical - a.critical ||
      b.packages - a.packages ||
      b.high - a.high ||
      b.systems - a.systems ||
      Number(b.longLived) - Number(a.longLived) ||
      workspace.hopsOf(av) - workspace.hopsOf(bv) ||
      (graph.keys[av] < graph.keys[bv] ? -1 : graph.keys[av] > graph.keys[bv] ? 1 : 0),
  );
  return pending.map(({ v, facts }, index) => ({
    rank: index + 1,
    id: graph.ids[v],
    key: graph.keys[v],
    kind: graph.kind[v] === K.secret ? "secret" : "identity",
    name: graph.names[v],
    reason: facts.reason,
    owner: facts.owner,
    unlocks: { criticalSystems: facts.critical, systems: facts.systems, publishablePackages: facts.packages },
    shortLivedReplacement: facts.replacement,
  }));
}

function rotationReason(
  graph: EngineGraph,
  isSecret: boolean,
  identities: number[],
  counts: { critical: number; systems: number; packages: number },
  longLived: boolean,
): string {
  const parts: string[] = [];
  if (isSecret) {
    parts.push(identities.length ? `authenticates as ${identities.map((i) => graph.keys[i]).join(", ")}` : "no identity recorded for it");
  }
  if (counts.critical) parts.push(`reaches ${counts.critical} critical system(s) (${firstNames(graph, identities, "CAN_ACCESS", (v) => graph.criticality[v] === CRITICALITY_RANK.critical)})`);
  if (counts.packages) parts.push(`can publish ${counts.packages} package(s) (${firstNames(graph, identities, "CAN_PUBLISH", () => true)})`);
  const others = counts.systems - counts.critical;
  if (others > 0) parts.push(`reaches ${others} other system(s)`);
  if (!counts.systems && !counts.packages && identities.length) parts.push("no system access or publish right recorded");
  if (longLived) parts.push("long-lived");
  return parts.join("; ");
}

// Up to three names for the reason line (publish rights through a registry account included).
function firstNames(graph: EngineGraph, identities: number[], kind: "CAN_ACCESS" | "CAN_PUBLISH", keep: (v: number) => boolean): string {
  const names = new Set<string>();
  const collect = (holder: number) => {
    graph.forEachOut(holder, kind, (_, to) => keep(to) && names.add(graph.keys[to]));
    if (kind === "CAN_PUBLISH") graph.forEachOut(holder, "MAINTAINS", (_, to) => names.add(graph.keys[to]));
  };
  for (const identity of identities) {
    collect(identity);
    if (kind === "CAN_PUBLISH") graph.forEachOut(identity, "ACTS_AS", (_, publisher) => collect(publisher));
  }
  const list = [...names];
  return list.slice(0, 3).join(", ") + (list.length > 3 ? ", …" : "");
}
