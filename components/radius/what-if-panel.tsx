"use client";

import { useId, useMemo } from "react";
import { describeWhatIfEffect } from "@/lib/graph-view/what-if-effect-words";
import { parseWhatIfControl, WHAT_IF_GROUPS, type TWhatIfCandidate, type TWhatIfGroup } from "@/lib/graph-view/what-if-candidates";
import { useWhatIfEffects } from "@/lib/queries/use-what-if-effects";
import type { TWhatIfEffect } from "@/lib/schemas/what-if-effects";
import { ShowMoreRows } from "./show-more-rows";
import { usePagedRows } from "./use-paged-rows";

// A few per group fit the side panel; a big radius offers thousands (one per job and secret).
const SHOWN_PER_GROUP = 6;

/**
 * Controls that would cut this radius, as toggles; applied ones stay listed even once they cut their
 * edge. Beside each, what it changes (measured by the engine before it is ticked, for the toggles on
 * screen): `effectsQuestion` is the radius' API query with its applied controls.
 */
export function WhatIfPanel({
  candidates,
  applied,
  onChange,
  busy,
  effectsQuestion,
  graphVersion,
}: {
  candidates: readonly TWhatIfCandidate[];
  applied: readonly string[];
  onChange: (controls: string[]) => void;
  busy: boolean;
  effectsQuestion: string | null;
  graphVersion: number;
}) {
  const groups = useMemo(() => {
    const all = new Map<string, TWhatIfCandidate>(candidates.map((candidate) => [candidate.control, candidate]));
    for (const control of applied) {
      if (all.has(control)) continue;
      const parsed = parseWhatIfControl(control);
      if (parsed)
        all.set(control, {
          control,
          group: parsed.group,
          label: `${WHAT_IF_GROUPS[parsed.group]}: ${parsed.ref}${parsed.target ? ` → ${parsed.target}` : ""}`,
        });
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
          effectsQuestion={effectsQuestion}
          graphVersion={graphVersion}
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
  effectsQuestion,
  graphVersion,
  isApplied,
  onToggle,
}: {
  group: TWhatIfGroup;
  items: readonly TWhatIfCandidate[];
  resetOn: unknown;
  effectsQuestion: string | null;
  graphVersion: number;
  isApplied: (control: string) => boolean;
  onToggle: (control: string, on: boolean) => void;
}) {
  // Toggling a control rebuilds the list; only a new radius (new candidates) folds it back.
  const page = usePagedRows(items, { first: SHOWN_PER_GROUP, resetOn });
  // Measured for the rows on screen only: a big radius offers thousands of controls, one walk each.
  const effects = useWhatIfEffects(
    effectsQuestion,
    graphVersion,
    page.visible.map((candidate) => candidate.control),
    SHOWN_PER_GROUP,
  );
  const countId = `what-if-${group}-count`;
  const effectId = useId();
  return (
    <fieldset aria-describedby={page.paged ? countId : undefined}>
      <legend>{WHAT_IF_GROUPS[group]}</legend>
      <div ref={page.containerRef}>
        {page.visible.map((candidate, index) => (
          <div key={candidate.control} className="what-if-option" data-testid="what-if-option">
            <label>
              <input
                type="checkbox"
                checked={isApplied(candidate.control)}
                onChange={(event) => onToggle(candidate.control, event.target.checked)}
                aria-describedby={effectsQuestion !== null ? `${effectId}-${index}` : undefined}
              />
              <span>{candidate.label}</span>
            </label>
            {effectsQuestion !== null ? (
              <WhatIfEffectLine id={`${effectId}-${index}`} effect={effects.byControl.get(candidate.control)} failed={effects.error !== null} />
            ) : null}
          </div>
        ))}
      </div>
      {effects.error ? (
        <p className="what-if-effect" data-tone="error" role="alert">
          Could not measure what these change: {effects.error.message}
        </p>
      ) : null}
      <ShowMoreRows page={page} onShowMore={page.showMore} id={countId} />
    </fieldset>
  );
}

function WhatIfEffectLine({ id, effect, failed }: { id: string; effect: TWhatIfEffect | undefined; failed: boolean }) {
  if (!effect && failed) return null;
  const words = describeWhatIfEffect(effect);
  return (
    <p id={id} className="what-if-effect" data-tone={words.tone} data-testid="what-if-effect">
      {words.text}
    </p>
  );
}
