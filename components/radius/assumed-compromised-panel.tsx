"use client";

import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { useAssumedCompromised, useToggleAssumedCompromised } from "@/lib/queries/use-assumed-compromised";

/** The shared assumed-compromised set, and the combined radius of all of it. */
export function AssumedCompromisedPanel({
  canMark,
  onShowCombined,
  onSelect,
}: {
  canMark: boolean;
  onShowCombined: (keys: string[]) => void;
  onSelect: (key: string) => void;
}) {
  const assumed = useAssumedCompromised();
  const toggle = useToggleAssumedCompromised();
  const items = assumed.data ?? [];
  return (
    <section className="radius-panel" aria-labelledby="assumed-title" data-testid="assumed-compromised">
      <h2 id="assumed-title">Assumed compromised ({assumed.isPending ? "…" : items.length})</h2>
      {assumed.isError ? (
        <p role="alert" className="error-box">
          Could not load the set: {assumed.error.message}
        </p>
      ) : null}
      {!assumed.isPending && items.length === 0 ? (
        <p className="muted">Nothing marked yet. Mark a node from its panel, a detail page or the explorer.</p>
      ) : null}
      {items.length > 0 ? (
        <>
          <ul className="assumed-list">
            {items.map((item) => (
              <li key={item.nodeId}>
                <button type="button" className="link-button" onClick={() => onSelect(item.key)} title={item.key}>
                  <span aria-hidden="true">{NODE_KIND_REGISTRY[item.kind].glyph}</span> {item.name}
                </button>
                <span className="muted">
                  {" "}
                  by {item.markedBy}, {new Date(item.markedAt).toLocaleString("en")}
                  {item.note ? ` — ${item.note}` : ""}
                </span>
                {canMark ? (
                  <button
                    type="button"
                    className="link-button"
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate({ ref: item.key, mark: false })}
                    aria-label={`Unmark ${item.name}`}
                  >
                    unmark
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-primary"
            onClick={() => onShowCombined(items.map((item) => item.key))}
            data-testid="show-combined-radius"
          >
            Show combined radius
          </button>
        </>
      ) : null}
      {toggle.error ? (
        <p role="alert" className="error-box">
          {toggle.error.message}
        </p>
      ) : null}
    </section>
  );
}
