"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { ShowMoreRows } from "@/components/radius/show-more-rows";
import { usePagedRows } from "@/components/radius/use-paged-rows";
import { sortExplorerRows, type TExplorerRow, type TExplorerSortKey } from "@/lib/graph-view/explorer-rows";
import { SortButtonHeaders } from "@/components/ui/sort-button-headers";
import { nodeHref } from "@/lib/graph-view/node-href";
import { KindGlyph } from "@/components/graph/kind-glyph";

// The picture's alternative: the nodes the explorer has drawn as a sortable table. Each name opens
// the entity's page; "Select" selects the node here and in the picture (which shows it selected
// when the reader switches back).

const COLUMNS: { key: TExplorerSortKey; label: string; order: [string, string] }[] = [
  { key: "name", label: "Name", order: ["by name, A to Z", "by name, Z to A"] },
  { key: "kind", label: "Kind", order: ["by kind, A to Z", "by kind, Z to A"] },
  { key: "key", label: "Key", order: ["by key, A to Z", "by key, Z to A"] },
  { key: "hops", label: "Hops", order: ["nearest the start first", "farthest from the start first"] },
  { key: "degree", label: "Degree", order: ["least connected first", "most connected first"] },
  { key: "repository", label: "Repository", order: ["by repository, A to Z", "by repository, Z to A"] },
];

export function ExplorerTable({
  rows,
  selectedId,
  onSelect,
}: {
  rows: readonly TExplorerRow[];
  selectedId: number | null;
  onSelect: (row: TExplorerRow) => void;
}) {
  const [sort, setSort] = useState<{ key: TExplorerSortKey; descending: boolean }>({ key: "hops", descending: false });
  const sorted = useMemo(() => sortExplorerRows(rows, sort.key, sort.descending), [rows, sort]);
  const page = usePagedRows(sorted);
  const order = COLUMNS.find((column) => column.key === sort.key)!.order[sort.descending ? 1 : 0];
  return (
    <div className="explorer-table-wrap">
      <table
        className="table explorer-table"
        aria-label="Nodes in the explorer"
        aria-describedby={page.paged ? "explorer-table-count" : undefined}
        data-testid="explorer-table"
      >
        <caption className="muted">{rows.length.toLocaleString("en")} nodes drawn. Sort with the column buttons; a name opens the node&apos;s page.</caption>
        <thead>
          <tr>
            <SortButtonHeaders columns={COLUMNS} sort={sort} onSort={setSort} />
            <th scope="col">
              <span className="sr-only">Select</span>
            </th>
          </tr>
        </thead>
        <tbody ref={page.containerRef}>
          {page.visible.map((row) => {
            const selected = row.id === selectedId;
            return (
              <tr key={row.id} aria-selected={selected} className={selected ? "selected" : undefined} data-node-id={row.id}>
                <td>
                  <Link href={nodeHref(row.id)}>{row.name}</Link>
                </td>
                <td>
                  <KindGlyph kind={row.kind} /> {NODE_KIND_REGISTRY[row.kind].label}
                </td>
                <td>
                  <code className="detail-key">{row.key}</code>
                </td>
                <td>{row.hops ?? <span className="muted">—</span>}</td>
                <td>
                  {row.degree.toLocaleString("en")}
                  {row.hiddenNeighbours > 0 ? <span className="muted"> ({row.hiddenNeighbours.toLocaleString("en")} not drawn)</span> : null}
                </td>
                <td>{row.repository ?? <span className="muted">—</span>}</td>
                <td>
                  <button type="button" className="button" aria-pressed={selected} aria-label={`Select ${row.name}`} onClick={() => onSelect(row)}>
                    {selected ? "Selected" : "Select"}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ShowMoreRows page={page} onShowMore={page.showMore} id="explorer-table-count" order={order} />
    </div>
  );
}
