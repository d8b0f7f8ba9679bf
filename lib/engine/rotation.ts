import type { TRotationItem } from "@/lib/schemas/radius";
import { CRITICALITY_RANK, EXPOSURE_BY_RANK, EXPOSURE_RANK, FLAG, NODE_KIND_CODE, PRIVILEGE_BY_RANK, PRIVILEGE_RANK, type EngineGraph } from "./graph";
import type { RadiusWorkspace } from "./radius";

// What to rotate first, in the order an incident commander works: one row per credential (a
// secret and the identity it authenticates as are one thing to revoke), what the attacker has
// now before what a next resolve would give, automated install-time reach before runtime-only
// reach, then what holding it unlocks — publish rights first, because they spread the worm (the
// 2025 npm worm went straight for publish tokens), then critical systems and privilege — and
// long-lived before short-lived. Ephemeral job tokens (GITHUB_TOKEN, OIDC) expired when their job
// ended: they go last, to review what they did during the window, never to rotate.

const K = NODE_KIND_CODE;

interface Unlocks {
  critical: Set<number>;
  high: Set<number>;
  systems: Set<number>;
  packages: Set<number>;
  privilege: number;
}

const emptyUnlocks = (): Unlocks => ({ critical: new Set(), high: new Set(), systems: new Set(), packages: new Set(), privilege: 0 });

/** Systems a holder can access and packages it can publish, directly or as a registry account. */
function addUnlocks(graph: EngineGraph, holder: number, into: Unlocks): void {
  const addPackagesOf = (v: number) => {
    graph.forEachOut(v, "CAN_PUBLISH", (_, pkg) => graph.kind[pkg] === K.package && into.packages.add(pkg));
    graph.forEachOut(v, "MAINTAINS", (_, pkg) => into.packages.add(pkg));
  };
  graph.forEachOut(holder, "CAN_ACCESS", (e, system) => {
    into.systems.add(system);
    if (graph.criticality[system] === CRITICALITY_RANK.critical) into.critical.add(system);
    if (graph.criticality[system] === CRITICALITY_RANK.high) into.high.add(system);
    const privilege = graph.edgePrivilege[e] || PRIVILEGE_RANK.read;
    if (privilege > into.privilege) into.privilege = privilege;
  });
  addPackagesOf(holder);
  graph.forEachOut(holder, "ACTS_AS", (_, publisher) => addPackagesOf(publisher));
}

const SCRATCH_UNLOCKS = emptyUnlocks();

const EPHEMERAL_KINDS = new Set(["githubToken", "workloadIdentity"]);

/** A token minted per job that expired with it: GITHUB_TOKEN, or an OIDC/workload identity token. */
function isEphemeral(graph: EngineGraph, identities: number[], secrets: number[]): boolean {
  if (identities.length === 0) return secrets.length > 0 && secrets.every((s) => graph.secretType.get(s) === "github-token");
  return identities.every((i) => EPHEMERAL_KINDS.has(graph.identityKind[i] ?? "") && !graph.has(i, FLAG.longLived));
}

const READ_ONLY_SCOPE = /^(read|read[-_:]?only|packages?:read|pull)$/i;
const CLOUD_PROVIDERS = /^(aws|amazon|gcp|google|azure|microsoft|cloudflare|digitalocean|oci|oracle)/i;

/**
 * What to replace a long-lived credential with, from what it is (its kind, provider, scopes and
 * the secret's type), not from its kind alone.
 */
export function replacementFor(graph: EngineGraph, identities: number[], secrets: number[]): string | null {
  const kinds = new Set(identities.map((i) => graph.identityKind[i] ?? ""));
  const providers = [...identities.map((i) => graph.provider.get(i) ?? ""), ...secrets.map((s) => graph.secretType.get(s) ?? "")].join(" ").toLowerCase();
  const scopes = identities.flatMap((i) => graph.scopes.get(i) ?? []);
  const types = new Set(secrets.map((s) => graph.secretType.get(s) ?? ""));
  const longLived = identities.length === 0 || identities.some((i) => graph.has(i, FLAG.longLived));
  if (!longLived) return null;
  const npm = kinds.has("registryPublishToken") || /npm/.test(providers) || types.has("npm-token");
  if (npm) {
    const readOnly = scopes.length > 0 && scopes.every((scope) => READ_ONLY_SCOPE.test(scope));
    return readOnly
      ? "a granular read-only registry token scoped to the packages it installs, with an expiry"
      : "npm trusted publishing (OIDC) from the release workflow, with provenance; no stored publish token";
  }
  if (kinds.has("signingKey")) return "keyless signing with Sigstore (OIDC identity per build)";
  if (kinds.has("cloudRole") || CLOUD_PROVIDERS.test(providers) || [...types].some((t) => /^(aws|gcp|azure)/.test(t))) {
    return "OIDC federation from the CI job to the cloud role (no stored access key)";
  }
  if (kinds.has("deployKey")) return "a GitHub App installation token scoped to the repository (or a read-only deploy key)";
  if (kinds.has("githubApp")) return "a new private key for the app, with its permissions and repositories narrowed";
  if (/github/.test(providers) || types.has("github-pat") || kinds.has("githubToken")) {
    return "a fine-grained personal access token limited to the repositories it needs, or a GitHub App installation token (expires in 1 hour)";
  }
  if (kinds.has("ciServiceAccount")) return "OIDC federation from the CI job (no stored key)";
  if (kinds.has("apiKey") || kinds.has("bot")) return "a short-lived token issued per job by the provider, if it offers one; else a scoped key with an expiry";
  return null;
}

