"use client";

import type { radiusNodeIndex } from "@/lib/graph-view/radius-csv";
import { radiusApiParams, type TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import type { TWhatIfCandidate } from "@/lib/graph-view/what-if-candidates";
import { RADIUS_PAGE_SIZE } from "@/lib/queries/use-blast-radius";
import type { TPathChains } from "@/lib/queries/use-path";
import type { TRadiusResult, TReachedNode } from "@/lib/schemas/radius";
import { AssumedCompromisedPanel } from "./assumed-compromised-panel";
import { PathExplanation } from "./path-explanation";
import { PathfinderPanel } from "./pathfinder-panel";
import { TopFixesPanel } from "./top-fixes-panel";
import type { TSetRadiusSource, TUpdateRadiusView } from "./use-radius-view";
import { WhatIfPanel } from "./what-if-panel";

/** Beside the picture: the chosen node's path, the pathfinder, the fixes and what-if, the assumed-compromised set. */
export function RadiusSidePanels({
  result,
  view,
  update,
  setSource,
  selectedNode,
  index,
  path,
  more,
  whatIf,
  canMark,
  canWhatIf,
}: {
  result: TRadiusResult;
  view: TRadiusViewState;
  update: TUpdateRadiusView;
  setSource: TSetRadiusSource;
  selectedNode: TReachedNode | null;
  index: ReturnType<typeof radiusNodeIndex>;
  path: { chains: TPathChains | undefined; loading: boolean; error: Error | null };
  more: { load: () => void; loading: boolean };
  whatIf: { candidates: readonly TWhatIfCandidate[]; busy: boolean };
  canMark: boolean;
  canWhatIf: boolean;
}) {
  const select = (key: string | null) => update({ selected: key });
  return (
    <>
      {selectedNode ? (
        <PathExplanation
          node={selectedNode}
          index={index}
          canMark={canMark}
          isSource={selectedNode.path.length === 0 || result.source.nodes.some((node) => node.id === selectedNode.id)}
          onPathFrom={() => update({ pathFrom: selectedNode.key })}
          onPathTo={() => update({ pathTo: selectedNode.key })}
          onClose={() => select(null)}
        />
      ) : view.selected && result.page?.truncated ? (
        <p className="radius-panel muted" data-testid="selected-not-loaded">
          <code>{view.selected}</code> is not among the {result.nodes.length.toLocaleString("en")} nodes loaded so far.{" "}
          <button type="button" className="link-button" onClick={more.load} disabled={more.loading}>
            Load {RADIUS_PAGE_SIZE} more
          </button>
        </p>
      ) : view.selected ? (
        <p className="radius-panel muted">
          <code>{view.selected}</code> is not in this radius.
        </p>
      ) : null}
      <PathfinderPanel
        from={view.pathFrom}
        to={view.pathTo}
        chains={path.chains}
        loading={path.loading}
        error={path.error}
        index={index}
        onChange={(pathFrom, pathTo) => update({ pathFrom, pathTo })}
      />
      {canWhatIf ? (
        <TopFixesPanel
          view={view}
          graphVersion={result.graphVersion}
          onApply={(control) => update({ whatIf: [...new Set([...view.whatIf, control])] }, "push")}
        />
      ) : null}
      {canWhatIf ? (
        <section className="radius-panel" aria-labelledby="what-if-title" data-testid="what-if">
          <h2 id="what-if-title">What if…</h2>
          <WhatIfPanel
            candidates={whatIf.candidates}
            applied={view.whatIf}
            busy={whatIf.busy}
            onChange={(next) => update({ whatIf: next })}
            effectsQuestion={radiusApiParams(view).toString()}
            graphVersion={result.graphVersion}
          />
        </section>
      ) : null}
      <AssumedCompromisedPanel canMark={canMark} onShowCombined={(keys) => setSource({ refs: keys, advisory: null })} onSelect={select} />
    </>
  );
}
