"use client";

import { useCallback, useEffect, useRef, useState } from "react";

// A radius reaches tens of thousands of nodes; a list that draws one element per node freezes the
// tab and buries the keyboard user. Long lists on the radius page draw a first page in their
// order and add more on request, keeping the reader's place.

/** Rows drawn at first and added by each "show more". */
export const PAGE_SIZE = 50;

export interface TPageWindow {
  /** How many rows are drawn. */
  shown: number;
  total: number;
  remaining: number;
  /** How many the next "show more" adds. */
  nextStep: number;
  /** Whether the list is long enough to page at all (and so to say how much of it is shown). */
  paged: boolean;
}

/** What of `total` rows to draw when `requested` have been asked for. */
export function pageWindow(total: number, requested: number, first: number = PAGE_SIZE, step: number = PAGE_SIZE): TPageWindow {
  const shown = Math.min(total, Math.max(first, requested));
  const remaining = total - shown;
  return { shown, total, remaining, nextStep: Math.min(step, remaining), paged: total > first };
}

/** The live-announced line under a paged list. `order` says which rows come first, e.g. "most urgent first". */
export function pageWindowText(page: TPageWindow, order?: string): string {
  const total = page.total.toLocaleString("en");
  if (page.remaining === 0) return `All ${total} shown.`;
  return `Showing the first ${page.shown.toLocaleString("en")} of ${total}${order ? `, ${order}` : ""}.`;
}

export interface TPagedRows<TRow> extends TPageWindow {
  visible: readonly TRow[];
  showMore: () => void;
  /** Ref for the element whose children are the rows (a tbody, a list): after "show more" focus goes to the first new one. */
  containerRef: (element: HTMLElement | null) => void;
}

/**
 * The first page of `rows`, and more on request. The count belongs to one `resetOn` value (by
 * default the rows themselves): a new radius, plan or sort order starts again from its top.
 */
export function usePagedRows<TRow>(rows: readonly TRow[], options: { first?: number; step?: number; resetOn?: unknown } = {}): TPagedRows<TRow> {
  const { first = PAGE_SIZE, step = PAGE_SIZE } = options;
  const resetOn = "resetOn" in options ? options.resetOn : rows;
  const [requestedFor, setRequestedFor] = useState({ resetOn, count: first });
  const requested = Object.is(requestedFor.resetOn, resetOn) ? requestedFor.count : first;
  const page = pageWindow(rows.length, requested, first, step);
  const container = useRef<HTMLElement | null>(null);
  const containerRef = useCallback((element: HTMLElement | null) => {
    container.current = element;
  }, []);
  const focusRow = useRef<number | null>(null);

  // After "show more" the keyboard continues at the first new row, not back at the button
  // (which moves down or disappears).
  useEffect(() => {
    if (focusRow.current === null) return;
    const row = container.current?.children[focusRow.current];
    focusRow.current = null;
    row?.querySelector<HTMLElement>("button, a[href], input, select, textarea, [tabindex]")?.focus();
  }, [page.shown]);

  return {
    ...page,
    visible: page.shown === rows.length ? rows : rows.slice(0, page.shown),
    containerRef,
    showMore: () => {
      focusRow.current = page.shown;
      setRequestedFor({ resetOn, count: page.shown + step });
    },
  };
}