interface Row {
  secrets: number[];
  identities: number[];
}

/**
 * The credential rows of one radius as ranges of one members array: row r is
 * members[start[r] .. start[r + 1]), its secrets before split[r] and its identities from it. A
 * radius at 100k identities has ~50k rows, and two arrays per row were most of what a plan
 * allocated; arrays are made only for a row whose facts are not cached yet.
 */
interface CredentialRows {
  count: number;
  start: Int32Array;
  split: Int32Array;
  members: Int32Array;
}

/**
 * Secrets and identities reached in the walk, merged along AUTHENTICATES_AS into one row per
 * credential (union-find over the reached credentials; members in key order, so a row's key is
 * the same in every radius it appears in and rotation tracking can rely on it).
 */
function credentialRows(workspace: RadiusWorkspace): CredentialRows {
  const graph = workspace.graph;
  const parent = scratch(graph);
  const reached = new Int32Array(workspace.count);
  let m = 0;
  for (let i = 0; i < workspace.count; i++) {
    const v = workspace.order[i];
    const kind = graph.kind[v];
    if (kind === K.identity || kind === K.secret) {
      parent[v] = v;
      reached[m++] = v;
    }
  }
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root];
    while (parent[v] !== root) {
      const next = parent[v];
      parent[v] = root;
      v = next;
    }
    return root;
  };
  for (let i = 0; i < m; i++) {
    const v = reached[i];
    if (graph.kind[v] !== K.secret) continue;
    graph.forEachOut(v, "AUTHENTICATES_AS", (_, identity) => {
      if (parent[identity] >= 0 && workspace.reached(identity)) parent[find(identity)] = find(v);
    });
  }
  // root → row, in a second scratch array (reset below); then count, place and sort the members
  const rowOf = scratch(graph, 1);
  const rowOfMember = new Int32Array(m);
  const secrets = new Int32Array(m + 1);
  const sizes = new Int32Array(m + 1);
  let count = 0;
  for (let i = 0; i < m; i++) {
    const root = find(reached[i]);
    if (rowOf[root] < 0) rowOf[root] = count++;
    const row = (rowOfMember[i] = rowOf[root]);
    sizes[row]++;
    if (graph.kind[reached[i]] === K.secret) secrets[row]++;
  }
  const start = new Int32Array(count + 1);
  const split = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    start[r + 1] = start[r] + sizes[r];
    split[r] = start[r] + secrets[r];
  }
  // sizes and secrets become the next free slot of each row's identities and secrets
  for (let r = 0; r < count; r++) {
    secrets[r] = start[r];
    sizes[r] = split[r];
  }
  const members = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const v = reached[i];
    const row = rowOfMember[i];
    if (graph.kind[v] === K.secret) members[secrets[row]++] = v;
    else members[sizes[row]++] = v;
  }
  for (let i = 0; i < m; i++) parent[reached[i]] = rowOf[reached[i]] = -1;
  const byKey = (a: number, b: number) => (graph.keys[a] < graph.keys[b] ? -1 : 1);
  for (let r = 0; r < count; r++) {
    if (split[r] - start[r] > 1) members.subarray(start[r], split[r]).sort(byKey);
    if (start[r + 1] - split[r] > 1) members.subarray(split[r], start[r + 1]).sort(byKey);
  }
  return { count, start, split, members };
}

