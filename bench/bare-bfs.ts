import type { EngineGraph } from "@/lib/engine/graph";
import { STEP_EDGE, STEP_STRIDE, STEP_TO, stepTable } from "@/lib/engine/steps";

// The yardstick for the radius walk's own cost (issue 14): a plain breadth-first search over the
// engine's step table, with the same kind of buffers as the walk (typed arrays, an epoch stamp
// instead of clearing, parent node and edge per reached node) and none of its rules (exposure
// levels, privileges, next-resolve, worm generations). The walk can never be cheaper than this;
// the ratio of the two says what the rules cost. It takes every step, so it may reach a few
// nodes the walk's conditions leave out.
export class BareBfs {
  private readonly offsets: Int32Array;
  private readonly steps: Int32Array;
  private readonly seen: Int32Array;
  private readonly parentNode: Int32Array;
  private readonly parentEdge: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;
  /** nodes reached by the last search, sources included */
  count = 0;

  constructor(graph: EngineGraph) {
    const n = graph.nodeCount;
    ({ offsets: this.offsets, steps: this.steps } = stepTable(graph));
    this.seen = new Int32Array(n);
    this.parentNode = new Int32Array(n);
    this.parentEdge = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  search(sources: readonly number[]): this {
    const { offsets, steps, seen, parentNode, parentEdge, queue } = this;
    const stamp = ++this.stamp;
    let tail = 0;
    for (const s of sources) {
      if (seen[s] === stamp) continue;
      seen[s] = stamp;
      parentNode[s] = -1;
      parentEdge[s] = -1;
      queue[tail++] = s;
    }
    for (let head = 0; head < tail; head++) {
      const u = queue[head];
      for (let i = offsets[u] * STEP_STRIDE, end = offsets[u + 1] * STEP_STRIDE; i < end; i += STEP_STRIDE) {
        const v = steps[i + STEP_TO];
        if (seen[v] === stamp) continue;
        seen[v] = stamp;
        parentNode[v] = u;
        parentEdge[v] = steps[i + STEP_EDGE];
        queue[tail++] = v;
      }
    }
    this.count = tail;
    return this;
  }
}
