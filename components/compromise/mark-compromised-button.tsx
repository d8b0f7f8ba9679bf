"use client";

import { useAssumedCompromised, useToggleAssumedCompromised } from "@/lib/queries/use-assumed-compromised";

// Drop-in toggle for the shared "assumed compromised" set (BloodHound's Owned), for detail pages,
// the explorer's side panel and the blast-radius page. The set lives in the database, so a mark
// made here shows up for everyone and in every radius.

/**
 * `knownCompromised`: the node is compromised by the graph's own facts (a malicious version, an
 * advisory); marking it "assumed compromised" too would change nothing, so no button is offered
 * (unless it is marked already, so the mark can still be taken back).
 */
export function MarkCompromisedButton({
  nodeKey,
  nodeName,
  compact = false,
  knownCompromised = false,
}: {
  nodeKey: string;
  nodeName?: string;
  compact?: boolean;
  knownCompromised?: boolean;
}) {
  const assumed = useAssumedCompromised();
  const toggle = useToggleAssumedCompromised();
  const marked = assumed.data?.some((item) => item.key === nodeKey) ?? false;
  const name = nodeName ?? nodeKey;
  const busy = assumed.isPending || toggle.isPending;
  if (knownCompromised && !marked) return null;
  return (
    <span className="mark-compromised">
      <button
        type="button"
        className={marked ? "button" : "button button-danger"}
        aria-pressed={marked}
        disabled={busy}
        title={marked ? `Take ${name} out of the assumed-compromised set` : `Add ${name} to the shared assumed-compromised set`}
        onClick={() => toggle.mutate({ ref: nodeKey, mark: !marked })}
      >
        {marked ? (compact ? "Unmark" : "Unmark compromised") : compact ? "Mark compromised" : "☣ Mark as compromised"}
      </button>
      {toggle.error ? (
        <span role="alert" className="mark-compromised-error">
          {toggle.error.message}
        </span>
      ) : null}
    </span>
  );
}
