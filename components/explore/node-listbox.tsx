"use client";

import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TExplorerRow } from "@/lib/graph-view/explorer-rows";
import { KindGlyph } from "@/components/graph/kind-glyph";

// The picture's nodes as a listbox, so a keyboard (or screen-reader) user can reach every node the
// canvas draws: arrow keys move the selection (the picture selects the same node), Enter draws the
// node's neighbours. One tab stop with aria-activedescendant, as the ARIA listbox pattern has it,
// rather than a tab stop per node: the list holds up to thousands.

const PAGE_STEP = 10;
export const nodeOptionId = (id: number) => `explorer-node-${id}`;

export function NodeListbox({
  rows,
  selectedId,
  onSelect,
  onExpand,
}: {
  rows: readonly TExplorerRow[];
  selectedId: number | null;
  onSelect: (row: TExplorerRow) => void;
  onExpand: (row: TExplorerRow) => void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  // stable handlers for the memoised options, calling whatever the page passed last
  const callbacks = useRef({ onSelect, onExpand });
  callbacks.current = { onSelect, onExpand };
  const selectRow = useCallback((row: TExplorerRow) => callbacks.current.onSelect(row), []);
  const expandRow = useCallback((row: TExplorerRow) => callbacks.current.onExpand(row), []);
  const index = rows.findIndex((row) => row.id === selectedId);
  const active = index >= 0 ? rows[index] : null;

  // keep the chosen option in sight while the list has the keyboard (not when a click in the
  // picture selects a node: the page must not jump)
  useEffect(() => {
    if (active && document.activeElement === listRef.current) document.getElementById(nodeOptionId(active.id))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const moveTo = (next: number) => {
    const row = rows[Math.min(rows.length - 1, Math.max(0, next))];
    if (row) onSelect(row);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };
    if (event.key in steps) moveTo(index === -1 ? 0 : index + steps[event.key]);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(rows.length - 1);
    else if (event.key === "Enter" && active) onExpand(active);
    else if (event.key === " " && !active) moveTo(0);
    else return;
    event.preventDefault();
  };

  return (
    <section className="explorer-panel explorer-nodes" aria-labelledby="explorer-nodes-title">
      <h2 id="explorer-nodes-title">Nodes in the picture ({rows.length.toLocaleString("en")})</h2>
      <p id="explorer-nodes-help" className="muted">
        Arrow keys choose a node, Enter draws its neighbours.
      </p>
      <ul
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-labelledby="explorer-nodes-title"
        aria-describedby="explorer-nodes-help"
        aria-activedescendant={active ? nodeOptionId(active.id) : undefined}
        onKeyDown={onKeyDown}
        className="explorer-node-list"
        data-testid="explorer-node-list"
      >
        {rows.map((row) => (
          <NodeOption key={row.id} row={row} selected={row.id === selectedId} onSelect={selectRow} onExpand={expandRow} />
        ))}
      </ul>
    </section>
  );
}

// memoised: an arrow key changes two options, not the thousands around them
const NodeOption = memo(function NodeOption({
  row,
  selected,
  onSelect,
  onExpand,
}: {
  row: TExplorerRow;
  selected: boolean;
  onSelect: (row: TExplorerRow) => void;
  onExpand: (row: TExplorerRow) => void;
}) {
  const visual = NODE_KIND_REGISTRY[row.kind];
  return (
    <li id={nodeOptionId(row.id)} role="option" aria-selected={selected} onClick={() => onSelect(row)} onDoubleClick={() => onExpand(row)}>
      <KindGlyph kind={row.kind} /> {row.name}
      <span className="muted">
        {" "}
        · {visual.label}
        {row.hops !== null ? ` · ${row.hops} hop${row.hops === 1 ? "" : "s"}` : ""}
        {row.hiddenNeighbours > 0 ? ` · +${row.hiddenNeighbours.toLocaleString("en")} not drawn` : ""}
      </span>
    </li>
  );
});
