import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { InventoryPage } from "@/components/inventory/inventory-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { listInventory } from "@/lib/data/inventory/list-inventory";
import { getDatabase } from "@/lib/db";
import { INVENTORY_SPECS, inventoryQueryToParams, parseInventoryQuery, ZInventoryKind } from "@/lib/schemas/inventory-query";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const kind = ZInventoryKind.safeParse((await params).kind);
  return { title: kind.success ? INVENTORY_SPECS[kind.data].label : "Inventory" };
}

export default async function Page({ params, searchParams }: Props) {
  await requirePagePermission("graph:read");
  const kind = ZInventoryKind.safeParse((await params).kind);
  if (!kind.success) notFound();
  // The first page is rendered with the HTML; later pages come from the API through the client.
  const query = parseInventoryQuery(kind.data, await searchParams);
  const initial = query.ok
    ? { search: inventoryQueryToParams(query.query).toString(), page: await listInventory((await getDatabase()).prisma, kind.data, query.query) }
    : null;
  // useSearchParams (the view state) wants a Suspense boundary
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <InventoryPage kind={kind.data} initial={initial} />
    </Suspense>
  );
}
