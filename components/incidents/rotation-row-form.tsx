"use client";

import { useActionState } from "react";
import { markRotationAction, type IncidentFormState } from "@/lib/actions/incidents";
import styles from "./incidents.module.css";

const initial: IncidentFormState = { errors: [] };

/** Mark one secret or identity rotated or revoked, with a note. */
export function RotationRowForm({ incidentId, nodeKey, name }: { incidentId: number; nodeKey: string; name: string }) {
  const [state, action, pending] = useActionState(markRotationAction, initial);
  return (
    <form action={action} className={styles.inline} aria-label={`Mark ${name}`}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="nodeKey" value={nodeKey} />
      <input name="note" placeholder="note (optional)" maxLength={1000} className={styles.noteInput} aria-label={`Note for ${name}`} />
      <button type="submit" name="action" value="rotated" className="button" disabled={pending}>
        Mark rotated
      </button>
      <button type="submit" name="action" value="revoked" className="button" disabled={pending}>
        Mark revoked
      </button>
      {state.errors.length ? (
        <span className="error-box" role="alert">
          {state.errors.join("; ")}
        </span>
      ) : null}
    </form>
  );
}
