import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import { valueLabel } from "@/lib/labels/value-labels";
import type { InventorySpec, TInventoryPage, TInventoryQuery } from "@/lib/schemas/inventory-query";
import { formatCell } from "./format-cell";
import { nodeHref } from "@/lib/graph-view/node-href";

// One page of an inventory as a table. It is sorted on the server (the URL's sort and dir), so a
// header click asks for a new sort rather than reordering these rows.

type TSort = Pick<TInventoryQuery, "sort" | "dir">;

export function InventoryTable({
  spec,
  page,
  sort,
  busy,
  onSort,
}: {
  spec: InventorySpec;
  page: TInventoryPage;
  /** the sort in force: the URL's, or the kind's default */
  sort: Required<TSort>;
  busy: boolean;
  onSort: (sort: TSort) => void;
}) {
  return (
    <TableScroll label={spec.label}>
      <table className="table inventory-table" aria-busy={busy} aria-label={spec.label} data-testid="inventory-table">
        <thead>
          <tr>
            {spec.columns.map((column) => {
              const active = sort.sort === column.id;
              const ariaSort = active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined;
              return (
                <th key={column.id} aria-sort={ariaSort} scope="col">
                  {column.sortable ? (
                    <button type="button" onClick={() => onSort({ sort: column.id, dir: active && sort.dir === "asc" ? "desc" : "asc" })}>
                      {column.label}
                      <span aria-hidden="true">{active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
            {spec.flags.length ? <th scope="col">Risk</th> : null}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id} data-testid="inventory-row">
              {spec.columns.map((column) =>
                column.id === "name" ? (
                  <td key={column.id} className="name-cell">
                    <Link href={nodeHref(row.id)}>{row.name}</Link> {row.compromised ? <span className="badge badge-danger">compromised</span> : null}{" "}
                    {row.assumedCompromised ? <span className="badge badge-danger">assumed compromised</span> : null}
                  </td>
                ) : (
                  <td key={column.id}>{formatCell(row.cells[column.id])}</td>
                ),
              )}
              {spec.flags.length ? (
                <td>
                  <span className="flag-list">
                    {row.flags.map((flag) => (
                      <span key={flag} className="badge badge-medium" data-flag={flag}>
                        {valueLabel(flag)}
                      </span>
                    ))}
                  </span>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
