import type { TExposure } from "@/lib/schemas/graph-facts";
import { CRITICALITY_RANK, EXPOSURE_RANK, NODE_KIND_CODE, PRIVILEGE_RANK, type EngineGraph } from "./graph";
import { STEP_CONDITION, STEP_EDGE, STEP_GATE, STEP_META, STEP_STRIDE, STEP_TO, stepTable, type Overlay, type StepTable } from "./steps";

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
  /** false: only what the attacker has now (no next-resolve steps); default true */
  nextResolve?: boolean;
  /** per edge, 1 = a use pinned to a commit SHA that is named bad (taken despite the pin) */
  allowedPins?: Uint8Array | null;
}

const K = NODE_KIND_CODE;
const WRITE = PRIVILEGE_RANK.write;
const ADMIN = PRIVILEGE_RANK.admin;
const ALL_EXPOSURES = 0b11111;
const HIGH = CRITICALITY_RANK.high;
const RUNTIME = EXPOSURE_RANK.runtime;
const {
  needsWrite: NEEDS_WRITE,
  installScripts: INSTALL_SCRIPTS,
  nextResolve: NEXT_RESOLVE,
  pinned: PINNED,
  wormOnly: WORM_ONLY,
  sourceOnly: SOURCE_ONLY,
  newFoothold: NEW_FOOTHOLD,
  assumed: ASSUMED,
} = STEP_CONDITION;

/** Node flags of a walk (state slot FLAGS). */
export const REACH_FLAG = { nextResolve: 1, assumed: 2 } as const;

export function exposureMask(exposures: readonly TExposure[] | null | undefined): number {
  if (!exposures || exposures.length === 0) return ALL_EXPOSURES;
  let mask = 1; // "no exposure-bearing edge yet" is always allowed
  for (const exposure of exposures) mask |= 1 << EXPOSURE_RANK[exposure];
  return mask;
}

// Per-node walk state, packed so that reaching a node touches one cache line instead of seven
// arrays (at 100k identities the walk is bound by cache misses, not by arithmetic). Whether a node
// is reached this walk lives apart, in `seen` (the walk's stamp): every step reads it, and at
// 4 bytes a node it stays in the L2 cache where the 32-byte rows do not, so a step to a node
// already reached costs what it costs a bare BFS (bench/bare-bfs.ts; 10-25% of the walk at 100k).
const STRIDE = 8; // 7 slots and one unused, so that a row never straddles two cache lines
const SOURCE = 0; // walk stamp when a source
const HOPS = 1;
const GENERATION = 2;
const PARENT_NODE = 3;
const PARENT_EDGE = 4;
const PACKED = 5; // exposure | privilege << 8 | parent step << 16 | step level << 24
const FLAGS = 6; // REACH_FLAG bits

// The queue is scratch for the length of one walk, and walks are synchronous, so every workspace
// of a graph shares one (4 MB at 100k identities; the radius-page cache keeps four workspaces).
const walkQueues = new WeakMap<EngineGraph, Int32Array>();
function walkQueue(graph: EngineGraph): Int32Array {
  let queue = walkQueues.get(graph);
  // a node can be queued more than once (a system when write access to it is gained, a seed
  // reached sooner than seeded); 3n bounds both
  if (!queue) walkQueues.set(graph, (queue = new Int32Array(3 * graph.nodeCount + 1)));
  return queue;
}

