"use client";

import { useState } from "react";
import type { TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import { NodeSearchBox } from "./node-search-box";
import type { TSetRadiusSource } from "./use-radius-view";

export interface TAdvisoryChoice {
  advisoryId: string;
  summary: string | null;
  malicious: boolean;
}

const ADVISORY_PREFIX = "advisory:";

/** Where the compromise starts: a node found by search (alone or added to the sources), or an advisory. */
export function RadiusSourceControls({
  view,
  advisories,
  setSource,
}: {
  view: TRadiusViewState;
  advisories: readonly TAdvisoryChoice[];
  setSource: TSetRadiusSource;
}) {
  const [addToSources, setAddToSources] = useState(false);
  return (
    <div className="radius-source">
      <NodeSearchBox
        label="Start from a compromised package, publisher, identity, secret, job… or advisory"
        placeholder="e.g. chalk@5.6.1, NPM_TOKEN, MAL-2025-…"
        testId="radius-search"
        onPick={(hit) => {
          if (hit.kind === "advisory" || hit.key.startsWith(ADVISORY_PREFIX)) setSource({ refs: [], advisory: hit.key.replace(ADVISORY_PREFIX, "") });
          else setSource({ refs: [hit.key], advisory: null }, addToSources);
        }}
      />
      <label className="radius-add-toggle">
        <input type="checkbox" checked={addToSources} onChange={(event) => setAddToSources(event.target.checked)} /> add to the current sources
      </label>
      {advisories.length > 0 ? (
        <div className="radius-advisory">
          <label htmlFor="radius-advisory">…or an advisory</label>
          <select
            id="radius-advisory"
            value={view.advisory ?? ""}
            onChange={(event) => event.target.value && setSource({ refs: [], advisory: event.target.value })}
          >
            <option value="">Choose an advisory ({advisories.length})</option>
            {advisories.map((advisory) => (
              <option key={advisory.advisoryId} value={advisory.advisoryId}>
                {advisory.malicious ? "☣ " : ""}
                {advisory.advisoryId}
                {advisory.summary ? ` — ${advisory.summary.slice(0, 80)}` : ""}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
