import type { TExposure } from "@/lib/schemas/graph-facts";
import { CRITICALITY_RANK, EXPOSURE_RANK, NODE_KIND_CODE, PRIVILEGE_RANK, type EngineGraph } from "./graph";
import { STEP_CONDITION, stepTable, type Overlay, type StepTable } from "./steps";

// The blast-radius walk: a breadth-first search from every source at once, with parent pointers
// in typed arrays, repeated generation by generation until no new publish right is gained (the
// worm fixpoint of docs/MODEL.md). A workspace holds the buffers so repeated walks (benchmarks,
// `blastmap fixes`) allocate nothing.

export interface WalkOptions {
  /** null = unbounded */
  maxHops?: number | null;
  /** exposure levels a reached node may have; empty/undefined = all */
  exposures?: readonly TExposure[] | null;
  overlay?: Overlay | null;
  /**
   * Stop as soon as this many scoring nodes (critical/high systems, republishable packages) are
   * reached: `fixes` re-walks a source only to learn whether a control lowers its score.
   */
  stopAtScore?: number | null;
}

const K = NODE_KIND_CODE;
const WRITE = PRIVILEGE_RANK.write;
const ADMIN = PRIVILEGE_RANK.admin;
const ALL_EXPOSURES = 0b11111;
const HIGH = CRITICALITY_RANK.high;
const RUNTIME = EXPOSURE_RANK.runtime;
const { needsWrite: NEEDS_WRITE, installScripts: INSTALL_SCRIPTS } = STEP_CONDITION;

export function exposureMask(exposures: readonly TExposure[] | null | undefined): number {
  if (!exposures || exposures.length === 0) return ALL_EXPOSURES;
  let mask = 1; // "no exposure-bearing edge yet" is always allowed
  for (const exposure of exposures) mask |= 1 << EXPOSURE_RANK[exposure];
  return mask;
}

/** Buffers for one walk at a time over one graph; the result of a walk is valid until the next. */
export class RadiusWorkspace {
  readonly graph: EngineGraph;
  private readonly table: StepTable;
  private stamp = 0;
  private readonly seen: Int32Array;
  private readonly sourceStamp: Int32Array;
  readonly hops: Int32Array;
  readonly generation: Int32Array;
  readonly exposure: Uint8Array;
  readonly privilege: Uint8Array;
  readonly parentNode: Int32Array;
  readonly parentEdge: Int32Array;
  readonly parentStep: Uint8Array;
  /** the exposure level the parent step itself carries (before taking the weakest link) */
  readonly stepLevel: Uint8Array;
  /** reached nodes in the order they were reached (sources first) */
  readonly order: Int32Array;
  count = 0;
  maxGeneration = 0;
  /** scoring nodes reached, counted only when stopAtScore is set */
  score = 0;
  /** true when the walk stopped early at stopAtScore */
  stoppedEarly = false;
  private readonly queue: Int32Array;

  constructor(graph: EngineGraph) {
    const n = graph.nodeCount;
    this.graph = graph;
    this.table = stepTable(graph);
    this.seen = new Int32Array(n);
    this.sourceStamp = new Int32Array(n);
    this.hops = new Int32Array(n);
    this.generation = new Int32Array(n);
    this.exposure = new Uint8Array(n);
    this.privilege = new Uint8Array(n);
    this.parentNode = new Int32Array(n);
    this.parentEdge = new Int32Array(n);
    this.parentStep = new Uint8Array(n);
    this.stepLevel = new Uint8Array(n);
    this.order = new Int32Array(n);
    // a node can be queued more than once (a system when write access to it is gained, a seed
    // reached sooner than seeded); 3n bounds both
    this.queue = new Int32Array(3 * n + 1);
  }

  reached(v: number): boolean {
    return this.seen[v] === this.stamp;
  }

  isSource(v: number): boolean {
    return this.sourceStamp[v] === this.stamp;
  }

  /** Runs the walk; read the answer from the workspace arrays (order[0..count)). */
  walk(sources: readonly number[], options: WalkOptions = {}): this {
    const graph = this.graph;
    this.maxHops = options.maxHops ?? Number.MAX_SAFE_INTEGER;
    this.mask = exposureMask(options.exposures);
    this.overlay = options.overlay ?? null;
    this.stopAtScore = options.stopAtScore ?? Number.MAX_SAFE_INTEGER;
    const stamp = ++this.stamp;
    const { seen, hops, generation, exposure, privilege, parentNode, parentEdge, parentStep, order, queue } = this;
    this.count = 0;
    this.maxGeneration = 0;
    this.score = 0;
    this.stoppedEarly = false;

    let seeds: number[] = [];
    for (const s of sources) {
      if (seen[s] === stamp) continue;
      seen[s] = stamp;
      this.sourceStamp[s] = stamp;
      hops[s] = 0;
      generation[s] = 0;
      exposure[s] = 0;
      privilege[s] = graph.kind[s] === K.system ? ADMIN : 0;
      parentNode[s] = -1;
      parentEdge[s] = -1;
      parentStep[s] = 0;
      order[this.count++] = s;
      seeds.push(s);
    }

    let gen = 0;
    for (;;) {
      const generationStart = gen === 0 ? 0 : this.count - seeds.length;
      let head = 0;
      let seedAt = 0;
      this.tail = 0;
      // Merge the (hop-sorted) seeds with the FIFO queue so nodes leave in hop order.
      while (!this.stoppedEarly) {
        let u: number;
        if (seedAt < seeds.length && (head === this.tail || hops[seeds[seedAt]] <= hops[queue[head]])) u = seeds[seedAt++];
        else if (head < this.tail) u = queue[head++];
        else break;
        // Packages are expanded between generations, not inside one.
        if (graph.kind[u] !== K.package) this.expand(u, gen);
      }
      if (this.stoppedEarly) break;

      // Worm fixpoint: every package newly publishable in this generation is republished and
      // reaches, one generation later, the contexts that install it.
      const next: number[] = [];
      const generationEnd = this.count;
      for (let i = generationStart; i < generationEnd && !this.stoppedEarly; i++) {
        const pkg = order[i];
        if (graph.kind[pkg] !== K.package || this.sourceStamp[pkg] === stamp) continue;
        const before = this.count;
        this.expand(pkg, gen + 1);
        for (let j = before; j < this.count; j++) next.push(order[j]);
      }
      if (this.stoppedEarly || next.length === 0) break;
      gen += 1;
      this.maxGeneration = gen;
      next.sort((a, b) => hops[a] - hops[b]);
      seeds = next;
    }
    return this;
  }

