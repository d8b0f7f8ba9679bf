"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { inventoryQueryToParams, ZInventoryPage, type TInventoryKind, type TInventoryPage, type TInventoryQuery } from "@/lib/schemas/inventory-query";
import { fetchApi } from "./fetch-api";
import { inventoryKeys } from "./keys";

/**
 * One page of an inventory. The previous page stays on screen while the next loads (no flashing
 * table); `initial` is the server-rendered first page, used only for the query it was rendered for.
 */
export function useInventory(kind: TInventoryKind, query: TInventoryQuery, initial?: { search: string; page: TInventoryPage }) {
  const search = inventoryQueryToParams(query).toString();
  return useQuery({
    queryKey: inventoryKeys.list(kind, search),
    queryFn: ({ signal }) => fetchApi(`/api/inventory/${kind}?${search}`, ZInventoryPage, { signal }),
    initialData: initial && initial.search === search ? initial.page : undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