// two scratch arrays per graph, all -1 between calls (plans are synchronous, so never shared mid-call)
const scratchArrays = new WeakMap<EngineGraph, [Int32Array, Int32Array]>();
function scratch(graph: EngineGraph, which: 0 | 1 = 0): Int32Array {
  let arrays = scratchArrays.get(graph);
  if (!arrays) scratchArrays.set(graph, (arrays = [new Int32Array(graph.nodeCount).fill(-1), new Int32Array(graph.nodeCount).fill(-1)]));
  return arrays[which];
}

/** What a row is, whatever radius it appears in: cached per graph by its members. */
interface RowFacts {
  /** as the plan reports it, shared by every plan the row appears in (like secrets and identities) */
  unlocks: TRotationItem["unlocks"];
  /** what the plan sorts by beside it */
  highSystems: number;
  privilege: number;
  lifetime: "longLived" | "shortLived" | "unknown";
  ephemeral: boolean;
  replacement: string | null;
  /** the reason's parts that do not depend on the walk */
  reason: string;
  owner: string | null;
  secrets: TRotationItem["secrets"];
  identities: TRotationItem["identities"];
}
// cached by the row's first member (its key: the same credential in every radius), checked
// against the members, so a plan over tens of thousands of rows allocates no lookup keys
const factsCaches = new WeakMap<EngineGraph, (CachedFacts | undefined)[]>();
interface CachedFacts {
  secrets: number[];
  identities: number[];
  facts: RowFacts;
}
const sameMembers = (a: number[], b: Int32Array, from: number, to: number) => a.length === to - from && a.every((v, i) => v === b[from + i]);

function rowFacts(graph: EngineGraph, rows: CredentialRows, r: number): RowFacts {
  let cache = factsCaches.get(graph);
  if (!cache) factsCaches.set(graph, (cache = new Array(graph.nodeCount)));
  const { start, split, members } = rows;
  const first = members[start[r]];
  const cached = cache[first];
  if (cached && sameMembers(cached.secrets, members, start[r], split[r]) && sameMembers(cached.identities, members, split[r], start[r + 1])) {
    return cached.facts;
  }
  const row = { secrets: Array.from(members.subarray(start[r], split[r])), identities: Array.from(members.subarray(split[r], start[r + 1])) };
  const facts = computeRowFacts(graph, row);
  cache[first] = { ...row, facts };
  return facts;
}

function computeRowFacts(graph: EngineGraph, row: Row): RowFacts {
  // one set of sets reused for every row (computed once per row and graph, read right away)
  const unlocks = SCRATCH_UNLOCKS;
  unlocks.critical.clear();
  unlocks.high.clear();
  unlocks.systems.clear();
  unlocks.packages.clear();
  unlocks.privilege = 0;
  for (const v of row.secrets) addUnlocks(graph, v, unlocks);
  for (const v of row.identities) addUnlocks(graph, v, unlocks);
  const lifetime = row.identities.some((i) => graph.has(i, FLAG.longLived)) ? "longLived" : row.identities.length > 0 ? "shortLived" : "unknown";
  const ephemeral = isEphemeral(graph, row.identities, row.secrets);
  const ref = (v: number) => ({ id: graph.ids[v], key: graph.keys[v], name: graph.names[v] });
  return {
    unlocks: {
      criticalSystems: unlocks.critical.size,
      systems: unlocks.systems.size,
      publishablePackages: unlocks.packages.size,
      highestPrivilege: PRIVILEGE_BY_RANK[unlocks.privilege],
    },
    highSystems: unlocks.high.size,
    privilege: unlocks.privilege,
    lifetime,
    ephemeral,
    replacement: ephemeral ? null : replacementFor(graph, row.identities, row.secrets),
    reason: staticReason(graph, row, unlocks, lifetime),
    owner: [...row.identities, ...row.secrets].map((v) => graph.owner[v]).find((o) => o) ?? null,
    secrets: row.secrets.map(ref),
    identities: row.identities.map((v) => ({ ...ref(v), identityKind: graph.identityKind[v] })),
  };
}

interface Ranked {
  facts: RowFacts;
  primary: number;
  now: boolean;
  exposure: number;
  hops: number;
}

