import Link from "next/link";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { InventorySpec } from "@/lib/schemas/inventory-query";

/** An empty list says why: the filters (and the way out of them), or an empty graph (and how to fill it). */
export function InventoryEmpty({ spec, filtered, clearHref }: { spec: InventorySpec; filtered: boolean; clearHref: string }) {
  const things = NODE_KIND_REGISTRY[spec.nodeKind].count.other;
  return (
    <div className="empty-state" data-testid="inventory-empty">
      {filtered ? (
        <>
          <p>No {things} match these filters.</p>
          <Link href={clearHref}>Clear all filters</Link>
        </>
      ) : (
        <p>
          No {things} in the graph yet. Import workflows, lockfiles or an inventory file with <code>npx blastmap import &lt;path&gt;</code>.
        </p>
      )}
    </div>
  );
}
