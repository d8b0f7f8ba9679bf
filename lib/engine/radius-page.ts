import { CRITICALITY_RANK, NODE_KIND_CODE } from "./graph";
import type { RadiusWorkspace } from "./radius";
import type { TRotationItem } from "@/lib/schemas/radius";

// A big radius (80,000 nodes) cannot be sent whole to a browser, so it is sent in pages, the most
// important nodes first. Every node comes after the nodes on its path, so any prefix of the order
// explains itself: a page's nodes and parent edges are a tree rooted at the sources, and the
// picture drawn from the first pages needs nothing that is not in them.

const K = NODE_KIND_CODE;

/**
 * Tiers, most important first. An incident commander looks first at what reaches critical
 * systems, then at the credentials the rotation plan puts on top, then at what the attacker can
 * republish, then at other credentials; the rest (contexts, runners, versions off those paths) last.
 */
const TIER = { source: 0, criticalSystem: 1, topRotation: 2, publishRight: 3, credential: 4, rest: 5 } as const;

/** How many rotation-plan rows pull their credentials (and the paths to them) into the first pages. */
export const TOP_ROTATION_ROWS = 50;

/** Every reached vertex, most important first, each after its ancestors. */
export function importanceOrder(workspace: RadiusWorkspace, rotationPlan: readonly TRotationItem[]): Int32Array {
  const graph = workspace.graph;
  const count = workspace.count;
  const tier = new Map<number, number>();
  const raise = (v: number, to: number) => {
    // a node on the path to an important node is as important as it
    for (let node = v; node >= 0; node = workspace.parentNodeOf(node)) {
      const current = tier.get(node);
      if (current !== undefined && current <= to) break;
      tier.set(node, to);
    }
  };
  for (let i = 0; i < count; i++) {
    const v = workspace.order[i];
    if (workspace.isSource(v)) tier.set(v, TIER.source);
    else if (graph.kind[v] === K.system && graph.criticality[v] >= CRITICALITY_RANK.high) raise(v, TIER.criticalSystem);
  }
  for (const row of rotationPlan.slice(0, TOP_ROTATION_ROWS)) {
    for (const member of [...row.secrets, ...row.identities, row]) {
      const v = graph.indexOfId(member.id);
      if (v !== undefined && workspace.reached(v)) raise(v, TIER.topRotation);
    }
  }
  for (let i = 0; i < count; i++) {
    const v = workspace.order[i];
    if (graph.kind[v] === K.package && !workspace.isSource(v)) raise(v, TIER.publishRight);
    else if (graph.kind[v] === K.secret || graph.kind[v] === K.identity) raise(v, TIER.credential);
  }

  const position = new Map<number, number>();
  for (let i = 0; i < count; i++) position.set(workspace.order[i], i);
  const ranked = Array.from(workspace.order.subarray(0, count));
  const tierOf = (v: number) => tier.get(v) ?? TIER.rest;
  ranked.sort(
    (a, b) =>
      tierOf(a) - tierOf(b) ||
      workspace.generationOf(a) - workspace.generationOf(b) ||
      workspace.hopsOf(a) - workspace.hopsOf(b) ||
      position.get(a)! - position.get(b)!,
  );

  const order = new Int32Array(count);
  const placed = new Set<number>();
  let next = 0;
  const chain: number[] = [];
  for (const v of ranked) {
    if (placed.has(v)) continue;
    chain.length = 0;
    for (let node = v; node >= 0 && !placed.has(node); node = workspace.parentNodeOf(node)) chain.push(node);
    for (let i = chain.length - 1; i >= 0; i--) {
      placed.add(chain[i]);
      order[next++] = chain[i];
    }
  }
  return order;
}

export interface RadiusCursor {
  graphVersion: number;
  offset: number;
  /** a digest of the question, so a cursor is not taken to another radius */
  question: string;
}

export class CursorError extends Error {
  constructor(
    message: string,
    readonly stale: boolean,
  ) {
    super(message);
  }
}

/** FNV-1a: a cursor names its question; it is not a secret and not a security boundary. */
export function questionDigest(question: unknown): string {
  const text = JSON.stringify(question);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function encodeCursor(cursor: RadiusCursor): string {
  return `${cursor.graphVersion}.${cursor.offset}.${cursor.question}`;
}

export function decodeCursor(text: string, graphVersion: number, question: string): RadiusCursor {
  const match = /^(\d{1,12})\.(\d{1,9})\.([0-9a-z]{1,13})$/.exec(text);
  if (!match) throw new CursorError("cursor is not one this server gave out", false);
  const cursor = { graphVersion: Number(match[1]), offset: Number(match[2]), question: match[3] };
  if (cursor.question !== question)
    throw new CursorError("cursor belongs to another question (other sources, filters or what-if controls); ask again without a cursor", false);
  if (cursor.graphVersion !== graphVersion) {
    throw new CursorError(`the graph changed since the first page (version ${cursor.graphVersion}, now ${graphVersion}); ask again without a cursor`, true);
  }
  return cursor;
}
