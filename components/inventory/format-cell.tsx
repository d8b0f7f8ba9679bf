import type { ReactNode } from "react";
import { valueLabel } from "@/lib/labels/value-labels";
import type { TInventoryCell } from "@/lib/schemas/inventory-query";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;
const BADGE_VALUES: Record<string, string> = {
  critical: "badge-critical",
  high: "badge-high",
  medium: "badge-medium",
  low: "badge-low",
  install: "badge-critical",
  job: "badge-high",
  runner: "badge-medium",
  runtime: "badge-low",
  longLived: "badge-high",
};

/** How one inventory or attribute value reads in a table cell. */
export function formatCell(value: TInventoryCell | undefined): ReactNode {
  if (value === null || value === undefined || value === "") return <span className="muted">—</span>;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en");
  if (Array.isArray(value)) return value.length ? value.join(", ") : <span className="muted">—</span>;
  if (ISO_DATE.test(value))
    return (
      <time dateTime={value} title={value}>
        {value.slice(0, 10)}
      </time>
    );
  const badge = BADGE_VALUES[value];
  if (badge) return <span className={`badge ${badge}`}>{valueLabel(value)}</span>;
  return valueLabel(value);
}
