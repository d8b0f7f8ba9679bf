"use client";

import "./inventory.css";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { INVENTORY_SPECS, parseInventoryQuery, type TInventoryKind, type TInventoryPage } from "@/lib/schemas/inventory-query";
import { InvalidInventoryQuery } from "./invalid-inventory-query";
import { InventoryTabs } from "./inventory-tabs";
import { InventoryTitle } from "./inventory-title";
import { InventoryView } from "./inventory-view";

// The inventory of one kind. The view's state is the URL's query string (use-inventory-navigation.ts
// writes it, useSearchParams reads it back); an address this kind cannot show is explained here,
// before anything is fetched.

export function InventoryPage({ kind, initial }: { kind: TInventoryKind; initial: { search: string; page: TInventoryPage } | null }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const parsed = useMemo(() => parseInventoryQuery(kind, new URLSearchParams(searchParams.toString())), [kind, searchParams]);

  if (!parsed.ok) {
    return (
      <section aria-labelledby="inventory-title">
        <InventoryTitle spec={INVENTORY_SPECS[kind]} />
        <InventoryTabs current={kind} />
        <InvalidInventoryQuery errors={parsed.errors} clearHref={pathname} />
      </section>
    );
  }
  return <InventoryView kind={kind} query={parsed.query} initial={initial} />;
}
