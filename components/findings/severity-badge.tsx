import type { TSeverity } from "@/lib/schemas/findings";

export function SeverityBadge({ severity }: { severity: TSeverity }) {
  return <span className={`badge badge-${severity}`}>{severity}</span>;
}
