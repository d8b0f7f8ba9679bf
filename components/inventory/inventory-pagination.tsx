import { PAGE_SIZES, type TInventoryPage } from "@/lib/schemas/inventory-query";

export function InventoryPagination({
  page,
  onPage,
  onPageSize,
}: {
  page: TInventoryPage;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
        ← Previous
      </button>
      <span data-testid="inventory-page">
        Page {page.page.toLocaleString("en")} of {page.pageCount.toLocaleString("en")}
      </span>
      <button type="button" className="button" disabled={page.page >= page.pageCount} onClick={() => onPage(page.page + 1)}>
        Next →
      </button>
      <label>
        <span className="muted">Rows </span>
        <select value={page.pageSize} onChange={(event) => onPageSize(Number(event.target.value))} aria-label="Rows per page">
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
