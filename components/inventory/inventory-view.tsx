"use client";

import { usePathname } from "next/navigation";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { useInventory } from "@/lib/queries/use-inventory";
import { INVENTORY_SPECS, type TInventoryKind, type TInventoryPage, type TInventoryQuery } from "@/lib/schemas/inventory-query";
import { InventoryEmpty } from "./inventory-empty";
import { InventoryFilters } from "./inventory-filters";
import { InventoryPagination } from "./inventory-pagination";
import { InventoryCount } from "./inventory-count";
import { InventoryTable } from "./inventory-table";
import { InventoryTabs } from "./inventory-tabs";
import { InventoryTitle } from "./inventory-title";
import { TableSkeleton } from "./table-skeleton";
import { isFiltered, useInventoryNavigation } from "./use-inventory-navigation";

// One valid view of an inventory: its rows from GET /api/inventory/[kind] through TanStack Query
// (the first page comes with the HTML), its filters, count, pages and table.

export function InventoryView({
  kind,
  query,
  initial,
}: {
  kind: TInventoryKind;
  query: TInventoryQuery;
  initial: { search: string; page: TInventoryPage } | null;
}) {
  const spec = INVENTORY_SPECS[kind];
  const pathname = usePathname();
  const result = useInventory(kind, query, initial ?? undefined);
  const navigate = useInventoryNavigation(query);
  const page = result.data;
  const filtered = isFiltered(query);

  return (
    <section aria-labelledby="inventory-title">
      <InventoryTitle spec={spec} />
      <InventoryTabs current={kind} />
      <InventoryFilters spec={spec} query={query} onChange={navigate} />

      <div className="inventory-status">
        <InventoryCount spec={spec} page={page} pending={result.isPending} fetching={result.isFetching} filtered={filtered} />
        {page && page.total > 0 ? (
          <InventoryPagination
            page={page}
            onPage={(target) => navigate({ page: target }, { resetPage: false })}
            onPageSize={(pageSize) => navigate({ pageSize })}
          />
        ) : null}
      </div>

      {result.isError && !page ? (
        <div className="error-box" role="alert">
          <p>
            The {NODE_KIND_REGISTRY[spec.nodeKind].count.other} could not be loaded: {result.error.message}
          </p>
          <button type="button" className="button" onClick={() => result.refetch()}>
            Try again
          </button>
        </div>
      ) : null}

      {result.isPending && !page ? <TableSkeleton /> : null}
      {page && page.total === 0 ? <InventoryEmpty spec={spec} filtered={filtered} clearHref={pathname} /> : null}
      {page && page.total > 0 ? (
        <InventoryTable spec={spec} page={page} sort={{ sort: query.sort ?? spec.defaultSort, dir: query.dir }} busy={result.isFetching} onSort={navigate} />
      ) : null}
    </section>
  );
}
