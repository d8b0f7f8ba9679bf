"use client";

import { useActionState } from "react";
import { openIncidentAction, type IncidentFormState } from "@/lib/actions/incidents";
import styles from "./incidents.module.css";

const initial: IncidentFormState = { errors: [] };

export function OpenIncidentForm({
  refs,
  advisories,
  commander,
  defaultTitle,
  now,
}: {
  refs: string[];
  advisories: string[];
  commander: string;
  defaultTitle: string;
  now: string;
}) {
  const [state, action, pending] = useActionState(openIncidentAction, initial);
  return (
    <form action={action} className={styles.form} aria-label="Open incident">
      {state.errors.length > 0 ? (
        <div className="error-box" role="alert">
          <strong>The incident was not opened:</strong>
          <ul>
            {state.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <label>
        Title
        <input name="title" required minLength={3} maxLength={200} defaultValue={defaultTitle} />
      </label>
      <label>
        Compromised packages, versions or nodes (one per line)
        <textarea name="refs" rows={3} defaultValue={refs.join("\n")} placeholder="pkg:npm/chalk@5.6.1" />
      </label>
      <label>
        Advisories (one per line)
        <textarea name="advisories" rows={2} defaultValue={advisories.join("\n")} placeholder="MAL-2025-46969" />
      </label>
      <div className={styles.row}>
        <label>
          Compromise window start (UTC)
          <input type="datetime-local" name="windowStart" required defaultValue={now} />
        </label>
        <label>
          End (UTC, empty while ongoing)
          <input type="datetime-local" name="windowEnd" />
        </label>
      </div>
      <div className={styles.row}>
        <label>
          Incident commander
          <input name="commander" required defaultValue={commander} />
        </label>
        <label>
          Severity
          <select name="severity" defaultValue="critical">
            <option value="critical">critical</option>
            <option value="high">high</option>
            <option value="medium">medium</option>
            <option value="low">low</option>
          </select>
        </label>
      </div>
      <p className="muted">The blast radius is computed and snapshotted when the incident opens.</p>
      <button type="submit" className="button button-danger" disabled={pending}>
        {pending ? "Opening…" : "Open incident"}
      </button>
    </form>
  );
}
