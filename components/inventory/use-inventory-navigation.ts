"use client";

import { usePathname } from "next/navigation";
import { useCallback } from "react";
import { inventoryQueryToParams, type TInventoryQuery } from "@/lib/schemas/inventory-query";

/**
 * Changes the inventory's view by changing its URL: every change is a history entry, so Back
 * undoes it and the link shares the view. A change of filter or sort starts again at page 1;
 * paging itself keeps the rest.
 */
export function useInventoryNavigation(query: TInventoryQuery) {
  const pathname = usePathname();
  return useCallback(
    (change: Partial<TInventoryQuery>, options: { resetPage?: boolean } = { resetPage: true }) => {
      const next = { ...query, ...change, ...(options.resetPage ? { page: 1 } : {}) };
      const search = inventoryQueryToParams(next).toString();
      // Next.js syncs native history calls with useSearchParams, without a server round trip
      window.history.pushState(null, "", search ? `${pathname}?${search}` : pathname);
    },
    [query, pathname],
  );
}

/** Whether the view narrows the list (a search or a filter), rather than only sorting or paging it. */
export const isFiltered = (query: TInventoryQuery): boolean =>
  inventoryQueryToParams({ ...query, sort: undefined, dir: "asc", page: 1, pageSize: 25 }).toString() !== "";
