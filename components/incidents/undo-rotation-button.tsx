"use client";

import { useActionState } from "react";
import { undoRotationAction, type IncidentFormState } from "@/lib/actions/incidents";
import styles from "./incidents.module.css";

const initial: IncidentFormState = { errors: [] };

/** Takes back a rotation or revocation marked by mistake, after the person confirms. */
export function UndoRotationButton({ incidentId, nodeKey, name, action }: { incidentId: number; nodeKey: string; name: string; action: string }) {
  const [state, formAction, pending] = useActionState(undoRotationAction, initial);
  return (
    <form
      action={formAction}
      className={styles.inline}
      aria-label={`Undo ${action} of ${name}`}
      onSubmit={(event) => {
        if (!window.confirm(`Undo "${action}" of ${name}? It goes back to pending; the timeline keeps both the mark and the undo.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="incidentId" value={incidentId} />
      <input type="hidden" name="nodeKey" value={nodeKey} />
      <button type="submit" className="button" disabled={pending}>
        Undo {action}
      </button>
      {state.errors.length ? (
        <span className="error-box" role="alert">
          {state.errors.join("; ")}
        </span>
      ) : null}
    </form>
  );
}
