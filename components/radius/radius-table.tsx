"use client";

import { useMemo, useState } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TReachedNode } from "@/lib/schemas/radius";
import { ShowMoreRows } from "./show-more-rows";
import { AssumedBadge, TimingBadge } from "./timing-badge";
import { usePagedRows } from "./use-paged-rows";
import { SortButtonHeaders } from "@/components/ui/sort-button-headers";

// The picture's accessible alternative: every reached node as a sortable table, drawn a page at a
// time in the chosen order. Selecting a row selects the node, exactly as clicking it in the picture
// does, and its path is shown in words.

type TSortKey = "name" | "kind" | "hops" | "generation" | "exposure" | "timing";
/** `order` is read out under the table: which rows come first, ascending then descending. */
const COLUMNS: { key: TSortKey; label: string; order: [string, string] }[] = [
  { key: "name", label: "Name", order: ["by name, A to Z", "by name, Z to A"] },
  { key: "kind", label: "Kind", order: ["by kind, A to Z", "by kind, Z to A"] },
  { key: "hops", label: "Hops", order: ["nearest first", "farthest first"] },
  { key: "generation", label: "Generation", order: ["earliest worm generation first", "latest worm generation first"] },
  { key: "exposure", label: "Exposure", order: ["by exposure, install first", "by exposure, runtime first"] },
  { key: "timing", label: "When", order: ["reached now first", "reached on the next resolve first"] },
];
const TIMING_ORDER = ["now", "next-resolve"];
const EXPOSURE_ORDER = ["install", "job", "runner", "runtime"];

export function RadiusTable({ nodes, selectedKey, onSelect }: { nodes: readonly TReachedNode[]; selectedKey: string | null; onSelect: (key: string) => void }) {
  const [sort, setSort] = useState<{ key: TSortKey; descending: boolean }>({ key: "hops", descending: false });
  const sorted = useMemo(() => {
    const compare = (a: TReachedNode, b: TReachedNode): number => {
      switch (sort.key) {
        case "name":
          return a.name.localeCompare(b.name, "en");
        case "kind":
          return a.kind.localeCompare(b.kind, "en");
        case "exposure":
          return EXPOSURE_ORDER.indexOf(a.exposure ?? "") - EXPOSURE_ORDER.indexOf(b.exposure ?? "");
        case "timing":
          return TIMING_ORDER.indexOf(a.timing) - TIMING_ORDER.indexOf(b.timing) || Number(a.assumed ?? false) - Number(b.assumed ?? false);
        default:
          return a[sort.key] - b[sort.key];
      }
    };
    return [...nodes].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b) || a.hops - b.hops || a.name.localeCompare(b.name, "en"));
  }, [nodes, sort]);
  // Paging follows the sort: another order (or another radius) starts again from its top.
  const page = usePagedRows(sorted);
  const order = COLUMNS.find((column) => column.key === sort.key)!.order[sort.descending ? 1 : 0];

  return (
    <>
      <div className="radius-table-wrap">
        <table
          className="table radius-table"
          aria-label="Reached nodes"
          aria-describedby={page.paged ? "radius-table-count" : undefined}
          data-testid="radius-table"
        >
          <caption className="muted">{nodes.length.toLocaleString("en")} nodes. Sort with the column buttons; choose a node to see how it is reached.</caption>
          <thead>
            <tr>
              <SortButtonHeaders columns={COLUMNS} sort={sort} onSort={setSort} />
            </tr>
          </thead>
          <tbody ref={page.containerRef}>
            {page.visible.map((node) => (
              <tr key={node.id} aria-selected={node.key === selectedKey} className={node.key === selectedKey ? "selected" : undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(node.key)} aria-label={`${node.name}: show how it is reached`}>
                    {node.name}
                  </button>
                  <div className="muted">
                    <code>{node.key}</code>
                  </div>
                </td>
                <td>{NODE_KIND_REGISTRY[node.kind].label}</td>
                <td>{node.hops}</td>
                <td>{node.generation}</td>
                <td>{node.exposure ?? <span className="muted">—</span>}</td>
                <td data-testid="radius-table-timing">
                  <TimingBadge timing={node.timing} />
                  {node.assumed ? <AssumedBadge /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMoreRows page={page} onShowMore={page.showMore} id="radius-table-count" order={order} />
    </>
  );
}
