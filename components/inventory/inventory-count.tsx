import type { ReactNode } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { InventorySpec, TInventoryPage } from "@/lib/schemas/inventory-query";

/** "Showing 1–25 of 40 systems", or why there is nothing to show; announced as it changes. */
export function InventoryCount({
  spec,
  page,
  pending,
  fetching,
  filtered,
}: {
  spec: InventorySpec;
  page: TInventoryPage | undefined;
  pending: boolean;
  fetching: boolean;
  filtered: boolean;
}) {
  const things = NODE_KIND_REGISTRY[spec.nodeKind].count.other;
  let text: ReactNode = null;
  if (page && page.total === 0) text = `No ${things}${filtered ? " match these filters" : " yet"}`;
  else if (page) {
    const first = (page.page - 1) * page.pageSize + 1;
    const last = Math.min(page.total, page.page * page.pageSize);
    text = (
      <>
        Showing{" "}
        <strong data-testid="inventory-range">
          {first.toLocaleString("en")}–{last.toLocaleString("en")}
        </strong>{" "}
        of <strong data-testid="inventory-total">{page.total.toLocaleString("en")}</strong> {things}
      </>
    );
  } else if (pending) text = "Loading…";
  return (
    <span role="status" data-testid="inventory-count">
      {text}
      {fetching && page ? <span className="muted"> · updating…</span> : null}
    </span>
  );
}
