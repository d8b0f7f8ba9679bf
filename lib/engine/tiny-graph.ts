import type { TEdgeKind, TNodeKind } from "@/lib/schemas/graph-facts";
import { buildEngineGraph, EdgeColumns, type EdgeRow, type EngineGraph, type NodeRow } from "./graph";

// Hand-built graphs for the engine's tests: nodes by key (kind from the key's prefix unless
// given), edges as [kind, from key, to key, extra]. Ids are 1.. in declaration order.

type NodeSpec = string | [key: string, extra: Partial<NodeRow>];
type EdgeSpec = [kind: TEdgeKind, from: string, to: string, extra?: Partial<EdgeRow>];

const PREFIX_KIND: [string, TNodeKind][] = [
  ["publisher:", "publisher"],
  ["identity:", "identity"],
  ["secret:", "secret"],
  ["context:", "context"],
  ["runner:", "runner"],
  ["system:", "system"],
  ["action:", "action"],
  ["advisory:", "advisory"],
];

function kindOf(key: string): TNodeKind {
  if (key.startsWith("pkg:")) return key.includes("@", key.lastIndexOf("/")) ? "packageVersion" : "package";
  const match = PREFIX_KIND.find(([prefix]) => key.startsWith(prefix));
  if (!match) throw new Error(`tiny graph: cannot tell the kind of ${key}`);
  return match[1];
}

export function tinyGraph(nodes: NodeSpec[], edges: EdgeSpec[], version = 1): EngineGraph {
  const rows: NodeRow[] = nodes.map((spec, i) => {
    const [key, extra] = typeof spec === "string" ? [spec, {}] : spec;
    return { id: i + 1, kind: kindOf(key), key, name: key.slice(key.indexOf(":") + 1), ...extra };
  });
  const idOf = new Map(rows.map((row) => [row.key, row.id]));
  const id = (key: string) => {
    const found = idOf.get(key);
    if (found === undefined) throw new Error(`tiny graph: edge names unknown node ${key}`);
    return found;
  };
  const edgeRows: EdgeRow[] = edges.map(([kind, from, to, extra]) => ({ kind, from: id(from), to: id(to), ...extra }));
  return buildEngineGraph({ version, nodes: rows, edges: EdgeColumns.of(edgeRows) });
}
