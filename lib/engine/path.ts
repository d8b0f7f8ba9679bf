import type { TPathResult, TPathStep } from "@/lib/schemas/radius";
import { NODE_KIND_CODE, PRIVILEGE_RANK, type EngineGraph } from "./graph";
import { stepInto } from "./radius-result";
import { forEachStep, STEP_CONDITION } from "./steps";

// "Can this package reach the production database?": up to k shortest distinct chains from the
// source nodes to a target, following exactly the propagation rules of the radius (steps.ts).
// Yen's algorithm over breadth-first searches. The search state is a node plus, for a system,
// whether the chain reached it with write access (which is what lets it yield stored secrets).

const K = NODE_KIND_CODE;
const WRITE = PRIVILEGE_RANK.write;
const ROOT = -1;
const NEXT_RESOLVE_BIT = 0x100;

interface Chain {
  /** states: node * 2 + (1 if a system held with write access); first is ROOT */
  states: number[];
  /** per step: edge index, step code, the step's own exposure level */
  edges: number[];
  stepCodes: number[];
  levels: number[];
}

export function findPaths(graph: EngineGraph, sources: readonly number[], target: number, k = 3): Chain[] {
  const sourceSet = new Set(sources);
  const stepKey = (from: number, to: number, edge: number, code: number) => `${from}>${to}:${edge}:${code}`;

  const search = (start: number, bannedNodes: Set<number>, bannedSteps: Set<string>): Chain | null => {
    const parent = new Map<number, { from: number; edge: number; code: number; level: number }>();
    parent.set(start, { from: ROOT, edge: -1, code: -1, level: 0 });
    const queue: number[] = [];
    let found = -1;
    const visit = (from: number, to: number, edge: number, code: number, level: number, privilege: number) => {
      if (found >= 0 || bannedNodes.has(to)) return;
      const state = to * 2 + (graph.kind[to] === K.system && privilege >= WRITE ? 1 : 0);
      if (parent.has(state) || bannedSteps.has(stepKey(from, state, edge, code))) return;
      parent.set(state, { from, edge, code, level });
      if (to === target) found = state;
      else queue.push(state);
    };
    if (start === ROOT) {
      for (const s of sources) if (!bannedNodes.has(s)) visit(ROOT, s, -1, -1, 0, graph.kind[s] === K.system ? WRITE : 0);
    } else if (start >> 1 === target) {
      found = start;
    } else {
      queue.push(start);
    }
    for (let head = 0; head < queue.length && found < 0; head++) {
      const state = queue[head];
      const u = state >> 1;
      // the level carries a next-resolve bit (0x100) so the chain can say which step waits for a resolve
      forEachStep(graph, u, state & 1 ? WRITE : 0, !sourceSet.has(u), null, (to, edge, code, level, privilege, condition) =>
        visit(state, to, edge, code, level | ((condition & STEP_CONDITION.nextResolve) !== 0 ? NEXT_RESOLVE_BIT : 0), privilege),
      );
    }
    if (found < 0) return null;
    const chain: Chain = { states: [], edges: [], stepCodes: [], levels: [] };
    for (let state = found; state !== start;) {
      const p = parent.get(state)!;
      chain.states.push(state);
      chain.edges.push(p.edge);
      chain.stepCodes.push(p.code);
      chain.levels.push(p.level);
      state = p.from;
    }
    chain.states.push(start);
    chain.states.reverse();
    chain.edges.reverse();
    chain.stepCodes.reverse();
    chain.levels.reverse();
    return chain;
  };

  const first = search(ROOT, new Set(), new Set());
  if (!first) return [];
  const accepted: Chain[] = [first];
  const candidates: Chain[] = [];
  const signature = (chain: Chain) => `${chain.states.join(",")}|${chain.edges.join(",")}|${chain.stepCodes.join(",")}`;
  const seen = new Set([signature(first)]);
  while (accepted.length < k) {
    const previous = accepted[accepted.length - 1];
    for (let i = 0; i < previous.states.length - 1; i++) {
      const spur = previous.states[i];
      const rootStates = previous.states.slice(0, i + 1);
      const bannedSteps = new Set<string>();
      for (const chain of accepted) {
        if (chain.states.length > i + 1 && rootStates.every((state, j) => chain.states[j] === state) && sameSteps(chain, previous, i)) {
          bannedSteps.add(stepKey(chain.states[i], chain.states[i + 1], chain.edges[i], chain.stepCodes[i]));
        }
      }
      // the root's nodes may not be revisited (a chain is a simple path)
      const bannedNodes = new Set(rootStates.slice(1, -1).map((state) => state >> 1));
      const spurChain = search(spur, bannedNodes, bannedSteps);
      if (!spurChain) continue;
      const rootNodes = new Set(rootStates.filter((s) => s !== ROOT).map((s) => s >> 1));
      if (spurChain.states.slice(1).some((s) => rootNodes.has(s >> 1) && s !== spur)) continue;
      const chain: Chain = {
        states: [...rootStates, ...spurChain.states.slice(1)],
        edges: [...previous.edges.slice(0, i), ...spurChain.edges],
        stepCodes: [...previous.stepCodes.slice(0, i), ...spurChain.stepCodes],
        levels: [...previous.levels.slice(0, i), ...spurChain.levels],
      };
      const key = signature(chain);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(chain);
    }
    if (!candidates.length) break;
    candidates.sort((a, b) => a.states.length - b.states.length);
    accepted.push(candidates.shift()!);
  }
  return accepted;
}

function sameSteps(a: Chain, b: Chain, upTo: number): boolean {
  for (let j = 0; j < upTo; j++) if (a.edges[j] !== b.edges[j] || a.stepCodes[j] !== b.stepCodes[j]) return false;
  return true;
}

export function toPathResult(graph: EngineGraph, sources: readonly number[], target: number, chains: Chain[]): TPathResult {
  const from = sources.map((v) => graph.describe(v));
  const to = graph.describe(target);
  const mapped = chains.map((chain) => {
    const nodes = chain.states.slice(1).map((state) => graph.describe(state >> 1));
    const steps: TPathStep[] = [];
    // the first step is ROOT -> source and explains nothing
    for (let i = 1; i < chain.edges.length; i++) {
      const level = chain.levels[i];
      steps.push(
        stepInto(graph, chain.states[i + 1] >> 1, chain.states[i] >> 1, chain.edges[i], chain.stepCodes[i], level & 0xff, (level & NEXT_RESOLVE_BIT) !== 0),
      );
    }
    return { hops: steps.length, nodes, steps };
  });
  const fromLabel = sources.length === 1 ? graph.keys[sources[0]] : `${sources.length} source nodes`;
  return {
    from,
    to,
    graphVersion: graph.version,
    found: mapped.length > 0,
    message: mapped.length
      ? `${mapped.length} chain(s) from ${fromLabel} to ${to.key}; the shortest has ${mapped[0].hops} hop(s)`
      : `no chain from ${fromLabel} to ${to.key}: under the propagation rules it cannot be reached`,
    chains: mapped,
  };
}