export function buildRotationPlan(workspace: RadiusWorkspace): TRotationItem[] {
  const graph = workspace.graph;
  const rows = credentialRows(workspace);
  const { start, members } = rows;
  const ranked: Ranked[] = new Array(rows.count);
  for (let r = 0; r < rows.count; r++) {
    const facts = rowFacts(graph, rows, r);
    // the row is "now" when any member is; its exposure is the strongest over the members reached
    // at that timing (rank 1 = install), 0 only when every such member is a source
    let now = false;
    let hops = Number.MAX_SAFE_INTEGER;
    for (let i = start[r]; i < start[r + 1]; i++) {
      const v = members[i];
      if (!workspace.isNextResolve(v)) now = true;
      if (workspace.hopsOf(v) < hops) hops = workspace.hopsOf(v);
    }
    let exposure = 0;
    for (let i = start[r]; i < start[r + 1]; i++) {
      const v = members[i];
      if (now && workspace.isNextResolve(v)) continue;
      const rank = workspace.exposureOf(v);
      if (rank > 0 && (exposure === 0 || rank < exposure)) exposure = rank;
    }
    ranked[r] = { facts, primary: members[start[r]], now, exposure, hops };
  }
  const RUNTIME = EXPOSURE_RANK.runtime;
  // a stored secret with no identity recorded is treated as long-lived until shown otherwise
  ranked.sort((a, b) => {
    const x = a.facts;
    const y = b.facts;
    return (
      Number(x.ephemeral) - Number(y.ephemeral) ||
      Number(b.now) - Number(a.now) ||
      Number(a.exposure === RUNTIME) - Number(b.exposure === RUNTIME) ||
      y.unlocks.publishablePackages - x.unlocks.publishablePackages ||
      y.unlocks.criticalSystems - x.unlocks.criticalSystems ||
      y.privilege - x.privilege ||
      y.highSystems - x.highSystems ||
      y.unlocks.systems - x.unlocks.systems ||
      Number(x.lifetime === "shortLived") - Number(y.lifetime === "shortLived") ||
      a.hops - b.hops ||
      (graph.keys[a.primary] < graph.keys[b.primary] ? -1 : 1)
    );
  });
  return ranked.map((r, index) => {
    const { facts, primary } = r;
    return {
      rank: index + 1,
      id: graph.ids[primary],
      key: graph.keys[primary],
      kind: graph.kind[primary] === K.secret ? "secret" : "identity",
      name: graph.names[primary],
      secrets: facts.secrets,
      identities: facts.identities,
      action: facts.ephemeral ? "review" : "rotate",
      timing: r.now ? "now" : "next-resolve",
      exposure: EXPOSURE_BY_RANK[r.exposure],
      lifetime: facts.lifetime,
      reason: dynamicReason(r) + facts.reason,
      owner: facts.owner,
      unlocks: facts.unlocks,
      shortLivedReplacement: facts.replacement,
    };
  });
}

function dynamicReason(r: Ranked): string {
  let text = "";
  if (r.facts.ephemeral) text += "expired at job end — review what it did during the window (the run's logs, the audit log of what it could reach); ";
  if (!r.now) text += "only on the next resolve (a range admits the bad version; the lockfile pins a clean one); ";
  if (r.exposure === EXPOSURE_RANK.runtime) text += "reached only where the package is imported at runtime; ";
  return text;
}

function staticReason(graph: EngineGraph, row: Row, unlocks: Unlocks, lifetime: RowFacts["lifetime"]): string {
  const parts: string[] = [];
  if (row.secrets.length && row.identities.length) parts.push(`authenticates as ${row.identities.map((i) => graph.keys[i]).join(", ")}`);
  else if (row.secrets.length && !row.identities.length) parts.push("no identity recorded for it");
  if (unlocks.packages.size) parts.push(`can publish ${unlocks.packages.size} package(s) (${firstKeys(graph, unlocks.packages)})`);
  if (unlocks.critical.size) parts.push(`reaches ${unlocks.critical.size} critical system(s) (${firstKeys(graph, unlocks.critical)})`);
  const others = unlocks.systems.size - unlocks.critical.size;
  if (others > 0) parts.push(`reaches ${others} other system(s)${unlocks.privilege ? `, up to ${PRIVILEGE_BY_RANK[unlocks.privilege]}` : ""}`);
  if (!unlocks.systems.size && !unlocks.packages.size && row.identities.length) parts.push("no system access or publish right recorded");
  if (lifetime === "longLived") parts.push("long-lived");
  return parts.join("; ");
}

function firstKeys(graph: EngineGraph, nodes: Set<number>): string {
  const keys = [...nodes].map((v) => graph.keys[v]).sort();
  return keys.slice(0, 3).join(", ") + (keys.length > 3 ? ", …" : "");
}

/** Kept for callers that ask about one identity (the entity page): its long-lived replacement. */
export function shortLivedReplacement(graph: EngineGraph, identity: number): string | null {
  return replacementFor(graph, [identity], []);
}
