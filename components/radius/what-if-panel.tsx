"use client";

import { useMemo, useState } from "react";
import { parseWhatIfControl, WHAT_IF_GROUPS, type TWhatIfCandidate, type TWhatIfGroup } from "@/lib/graph-view/what-if-candidates";

const SHOWN_PER_GROUP = 6;

/** Controls that would cut this radius, as toggles; applied ones stay listed even once they cut their edge. */
export function WhatIfPanel({
  candidates,
  applied,
  onChange,
  busy,
}: {
  candidates: readonly TWhatIfCandidate[];
  applied: readonly string[];
  onChange: (controls: string[]) => void;
  busy: boolean;
}) {
  const [expanded, setExpanded] = useState<Set<TWhatIfGroup>>(new Set());
  const groups = useMemo(() => {
    const all = new Map<string, TWhatIfCandidate>(candidates.map((candidate) => [candidate.control, candidate]));
    for (const control of applied) {
      if (all.has(control)) continue;
      const parsed = parseWhatIfControl(control);
      if (parsed) all.set(control, { control, group: parsed.group, label: `${WHAT_IF_GROUPS[parsed.group]}: ${parsed.ref}${parsed.target ? ` → ${parsed.target}` : ""}` });
    }
    const byGroup = new Map<TWhatIfGroup, TWhatIfCandidate[]>();
    for (const candidate of all.values()) byGroup.set(candidate.group, [...(byGroup.get(candidate.group) ?? []), candidate]);
    return byGroup;
  }, [candidates, applied]);
  const appliedSet = new Set(applied);

  if (groups.size === 0) return <p className="muted">No control would cut this radius further.</p>;
  return (
    <div className="what-if" aria-busy={busy}>
      {[...groups.entries()].map(([group, items]) => {
        const shown = expanded.has(group) ? items : items.slice(0, SHOWN_PER_GROUP);
        return (
          <fieldset key={group}>
            <legend>{WHAT_IF_GROUPS[group]}</legend>
            {shown.map((candidate) => (
              <label key={candidate.control} className="what-if-option">
                <input
                  type="checkbox"
                  checked={appliedSet.has(candidate.control)}
                  onChange={(event) => onChange(event.target.checked ? [...applied, candidate.control] : applied.filter((control) => control !== candidate.control))}
                />
                <span>{candidate.label}</span>
              </label>
            ))}
            {items.length > shown.length ? (
              <button type="button" className="link-button" onClick={() => setExpanded(new Set([...expanded, group]))}>
                Show all {items.length}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {applied.length > 0 ? (
        <button type="button" className="button" onClick={() => onChange([])}>
          Clear what-if ({applied.length})
        </button>
      ) : null}
    </div>
  );
}
