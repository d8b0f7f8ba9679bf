import type { TControlStatus } from "@/lib/schemas/findings";
import styles from "./control-status-badge.module.css";

const LABEL: Record<TControlStatus, string> = { gap: "gap", covered: "covered", "not-assessed": "not assessed" };
const CLASS: Record<TControlStatus, string> = { gap: "badge badge-danger", covered: `badge ${styles.covered}`, "not-assessed": "badge" };

export function ControlStatusBadge({ status }: { status: TControlStatus }) {
  return (
    <span className={CLASS[status]} data-status={status}>
      {LABEL[status]}
    </span>
  );
}