/** Buffers for one walk at a time over one graph; the result of a walk is valid until the next. */
export class RadiusWorkspace {
  readonly graph: EngineGraph;
  private readonly table: StepTable;
  private stamp = 0;
  private readonly state: Int32Array;
  /** per node, the stamp of the walk that reached it */
  private readonly seen: Int32Array;
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
    this.state = new Int32Array(n * STRIDE);
    this.seen = new Int32Array(n);
    this.order = new Int32Array(n);
    this.queue = walkQueue(graph);
  }

  reached(v: number): boolean {
    return this.seen[v] === this.stamp;
  }

  isSource(v: number): boolean {
    return this.state[v * STRIDE + SOURCE] === this.stamp;
  }

  // The answer for a reached node v (undefined for nodes not reached by the last walk).
  hopsOf(v: number): number {
    return this.state[v * STRIDE + HOPS];
  }
  generationOf(v: number): number {
    return this.state[v * STRIDE + GENERATION];
  }
  /** weakest-link exposure rank on the way to v (0 for a source) */
  exposureOf(v: number): number {
    return this.state[v * STRIDE + PACKED] & 0xff;
  }
  /** for systems: the highest privilege rank held */
  privilegeOf(v: number): number {
    return (this.state[v * STRIDE + PACKED] >> 8) & 0xff;
  }
  /** -1 for a source */
  parentNodeOf(v: number): number {
    return this.state[v * STRIDE + PARENT_NODE];
  }
  parentEdgeOf(v: number): number {
    return this.state[v * STRIDE + PARENT_EDGE];
  }
  /** the step code that reached v */
  parentStepOf(v: number): number {
    return (this.state[v * STRIDE + PACKED] >> 16) & 0xff;
  }
  /** the exposure level the parent step itself carries (before taking the weakest link) */
  stepLevelOf(v: number): number {
    return (this.state[v * STRIDE + PACKED] >> 24) & 0xff;
  }
  /** reached only on the next resolve (a range admits a version the lockfile does not pin) */
  isNextResolve(v: number): boolean {
    return (this.state[v * STRIDE + FLAGS] & REACH_FLAG.nextResolve) !== 0;
  }
  /** the path rests on an assumption (a workflow token assumed write) */
  isAssumed(v: number): boolean {
    return (this.state[v * STRIDE + FLAGS] & REACH_FLAG.assumed) !== 0;
  }
  /** the pinned-use steps allowed in the last walk (null: none) */
  allowedPinsOf(): Uint8Array | null {
    return this.allowedPins;
  }

  /**
   * Runs the walk; read the answer through order[0..count) and the accessors above. First
   * everything the attacker has now, generation by generation to the worm's fixpoint; then, from
   * the next-resolve steps met on the way, what they gain on the next resolve (so a node reachable
   * both ways is always "now").
   */
  walk(sources: readonly number[], options: WalkOptions = {}): this {
    const graph = this.graph;
    this.maxHops = options.maxHops ?? Number.MAX_SAFE_INTEGER;
    this.mask = exposureMask(options.exposures);
    this.overlay = options.overlay ?? null;
    this.allowedPins = options.allowedPins ?? null;
    this.stopAtScore = options.stopAtScore ?? Number.MAX_SAFE_INTEGER;
    const stamp = ++this.stamp;
    const { state, order } = this;
    this.count = 0;
    this.maxGeneration = 0;
    this.score = 0;
    this.stoppedEarly = false;
    this.phaseNext = false;
    this.deferredCount = 0;

    const { seen } = this;
    const seeds: number[] = [];
    for (const s of sources) {
      const b = s * STRIDE;
      if (seen[s] === stamp) continue;
      seen[s] = stamp;
      state[b + SOURCE] = stamp;
      state[b + HOPS] = 0;
      state[b + GENERATION] = 0;
      state[b + PARENT_NODE] = -1;
      state[b + PARENT_EDGE] = -1;
      state[b + PACKED] = (graph.kind[s] === K.system ? ADMIN : 0) << 8;
      state[b + FLAGS] = 0;
      order[this.count++] = s;
      seeds.push(s);
    }
    this.runGenerations(seeds, 0);

    if (options.nextResolve !== false && this.deferredCount > 0 && !this.stoppedEarly) {
      this.phaseNext = true;
      const roundStart = this.count;
      const deferred = this.deferred;
      for (let d = 0; d < this.deferredCount * 3; d += 3) this.takeStep(deferred[d], deferred[d + 1], deferred[d + 2]);
      const next: number[] = [];
      for (let i = roundStart; i < this.count; i++) next.push(order[i]);
      next.sort((a, b) => state[a * STRIDE + HOPS] - state[b * STRIDE + HOPS]);
      this.tail = 0;
      this.runGenerations(next, roundStart);
      for (let i = roundStart; i < this.count; i++) {
        const g = state[order[i] * STRIDE + GENERATION];
        if (g > this.maxGeneration) this.maxGeneration = g;
      }
    }
    return this;
  }

  /**
   * Breadth-first from the seeds (hop-sorted) through the queue, then the worm: every package that
   * became publishable in this round is republished, and what that reaches seeds the next round.
   */
  private runGenerations(firstSeeds: number[], firstRoundStart: number): void {
    const { graph, state, order, queue } = this;
    const stamp = this.stamp;
    let seeds = firstSeeds;
    let roundStart = firstRoundStart;
    for (;;) {
      let head = 0;
      let seedAt = 0;
      this.tail = 0;
      // Merge the (hop-sorted) seeds with the FIFO queue so nodes leave in hop order.
      while (!this.stoppedEarly) {
        let u: number;
        if (seedAt < seeds.length && (head === this.tail || state[seeds[seedAt] * STRIDE + HOPS] <= state[queue[head] * STRIDE + HOPS])) u = seeds[seedAt++];
        else if (head < this.tail) u = queue[head++];
        else break;
        // Packages reached are republished between generations; a package that is itself the
        // source reaches its fresh resolvers at once.
        if (graph.kind[u] !== K.package) this.expand(u, state[u * STRIDE + GENERATION], false);
        else if (state[u * STRIDE + SOURCE] === stamp) this.expand(u, 0, false);
      }
      if (this.stoppedEarly) return;

      const next: number[] = [];
      const roundEnd = this.count;
      for (let i = roundStart; i < roundEnd && !this.stoppedEarly; i++) {
        const pkg = order[i];
        if (graph.kind[pkg] !== K.package || state[pkg * STRIDE + SOURCE] === stamp) continue;
        const before = this.count;
        this.expand(pkg, state[pkg * STRIDE + GENERATION] + 1, true);
        for (let j = before; j < this.count; j++) next.push(order[j]);
      }
      if (this.stoppedEarly || next.length === 0) return;
      for (const v of next) if (state[v * STRIDE + GENERATION] > this.maxGeneration) this.maxGeneration = state[v * STRIDE + GENERATION];
      next.sort((a, b) => state[a * STRIDE + HOPS] - state[b * STRIDE + HOPS]);
      seeds = next;
      roundStart = roundEnd;
    }
  }

  // Per-walk settings read by expand (fields rather than a closure: the walk's inner loop stays
  // free of calls and of captured-variable loads).
  private maxHops = 0;
  private mask = ALL_EXPOSURES;
  private overlay: Overlay | null = null;
  private stopAtScore = 0;
  private tail = 0;
  private allowedPins: Uint8Array | null = null;
  /** true while walking what next-resolve steps give */
  private phaseNext = false;
  /** next-resolve steps met while walking what is reached now: (node, step index, generation) */
  private deferred = new Int32Array(3 * 64);
  private deferredCount = 0;

  private defer(u: number, stepIndex: number, gen: number): void {
    if ((this.deferredCount + 1) * 3 > this.deferred.length) {
      const bigger = new Int32Array(this.deferred.length * 2);
      bigger.set(this.deferred);
      this.deferred = bigger;
    }
    const at = this.deferredCount++ * 3;
    this.deferred[at] = u;
    this.deferred[at + 1] = stepIndex;
    this.deferred[at + 2] = gen;
  }

  /** Takes one deferred next-resolve step (its target joins the walk unless already reached). */
  private takeStep(u: number, stepIndex: number, gen: number): void {
    // it passed the worm/source check when it was deferred
    this.worm = true;
    this.expandRange(u, gen, stepIndex, stepIndex + STEP_STRIDE);
  }

  /** Takes every step out of u; nodes it reaches (or reaches better) join generation gen. */
  private expand(u: number, gen: number, worm: boolean): void {
    const offsets = this.table.offsets;
    this.worm = worm;
    this.expandRange(u, gen, offsets[u] * STEP_STRIDE, offsets[u + 1] * STEP_STRIDE);
  }

  private worm = false;

  private expandRange(u: number, gen: number, start: number, end: number): void {
    const { graph, state, order, queue, seen } = this;
    const ub = u * STRIDE;
    const h = state[ub + HOPS] + 1;
    if (h > this.maxHops) return;
    const steps = this.table.steps;
    const stamp = this.stamp;
    const mask = this.mask;
    const disabled = this.overlay?.disabledEdges ?? null;
    const ignores = this.overlay?.ignoresScripts ?? null;
    const fromExposure = state[ub + PACKED] & 0xff;
    const fromPrivilege = (state[ub + PACKED] >> 8) & 0xff;
    const phaseNext = this.phaseNext;
    const fromFlags = state[ub + FLAGS] | (phaseNext ? REACH_FLAG.nextResolve : 0);
    const skip = this.worm ? SOURCE_ONLY : WORM_ONLY;
    const scoring = this.stopAtScore !== Number.MAX_SAFE_INTEGER;
    for (let i = start; i < end; i += STEP_STRIDE) {
      const v = steps[i + STEP_TO];
      const e = steps[i + STEP_EDGE];
      if (disabled !== null && (disabled[e] === 1 || (steps[i + STEP_GATE] >= 0 && disabled[steps[i + STEP_GATE]] === 1))) continue;
      const meta = steps[i + STEP_META];
      const code = meta & 0xff;
      let level = (meta >> 8) & 0xff;
      const priv = (meta >> 16) & 0xff;
      const condition = meta >>> 24;
      let reachedExposure = level > fromExposure ? level : fromExposure;
      let flags = fromFlags;
      if (condition !== 0) {
        if ((condition & skip) !== 0) continue;
        if ((condition & NEEDS_WRITE) !== 0 && fromPrivilege < WRITE) continue;
        if ((condition & PINNED) !== 0 && (this.allowedPins === null || this.allowedPins[e] !== 1)) continue;
        if ((condition & NEXT_RESOLVE) !== 0 && !phaseNext) {
          if (seen[v] !== stamp) this.defer(u, i, gen);
          continue;
        }
        if ((condition & INSTALL_SCRIPTS) !== 0 && ignores !== null && ignores[v] === 1) level = RUNTIME;
        // the attacker's own republished version is a new foothold: its exposure starts over
        reachedExposure = (condition & NEW_FOOTHOLD) !== 0 ? level : level > fromExposure ? level : fromExposure;
        if ((condition & NEXT_RESOLVE) !== 0) flags |= REACH_FLAG.nextResolve;
        if ((condition & ASSUMED) !== 0) flags |= REACH_FLAG.assumed;
      }
      if (((1 << reachedExposure) & mask) === 0) continue;
      const vb = v * STRIDE;
      if (seen[v] !== stamp) {
        seen[v] = stamp;
        state[vb + HOPS] = h;
        state[vb + GENERATION] = gen;
        state[vb + PARENT_NODE] = u;
        state[vb + PARENT_EDGE] = e;
        state[vb + PACKED] = reachedExposure | (priv << 8) | (code << 16) | (level << 24);
        state[vb + FLAGS] = flags;
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
      const held = (state[vb + PACKED] >> 8) & 0xff;
      // what is reached now is never re-explained by a next-resolve path; but write access gained
      // on the next resolve still yields a system's stored secrets (as next-resolve, below it)
      if (phaseNext && (state[vb + FLAGS] & REACH_FLAG.nextResolve) === 0) {
        if (priv > held && held < WRITE && priv >= WRITE && state[vb + SOURCE] !== stamp) {
          state[vb + PACKED] = (state[vb + PACKED] & ~0xff00) | (priv << 8);
          queue[this.tail++] = v;
        }
        continue;
      }
      if (state[vb + SOURCE] === stamp) {
        if (priv > held) state[vb + PACKED] = (state[vb + PACKED] & ~0xff00) | (priv << 8);
        continue;
      }
      if (priv > held) {
        // More access to a system already reached: write access yields its stored secrets, so
        // it is re-parented onto the path that gives it and expanded again.
        state[vb + PACKED] = (state[vb + PACKED] & ~0xff00) | (priv << 8);
        if (held < WRITE && priv >= WRITE) {
          state[vb + GENERATION] = gen;
          this.reparent(v, u, e, code, level, h, reachedExposure, flags, true);
        }
      } else if (state[vb + GENERATION] === gen && h < state[vb + HOPS]) {
        // Within one generation a seed can be reached sooner than it was seeded: take the shorter
        // path and queue it again (the later second expansion finds nothing new).
        this.reparent(v, u, e, code, level, h, reachedExposure, flags, true);
      } else if (state[vb + HOPS] === h && state[vb + GENERATION] === gen && reachedExposure < (state[vb + PACKED] & 0xff)) {
        // Same hop count and generation, stronger exposure: prefer it (v is not expanded yet).
        this.reparent(v, u, e, code, level, h, reachedExposure, flags, false);
      }
    }
  }

  /** Points v at a better parent (its privilege stays as held). */
  private reparent(v: number, u: number, e: number, step: number, level: number, h: number, reachedExposure: number, flags: number, requeue: boolean): void {
    const vb = v * STRIDE;
    this.state[vb + FLAGS] = flags;
    this.state[vb + HOPS] = h;
    this.state[vb + PARENT_NODE] = u;
    this.state[vb + PARENT_EDGE] = e;
    this.state[vb + PACKED] = reachedExposure | (this.state[vb + PACKED] & 0xff00) | (step << 16) | (level << 24);
    if (requeue) this.queue[this.tail++] = v;
  }
}
