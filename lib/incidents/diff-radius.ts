import type { TRadiusDiff } from "@/lib/schemas/incident";
import type { TRadiusSnapshot } from "@/lib/schemas/radius";

/** What a recomputed radius reaches that the snapshot did not, and the reverse, by node key. */
export function diffRadius(before: TRadiusSnapshot, after: TRadiusSnapshot): TRadiusDiff {
  const beforeKeys = new Set(before.nodes.map((node) => node.key));
  const afterKeys = new Set(after.nodes.map((node) => node.key));
  const ref = (node: TRadiusSnapshot["nodes"][number]) => ({ key: node.key, kind: node.kind, name: node.name });
  return {
    before: before.summary,
    after: after.summary,
    added: after.nodes.filter((node) => !beforeKeys.has(node.key)).map(ref),
    removed: before.nodes.filter((node) => !afterKeys.has(node.key)).map(ref),
  };
}
