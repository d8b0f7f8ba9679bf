import Link from "next/link";
import { INVENTORY_KINDS, INVENTORY_SPECS, type TInventoryKind } from "@/lib/schemas/inventory-query";

export function InventoryTabs({ current }: { current: TInventoryKind }) {
  return (
    <nav aria-label="Inventory kinds" className="inventory-tabs">
      {INVENTORY_KINDS.map((kind) => (
        <Link key={kind} href={`/inventory/${kind}`} aria-current={kind === current ? "page" : undefined}>
          {INVENTORY_SPECS[kind].label}
        </Link>
      ))}
    </nav>
  );
}