  // Per-walk settings read by expand (fields rather than a closure: the walk's inner loop stays
  // free of calls and of captured-variable loads).
  private maxHops = 0;
  private mask = ALL_EXPOSURES;
  private overlay: Overlay | null = null;
  private stopAtScore = 0;
  private tail = 0;

  /** Takes every step out of u; nodes it reaches (or reaches better) join generation gen. */
  private expand(u: number, gen: number): void {
    const h = this.hops[u] + 1;
    if (h > this.maxHops) return;
    const { graph, table, seen, hops, generation, exposure, privilege, parentNode, parentEdge, parentStep, stepLevel, order, queue, sourceStamp } = this;
    const stamp = this.stamp;
    const mask = this.mask;
    const disabled = this.overlay?.disabledEdges ?? null;
    const ignores = this.overlay?.ignoresScripts ?? null;
    const fromExposure = exposure[u];
    const fromPrivilege = privilege[u];
    const scoring = this.stopAtScore !== Number.MAX_SAFE_INTEGER;
    for (let i = table.offsets[u], end = table.offsets[u + 1]; i < end; i++) {
      const e = table.edge[i];
      if (disabled !== null && (disabled[e] === 1 || (table.gate[i] >= 0 && disabled[table.gate[i]] === 1))) continue;
      const v = table.to[i];
      const condition = table.condition[i];
      let level = table.level[i];
      if (condition !== 0) {
        if ((condition & NEEDS_WRITE) !== 0 && fromPrivilege < WRITE) continue;
        if ((condition & INSTALL_SCRIPTS) !== 0 && ignores !== null && ignores[v] === 1) level = RUNTIME;
      }
      const reachedExposure = level > fromExposure ? level : fromExposure;
      if (((1 << reachedExposure) & mask) === 0) continue;
      const priv = table.privilege[i];
      if (seen[v] !== stamp) {
        seen[v] = stamp;
        hops[v] = h;
        generation[v] = gen;
        exposure[v] = reachedExposure;
        privilege[v] = priv;
        parentNode[v] = u;
        parentEdge[v] = e;
        parentStep[v] = table.code[i];
        stepLevel[v] = level;
        order[this.count++] = v;
        queue[this.tail++] = v;
        if (scoring) {
          const kind = graph.kind[v];
          if ((kind === K.system && graph.criticality[v] >= HIGH) || kind === K.package) {
            if (++this.score >= this.stopAtScore) {
              this.stoppedEarly = true;
              return;
            }
          }
        }
        continue;
      }
      if (sourceStamp[v] === stamp) {
        if (priv > privilege[v]) privilege[v] = priv;
        continue;
      }
      if (priv > privilege[v]) {
        // More access to a system already reached: write access yields its stored secrets, so
        // it is re-parented onto the path that gives it and expanded again.
        const before = privilege[v];
        privilege[v] = priv;
        if (before < WRITE && priv >= WRITE) {
          generation[v] = gen;
          this.reparent(v, u, e, table.code[i], level, h, reachedExposure, true);
        }
      } else if (generation[v] === gen && h < hops[v]) {
        // Within one generation a seed can be reached sooner than it was seeded: take the shorter
        // path and queue it again (the later second expansion finds nothing new).
        this.reparent(v, u, e, table.code[i], level, h, reachedExposure, true);
      } else if (hops[v] === h && generation[v] === gen && reachedExposure < exposure[v]) {
        // Same hop count and generation, stronger exposure: prefer it (v is not expanded yet).
        this.reparent(v, u, e, table.code[i], level, h, reachedExposure, false);
      }
    }
  }

  private reparent(v: number, u: number, e: number, step: number, level: number, h: number, reachedExposure: number, requeue: boolean): void {
    this.hops[v] = h;
    this.exposure[v] = reachedExposure;
    this.parentNode[v] = u;
    this.parentEdge[v] = e;
    this.parentStep[v] = step;
    this.stepLevel[v] = level;
    if (requeue) this.queue[this.tail++] = v;
  }
}

/** One walk with a fresh workspace; for repeated walks keep a RadiusWorkspace. */
export function walkRadius(graph: EngineGraph, sources: readonly number[], options: WalkOptions = {}): RadiusWorkspace {
  return new RadiusWorkspace(graph).walk(sources, options);
}
