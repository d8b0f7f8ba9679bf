import type { InventorySpec } from "@/lib/schemas/inventory-query";
import { KindGlyph } from "@/components/graph/kind-glyph";

export function InventoryTitle({ spec }: { spec: InventorySpec }) {
  return (
    <h1 id="inventory-title">
      <KindGlyph kind={spec.nodeKind} /> {spec.label}
    </h1>
  );
}
