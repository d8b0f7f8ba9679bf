"use client";

import { useMemo } from "react";
import { parseWhatIfControl, WHAT_IF_GROUPS, type TWhatIfCandidate, type TWhatIfGroup } from "@/lib/graph-view/what-if-candidates";
import { ShowMoreRows } from "./show-more-rows";
import { usePagedRows } from "./use-paged-rows";

// A few per group fit the side panel; a big radius offers thousands (one per job and secret).
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
  const groups = useMemo(() => {
    const all = new Map<string, TWhatIfCandidate>(candidates.map((candidate) => [candidate.control, candidate]));
    for (const control of applied) {
      if (all.has(control)) continue;
      const parsed = parseWhatIfControl(control);
      if (parsed) all.set(control, { control, group: parsed.group, label: `${WHAT_IF_GROUPS[parsed.group]}: ${parsed.ref}${parsed.target ? ` → ${parsed.target}` : ""}` });
    }
    const byGroup = new Map<TWhatIfGroup, TWhatIfCandidate[]>();
    for (const candidate of all.values()) {
      const group = byGroup.get(candidate.group);
      if (group) group.push(candidate);
      else byGroup.set(candidate.group, [candidate]);
    }
    return byGroup;
  }, [candidates, applied]);
  const appliedSet = new Set(applied);

  if (groups.size === 0) return <p className="muted">No control would cut this radius further.</p>;
  return (
    <div className="what-if" aria-busy={busy}>
      {[...groups.entries()].map(([group, items]) => (
        <WhatIfGroupFieldset
          key={group}
          group={group}
          items={items}
          resetOn={candidates}
          isApplied={(control) => appliedSet.has(control)}
          onToggle={(control, on) => onChange(on ? [...applied, control] : applied.filter((other) => other !== control))}
        />
      ))}
      {applied.length > 0 ? (
        <button type="button" className="button" onClick={() => onChange([])}>
          Clear what-if ({applied.length})
        </button>
      ) : null}
    </div>
  );
}

function WhatIfGroupFieldset({
  group,
  items,
  resetOn,
  isApplied,
  onToggle,
}: {
  group: TWhatIfGroup;
  items: readonly TWhatIfCandidate[];
  resetOn: unknown;
  isApplied: (control: string) => boolean;
  onToggle: (control: string, on: boolean) => void;
}) {
  // Toggling a control rebuilds the list; only a new radius (new candidates) folds it back.
  const page = usePagedRows(items, { first: SHOWN_PER_GROUP, resetOn });
  const countId = `what-if-${group}-count`;
  return (
    <fieldset aria-describedby={page.paged ? countId : undefined}>
      <legend>{WHAT_IF_GROUPS[group]}</legend>
      <div ref={page.containerRef}>
        {page.visible.map((candidate) => (
          <label key={candidate.control} className="what-if-option">
            <input type="checkbox" checked={isApplied(candidate.control)} onChange={(event) => onToggle(candidate.control, event.target.checked)} />
            <span>{candidate.label}</span>
          </label>
        ))}
      </div>
      <ShowMoreRows page={page} onShowMore={page.showMore} id={countId} />
    </fieldset>
  );
}
