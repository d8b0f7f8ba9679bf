import type { ReactNode } from "react";

/**
 * The box a wide table scrolls in, so a phone scrolls the table rather than the whole page. It is a
 * labelled, focusable region so a keyboard can scroll it too (WCAG 2.1.1; the pattern from Adrian
 * Roselli's "Under-Engineered Responsive Tables"). `label` is the table's own name; the region says
 * "table" after it, as a page section often carries the bare name (axe: landmark-unique).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={`${label} table`} tabIndex={0}>
      {children}
    </div>
  );
}
