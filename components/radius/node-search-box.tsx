"use client";

import { useEffect, useId, useState } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { useNodeSearch } from "@/lib/queries/use-node-search";
import type { TGraphSearchHit } from "@/lib/schemas/graph-view";
import { KindGlyph } from "@/components/graph/kind-glyph";

// One search box across every node kind, as an ARIA 1.2 combobox: arrow keys move through the
// suggestions, Enter picks one, Escape closes. A typed ref that matches nothing (a key pasted from
// the CLI) is picked as typed on Enter, so the API can answer with its closest matches.

export function NodeSearchBox({
  label,
  placeholder,
  onPick,
  kinds = [],
  initialText = "",
  testId,
}: {
  label: string;
  placeholder?: string;
  onPick: (hit: TGraphSearchHit | { key: string; kind: null; name: string }) => void;
  kinds?: readonly string[];
  initialText?: string;
  testId?: string;
}) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [debounced, setDebounced] = useState(initialText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useNodeSearch(open ? debounced : "", kinds);
  const hits = search.data ?? [];
  const listId = `${id}-list`;

  const pick = (hit: TGraphSearchHit | { key: string; kind: null; name: string }) => {
    setOpen(false);
    setActive(-1);
    setText(hit.name);
    onPick(hit);
  };

  return (
    <div className="node-search">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${id}-option-${active}` : undefined}
        placeholder={placeholder}
        value={text}
        data-testid={testId}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => text && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(hits.length - 1, index + 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(-1, index - 1));
          } else if (event.key === "Escape") {
            setOpen(false);
            setActive(-1);
          } else if (event.key === "Enter") {
            event.preventDefault();
            if (active >= 0 && hits[active]) pick(hits[active]);
            else if (hits.length > 0 && debounced === text && hits[0].name.toLowerCase() === text.trim().toLowerCase()) pick(hits[0]);
            else if (text.trim()) pick({ key: text.trim(), kind: null, name: text.trim() });
          }
        }}
      />
      {open && hits.length > 0 ? (
        <ul id={listId} role="listbox" className="node-search-list" aria-label={`${label} suggestions`}>
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "active" : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(hit);
              }}
            >
              <KindGlyph kind={hit.kind} className="node-search-kind" />
              <span className="node-search-name">{hit.name}</span>
              <span className="node-search-meta">
                {NODE_KIND_REGISTRY[hit.kind].label} · <code>{hit.key}</code>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && search.isError ? (
        <p role="alert" className="node-search-error">
          Search failed: {search.error.message}
        </p>
      ) : null}
    </div>
  );
}
