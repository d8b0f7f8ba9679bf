import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { InventorySpec } from "@/lib/schemas/inventory-query";

export function InventoryTitle({ spec }: { spec: InventorySpec }) {
  const kind = NODE_KIND_REGISTRY[spec.nodeKind];
  return (
    <h1 id="inventory-title">
      <span aria-hidden="true" style={{ color: kind.colour }}>
        {kind.glyph}
      </span>{" "}
      {spec.label}
    </h1>
  );
}
