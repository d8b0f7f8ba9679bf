"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { GraphCanvasHandle } from "@/components/graph/graph-canvas-lazy";
import { nodeElementId } from "@/lib/graph-view/cytoscape-elements";
import { radiusNodeIndex } from "@/lib/graph-view/radius-csv";
import { pathElementIds, radiusPicture } from "@/lib/graph-view/radius-elements";
import { hasRadiusSource } from "@/lib/graph-view/radius-view-state";
import { deriveWhatIfCandidates } from "@/lib/graph-view/what-if-candidates";
import { useAssumedCompromised, useToggleAssumedCompromised } from "@/lib/queries/use-assumed-compromised";
import { useBlastRadius } from "@/lib/queries/use-blast-radius";
import { usePath } from "@/lib/queries/use-path";
import { AssumedCompromisedPanel } from "./assumed-compromised-panel";
import { RadiusError } from "./radius-error";
import { RadiusExportToolbar } from "./radius-export-toolbar";
import { RadiusPicture } from "./radius-picture";
import { RadiusSidePanels } from "./radius-side-panels";
import { RadiusSkeleton } from "./radius-skeleton";
import { RadiusSourceControls, type TAdvisoryChoice } from "./radius-source-controls";
import { RadiusTable } from "./radius-table";
import { RadiusView } from "./radius-view";
import { useRadiusView } from "./use-radius-view";
import { useRevealSelected } from "./use-reveal-selected";
import { useStickySummary } from "./use-sticky-summary";
import "./radius.css";

// The incident commander's page. Every choice lives in the URL (lib/graph-view/radius-view-state.ts),
// so the permalink is the address bar and the back button undoes a click; the radius itself comes
// from GET /api/blast-radius, computed by the engine — this page only presents it.

export function RadiusPage({
  advisories,
  canMark,
  canWhatIf,
  canOpenIncident = false,
}: {
  advisories: readonly TAdvisoryChoice[];
  canMark: boolean;
  canWhatIf: boolean;
  canOpenIncident?: boolean;
}) {
  const { view, update, setSource } = useRadiusView();
  const radius = useBlastRadius(view);
  // Candidates come from the radius without controls, so a toggled control stays on the list.
  const baseline = useBlastRadius({ ...view, whatIf: [] });
  const assumed = useAssumedCompromised();
  const toggle = useToggleAssumedCompromised();
  const path = usePath(view.pathFrom, view.pathTo, 3);
  const canvas = useRef<GraphCanvasHandle>(null);
  const section = useRef<HTMLElement>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const result = radius.data;
  const assumedKeys = useMemo(() => new Set((assumed.data ?? []).map((item) => item.key)), [assumed.data]);
  const index = useMemo(() => (result ? radiusNodeIndex(result) : new Map()), [result]);
  const picture = useMemo(() => (result ? radiusPicture(result, { assumedCompromisedKeys: assumedKeys }) : null), [result, assumedKeys]);
  const byKey = useMemo(() => new Map((result?.nodes ?? []).map((node) => [node.key, node])), [result]);
  const keyOfElement = useCallback((id: string) => index.get(Number(id))?.key ?? null, [index]);
  const candidates = useMemo(() => (baseline.data ? deriveWhatIfCandidates(baseline.data) : []), [baseline.data]);

  const selectedNode = view.selected ? (byKey.get(view.selected) ?? null) : null;
  const chainHighlight = useMemo(() => (path.data ? [...new Set(path.data.chains.flatMap((chain) => pathElementIds(chain)))] : []), [path.data]);
  const highlightedIds = chainHighlight.length > 0 ? chainHighlight : selectedNode ? pathElementIds(selectedNode.path, selectedNode.id) : [];

  const select = (key: string | null) => update({ selected: key });
  const reveal = useRevealSelected({ view, byKey, canvas, section });
  const selectAndReveal = (key: string) => {
    update({ selected: key });
    reveal(key);
  };
  useStickySummary(section, Boolean(result));
  const more = { load: () => void radius.fetchNextPage(), loading: radius.isFetchingNextPage };

  return (
    <section aria-labelledby="radius-title" className="radius-page" ref={section}>
      <h1 id="radius-title">Blast radius</h1>
      <RadiusSourceControls view={view} advisories={advisories} setSource={setSource} />
      {notice ? (
        <p className="radius-notice" role="status">
          {notice}{" "}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            dismiss
          </button>
        </p>
      ) : null}

      {!hasRadiusSource(view) ? (
        <div className="radius-empty-layout">
          <div className="empty-state" data-testid="radius-empty">
            <h2>Where does the compromise start?</h2>
            <p>
              Pick a compromised package version, publisher, identity, secret, CI job or runner in the search box above, or an advisory, and Blastmap shows
              everything an attacker holding it can reach, layer by layer, and what to rotate first.
            </p>
            <p className="muted">Detail pages link here with their node, and the assumed-compromised set can be opened as one combined radius.</p>
          </div>
          <AssumedCompromisedPanel
            canMark={canMark}
            onShowCombined={(keys) => setSource({ refs: keys, advisory: null })}
            onSelect={(key) => setSource({ refs: [key], advisory: null })}
          />
        </div>
      ) : radius.isError && !result ? (
        <RadiusError
          error={radius.error}
          refs={view.refs}
          onSuggestion={(key, bad) => setSource({ refs: bad ? view.refs.map((ref) => (ref === bad ? key : ref)) : [key], advisory: null })}
        />
      ) : !result ? (
        <RadiusSkeleton />
      ) : (
        <RadiusView
          result={result}
          view={view}
          update={update}
          recomputing={radius.isPlaceholderData || (radius.isFetching && !radius.isFetchingNextPage)}
          refreshError={radius.isError ? radius.error : null}
          more={more}
          onRotationSelect={selectAndReveal}
        >
          {{
            main:
              view.display === "table" ? (
                <RadiusTable nodes={result.nodes} selectedKey={view.selected} onSelect={select} />
              ) : picture ? (
                <RadiusPicture
                  picture={picture}
                  selectedId={selectedNode ? nodeElementId(selectedNode.id) : null}
                  highlightedIds={highlightedIds}
                  handleRef={canvas}
                  actions={{
                    select: (id) => select(keyOfElement(id)),
                    pathFrom: (id) => update({ pathFrom: keyOfElement(id) }),
                    pathTo: (id) => update({ pathTo: keyOfElement(id) }),
                    toggleCompromised: canMark
                      ? (id) => {
                          const key = keyOfElement(id);
                          if (key) toggle.mutate({ ref: key, mark: !assumedKeys.has(key) });
                        }
                      : null,
                    isAssumed: (id) => assumedKeys.has(keyOfElement(id) ?? ""),
                  }}
                />
              ) : null,
            side: (
              <RadiusSidePanels
                result={result}
                view={view}
                update={update}
                setSource={setSource}
                selectedNode={selectedNode}
                index={index}
                path={{ chains: path.data, loading: path.isFetching, error: path.error }}
                more={more}
                whatIf={{ candidates, busy: radius.isFetching }}
                canMark={canMark}
                canWhatIf={canWhatIf}
              />
            ),
            toolbar: <RadiusExportToolbar result={result} view={view} canvas={canvas} canOpenIncident={canOpenIncident} onNotice={setNotice} />,
          }}
        </RadiusView>
      )}
    </section>
  );
}
