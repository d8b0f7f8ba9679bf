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

// Per-node walk state, packed so that reaching a node touches one cache line instead of nine
// arrays (at 100k identities the walk is bound by cache misses, not by arithmetic).
const STRIDE = 8;
const SEEN = 0; // walk stamp when reached
const SOURCE = 1; // walk stamp when a source
const HOPS = 2;
const GENERATION = 3;
const PARENT_NODE = 4;
const PARENT_EDGE = 5;
const PACKED = 6; // exposure | privilege << 8 | parent step << 16 | step level << 24

/** Buffers for one walk at a time over one graph; the result of a walk is valid until the next. */
export class RadiusWorkspace {
  readonly graph: EngineGraph;
  private readonly table: StepTable;
  private stamp = 0;
  private readonly state: Int32Array;
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
    this.order = new Int32Array(n);
    // a node can be queued more than once (a system when write access to it is gained, a seed
    // reached sooner than seeded); 3n bounds both
    this.queue = new Int32Array(3 * n + 1);
  }

  reached(v: number): boolean {
    return this.state[v * STRIDE + SEEN] === this.stamp;
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

  /** Runs the walk; read the answer through order[0..count) and the accessors above. */
  walk(sources: readonly number[], options: WalkOptions = {}): this {
    const graph = this.graph;
    this.maxHops = options.maxHops ?? Number.MAX_SAFE_INTEGER;
    this.mask = exposureMask(options.exposures);
    this.overlay = options.overlay ?? null;
    this.stopAtScore = options.stopAtScore ?? Number.MAX_SAFE_INTEGER;
    const stamp = ++this.stamp;
    const { state, order, queue } = this;
    this.count = 0;
    this.maxGeneration = 0;
    this.score = 0;
    this.stoppedEarly = false;

    let seeds: number[] = [];
    for (const s of sources) {
      const b = s * STRIDE;
      if (state[b + SEEN] === stamp) continue;
      state[b + SEEN] = stamp;
      state[b + SOURCE] = stamp;
      state[b + HOPS] = 0;
      state[b + GENERATION] = 0;
      state[b + PARENT_NODE] = -1;
      state[b + PARENT_EDGE] = -1;
      state[b + PACKED] = (graph.kind[s] === K.system ? ADMIN : 0) << 8;
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
        if (seedAt < seeds.length && (head === this.tail || state[seeds[seedAt] * STRIDE + HOPS] <= state[queue[head] * STRIDE + HOPS])) u = seeds[seedAt++];
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
        if (graph.kind[pkg] !== K.package || state[pkg * STRIDE + SOURCE] === stamp) continue;
        const before = this.count;
        this.expand(pkg, gen + 1);
        for (let j = before; j < this.count; j++) next.push(order[j]);
      }
      if (this.stoppedEarly || next.length === 0) break;
      gen += 1;
      this.maxGeneration = gen;
      next.sort((a, b) => state[a * STRIDE + HOPS] - state[b * STRIDE + HOPS]);
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
    const { graph, state, order, queue } = this;
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
    const scoring = this.stopAtScore !== Number.MAX_SAFE_INTEGER;
    const offsets = this.table.offsets;
    for (let i = offsets[u] * STEP_STRIDE, end = offsets[u + 1] * STEP_STRIDE; i < end; i += STEP_STRIDE) {
      const v = steps[i + STEP_TO];
      const e = steps[i + STEP_EDGE];
      if (disabled !== null && (disabled[e] === 1 || (steps[i + STEP_GATE] >= 0 && disabled[steps[i + STEP_GATE]] === 1))) continue;
      const meta = steps[i + STEP_META];
      const code = meta & 0xff;
      let level = (meta >> 8) & 0xff;
      const priv = (meta >> 16) & 0xff;
      const condition = meta >>> 24;
      if (condition !== 0) {
        if ((condition & NEEDS_WRITE) !== 0 && fromPrivilege < WRITE) continue;
        if ((condition & INSTALL_SCRIPTS) !== 0 && ignores !== null && ignores[v] === 1) level = RUNTIME;
      }
      const reachedExposure = level > fromExposure ? level : fromExposure;
      if (((1 << reachedExposure) & mask) === 0) continue;
      const vb = v * STRIDE;
      if (state[vb + SEEN] !== stamp) {
        state[vb + SEEN] = stamp;
        state[vb + HOPS] = h;
        state[vb + GENERATION] = gen;
        state[vb + PARENT_NODE] = u;
        state[vb + PARENT_EDGE] = e;
        state[vb + PACKED] = reachedExposure | (priv << 8) | (code << 16) | (level << 24);
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
          this.reparent(v, u, e, code, level, h, reachedExposure, true);
        }
      } else if (state[vb + GENERATION] === gen && h < state[vb + HOPS]) {
        // Within one generation a seed can be reached sooner than it was seeded: take the shorter
        // path and queue it again (the later second expansion finds nothing new).
        this.reparent(v, u, e, code, level, h, reachedExposure, true);
      } else if (state[vb + HOPS] === h && state[vb + GENERATION] === gen && reachedExposure < (state[vb + PACKED] & 0xff)) {
        // Same hop count and generation, stronger exposure: prefer it (v is not expanded yet).
        this.reparent(v, u, e, code, level, h, reachedExposure, false);
      }
    }
  }

  /** Points v at a better parent (its privilege stays as held). */
  private reparent(v: number, u: number, e: number, step: number, level: number, h: number, reachedExposure: number, requeue: boolean): void {
    const vb = v * STRIDE;
    this.state[vb + HOPS] = h;
    this.state[vb + PARENT_NODE] = u;
    this.state[vb + PARENT_EDGE] = e;
    this.state[vb + PACKED] = reachedExposure | (this.state[vb + PACKED] & 0xff00) | (step << 16) | (level << 24);
    if (requeue) this.queue[this.tail++] = v;
  }
}
