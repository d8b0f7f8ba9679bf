"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { OpenIncidentButton } from "@/components/incidents/open-incident-button";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { GraphCanvasHandle } from "@/components/graph/graph-canvas-lazy";
import { nodeElementId } from "@/lib/graph-view/cytoscape-elements";
import { pathElementIds, radiusPicture } from "@/lib/graph-view/radius-elements";
import { radiusApiParams } from "@/lib/graph-view/radius-view-state";
import { fetchApi } from "@/lib/queries/fetch-api";
import { radiusNodeIndex, radiusToCsv } from "@/lib/graph-view/radius-csv";
import { hasRadiusSource, parseRadiusViewState, serializeRadiusViewState, type TRadiusViewState } from "@/lib/graph-view/radius-view-state";
import { deriveWhatIfCandidates } from "@/lib/graph-view/what-if-candidates";
import { ApiError } from "@/lib/queries/fetch-api";
import { useAssumedCompromised, useToggleAssumedCompromised } from "@/lib/queries/use-assumed-compromised";
import { RADIUS_PAGE_SIZE, useBlastRadius } from "@/lib/queries/use-blast-radius";
import { usePath } from "@/lib/queries/use-path";
import { EXPOSURES, type TExposure } from "@/lib/schemas/graph-facts";
import { ZRadiusResult, type TRadiusResult } from "@/lib/schemas/radius";
import { AssumedCompromisedPanel } from "./assumed-compromised-panel";
import { downloadBlob, fileSlug } from "./download";
import { NodeSearchBox } from "./node-search-box";
import { PathExplanation } from "./path-explanation";
import { PathfinderPanel } from "./pathfinder-panel";
import { PinnedNotReached } from "./pinned-not-reached";
import { RadiusPicture } from "./radius-picture";
import { RadiusSummaryCards } from "./radius-summary-cards";
import { RadiusTable } from "./radius-table";
import { RotationPlanTable } from "./rotation-plan-table";
import { TopFixesPanel } from "./top-fixes-panel";
import { useStickySummary } from "./use-sticky-summary";
import { WhatIfPanel } from "./what-if-panel";
import "./radius.css";

// The incident commander's page. Every choice lives in the URL (lib/graph-view/radius-view-state.ts),
// so the permalink is the address bar and the back button undoes a click; the radius itself comes
// from GET /api/blast-radius, computed by the engine — this page only presents it.

export interface TAdvisoryChoice {
  advisoryId: string;
  summary: string | null;
  malicious: boolean;
}

const ADVISORY_PREFIX = "advisory:";

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
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseRadiusViewState(new URLSearchParams(searchParams.toString())), [searchParams]);
  // The native history API is synced with useSearchParams by Next.js and, unlike router.push,
  // does not re-render the server page: a click changes the view without a round trip.
  const update = useCallback(
    (patch: Partial<TRadiusViewState>, history: "push" | "replace" = "replace") => {
      const query = serializeRadiusViewState({ ...view, ...patch }).toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [view, pathname],
  );
  const setSource = (source: { refs: string[]; advisory: string | null }, add = false) =>
    update(
      {
        refs: add ? [...new Set([...view.refs, ...source.refs])] : source.refs,
        advisory: add ? (view.advisory ?? source.advisory) : source.advisory,
        selected: null,
        pathFrom: null,
        pathTo: null,
        whatIf: [],
      },
      "push",
    );

  const [addToSources, setAddToSources] = useState(false);
  const radius = useBlastRadius(view);
  // Candidates come from the radius without controls, so a toggled control stays on the list.
  const baseline = useBlastRadius({ ...view, whatIf: [] });
  const assumed = useAssumedCompromised();
  const toggle = useToggleAssumedCompromised();
  const path = usePath(view.pathFrom, view.pathTo, 3);
  const canvas = useRef<GraphCanvasHandle>(null);
  const section = useRef<HTMLElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // a rotation-plan row chosen: once the page shows that node, bring it and its path into view
  const [reveal, setReveal] = useState<string | null>(null);

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
  const selectAndReveal = (key: string) => {
    update({ selected: key });
    setReveal(key);
  };
  useStickySummary(section, Boolean(result));
  useEffect(() => {
    if (reveal === null || view.selected !== reveal) return;
    setReveal(null);
    const node = byKey.get(reveal);
    if (node && view.display === "picture") canvas.current?.center(nodeElementId(node.id));
    // side by side, the picture and the panel come into view together; stacked (narrow screens),
    // the panel that explains the chosen node is what the reader asked for
    const page = section.current;
    const stacked = window.matchMedia("(max-width: 1100px)").matches;
    const target = (stacked ? page?.querySelector<HTMLElement>(".radius-side") : null) ?? page?.querySelector<HTMLElement>(".radius-main");
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target?.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
  }, [reveal, view.selected, view.display, byKey]);
  // Exports are of the complete answer, not of the pages loaded so far.
  const complete = async (): Promise<TRadiusResult | null> => {
    if (!result) return null;
    if (!result.page?.truncated && result.rotationPlan.length === (result.page?.rotationPlanTotal ?? result.rotationPlan.length)) return result;
    try {
      return await fetchApi(`/api/blast-radius?${radiusApiParams(view).toString()}`, ZRadiusResult);
    } catch (error) {
      setNotice(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const exportJson = async () => {
    const answer = await complete();
    if (answer)
      downloadBlob(
        new Blob([`${JSON.stringify(answer, null, 2)}\n`], { type: "application/json" }),
        `blast-radius-${fileSlug(answer.source.description)}.json`,
      );
  };
  const exportCsv = async () => {
    const answer = await complete();
    if (answer) downloadBlob(new Blob([radiusToCsv(answer)], { type: "text/csv" }), `blast-radius-${fileSlug(answer.source.description)}.csv`);
  };
  const exportPng = async () => {
    if (!result || !canvas.current) return;
    try {
      downloadBlob(await canvas.current.exportPng(), `blast-radius-${fileSlug(result.source.description)}.png`);
    } catch (error) {
      setNotice(`PNG export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const copyPermalink = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setNotice("Permalink copied to the clipboard.");
    } catch {
      setNotice(`Copy this permalink: ${url}`);
    }
  };

  const sourceControls = (
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

  return (
    <section aria-labelledby="radius-title" className="radius-page" ref={section}>
      <h1 id="radius-title">Blast radius</h1>
      {sourceControls}
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
          more={{ load: () => radius.fetchNextPage(), loading: radius.isFetchingNextPage }}
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
                    <button type="button" className="link-button" onClick={() => radius.fetchNextPage()} disabled={radius.isFetchingNextPage}>
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
                  chains={path.data}
                  loading={path.isFetching}
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
                      candidates={candidates}
                      applied={view.whatIf}
                      busy={radius.isFetching}
                      onChange={(whatIf) => update({ whatIf })}
                      effectsQuestion={radiusApiParams(view).toString()}
                      graphVersion={result.graphVersion}
                    />
                  </section>
                ) : null}
                <AssumedCompromisedPanel
                  canMark={canMark}
                  onShowCombined={(keys) => setSource({ refs: keys, advisory: null })}
                  onSelect={(key) => select(key)}
                />
              </>
            ),
            toolbar: (
              <div className="radius-export" role="group" aria-label="Export">
                <button
                  type="button"
                  className="button"
                  onClick={exportPng}
                  disabled={view.display !== "picture"}
                  title={view.display !== "picture" ? "Switch to the picture to export a PNG" : undefined}
                >
                  PNG
                </button>
                <button type="button" className="button" onClick={exportJson} data-testid="export-json">
                  JSON
                </button>
                <button type="button" className="button" onClick={exportCsv} data-testid="export-csv">
                  CSV
                </button>
                <button type="button" className="button" onClick={copyPermalink} data-testid="copy-permalink">
                  Copy permalink
                </button>
                {canOpenIncident ? <OpenIncidentButton refs={view.refs} advisories={view.advisory ? [view.advisory] : []} /> : null}
              </div>
            ),
          }}
        </RadiusView>
      )}
    </section>
  );
}

function RadiusView({
  result,
  view,
  update,
  recomputing,
  refreshError,
  more,
  onRotationSelect,
  children,
}: {
  result: TRadiusResult;
  view: TRadiusViewState;
  update: (patch: Partial<TRadiusViewState>, history?: "push" | "replace") => void;
  recomputing: boolean;
  refreshError: Error | null;
  more: { load: () => void; loading: boolean };
  onRotationSelect: (key: string) => void;
  children: { main: React.ReactNode; side: React.ReactNode; toolbar: React.ReactNode };
}) {
  const sourceIds = new Set(result.source.nodes.map((node) => node.id));
  const reached = result.nodes.filter((node) => !sourceIds.has(node.id)).length;
  return (
    <>
      <div className="radius-heading">
        <p>
          <strong data-testid="radius-source">{result.source.description}</strong>{" "}
          <span className="muted">
            · graph version {result.graphVersion}
            {recomputing ? " · recomputing…" : ""}
          </span>
        </p>
        {view.refs.length > 1 ? (
          <ul className="radius-refs" aria-label="Sources">
            {view.refs.map((ref) => (
              <li key={ref}>
                <code>{ref}</code>{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${ref} from the sources`}
                  onClick={() => update({ refs: view.refs.filter((other) => other !== ref) }, "push")}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {refreshError ? (
        <p role="alert" className="error-box">
          Could not recompute: {refreshError.message}
        </p>
      ) : null}
      <div className="radius-summary-sticky" data-testid="radius-summary">
        <RadiusSummaryCards summary={result.summary} before={result.before} />
      </div>
      <div className="radius-toolbar">
        <RadiusFilters view={view} update={update} />
        <div className="radius-display" role="group" aria-label="Display">
          <button type="button" className="button" aria-pressed={view.display === "picture"} onClick={() => update({ display: "picture" })}>
            Picture
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={view.display === "table"}
            onClick={() => update({ display: "table" })}
            data-testid="show-table"
          >
            Table
          </button>
        </div>
        {children.toolbar}
      </div>
      {reached === 0 ? (
        <div className="empty-state" data-testid="radius-no-reach">
          <h2>Nothing reachable from {result.source.description}</h2>
          <p>
            No context installs it, or every path is cut by the current filters{result.options.whatIf.length ? " and what-if controls" : ""}.
            {view.maxHops !== null || view.exposures.length > 0 || view.timings.length > 0 ? " Try widening the max-hops, exposure or timing filter." : ""}
          </p>
        </div>
      ) : null}
      <RadiusCoverage result={result} display={view.display} more={more} />
      <div className="radius-main">
        <div className="radius-view">{children.main}</div>
        <aside className="radius-side" aria-label="Details">
          {children.side}
        </aside>
      </div>
      <PinnedNotReached pins={result.pinnedNotReached} />
      <h2>Rotation plan</h2>
      {result.page && result.page.rotationPlanTotal > result.rotationPlan.length ? (
        <p className="muted" data-testid="rotation-plan-partial">
          The first {result.rotationPlan.length.toLocaleString("en")} of {result.page.rotationPlanTotal.toLocaleString("en")} rows, in the order to act on them;
          the JSON and CSV exports and an incident hold them all.
        </p>
      ) : null}
      <RotationPlanTable plan={result.rotationPlan} onSelect={onRotationSelect} />
    </>
  );
}

/** How much of a big radius is on screen, and a way to load more (the most important come first). */
function RadiusCoverage({
  result,
  display,
  more,
}: {
  result: TRadiusResult;
  display: TRadiusViewState["display"];
  more: { load: () => void; loading: boolean };
}) {
  const total = result.page?.total ?? result.nodes.length;
  const loaded = result.nodes.length;
  if (loaded >= total) return null;
  return (
    <p className="radius-coverage" data-testid="radius-coverage" role="status">
      Showing {loaded.toLocaleString("en")} of {total.toLocaleString("en")} nodes — the most important first: the paths to critical systems, the credentials at
      the top of the rotation plan, then what can be republished.
      {display === "picture" ? " The picture counts the rest in groups by kind, repository and owner; open a group to see its members." : ""}{" "}
      {loaded < total ? (
        <button type="button" className="button" onClick={more.load} disabled={more.loading} data-testid="radius-load-more">
          {more.loading ? "Loading…" : `Load ${Math.min(RADIUS_PAGE_SIZE, total - loaded).toLocaleString("en")} more`}
        </button>
      ) : null}
    </p>
  );
}

function RadiusFilters({ view, update }: { view: TRadiusViewState; update: (patch: Partial<TRadiusViewState>) => void }) {
  const toggleExposure = (exposure: TExposure, on: boolean) => {
    const current = view.exposures.length ? view.exposures : [...EXPOSURES];
    const next = on ? [...new Set([...current, exposure])] : current.filter((other) => other !== exposure);
    // all four ticked = no filter, which keeps the permalink short
    update({ exposures: next.length === EXPOSURES.length ? [] : EXPOSURES.filter((level) => next.includes(level)) });
  };
  return (
    <div className="radius-filters">
      <label>
        Max hops{" "}
        <select
          value={view.maxHops ?? ""}
          onChange={(event) => update({ maxHops: event.target.value ? Number(event.target.value) : null })}
          data-testid="max-hops"
        >
          <option value="">no limit</option>
          {[1, 2, 3, 4, 5, 6, 8, 10, 15, 20].map((hops) => (
            <option key={hops} value={hops}>
              {hops}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="radius-exposures">
        <legend>Exposure</legend>
        {EXPOSURES.map((exposure) => (
          <label key={exposure}>
            <input
              type="checkbox"
              checked={view.exposures.length === 0 || view.exposures.includes(exposure)}
              onChange={(event) => toggleExposure(exposure, event.target.checked)}
            />{" "}
            {exposure}
          </label>
        ))}
      </fieldset>
      <fieldset className="radius-timing-filter" data-testid="timing-filter">
        <legend>When</legend>
        <label title="what the attacker has now and what the next resolve of a range would give">
          <input type="radio" name="radius-timing" checked={view.timings.length === 0} onChange={() => update({ timings: [] })} /> all
        </label>
        <label title="leave out what is reached only when the next npm install, update or Renovate bump resolves">
          <input
            type="radio"
            name="radius-timing"
            checked={view.timings.length === 1 && view.timings[0] === "now"}
            onChange={() => update({ timings: ["now"] })}
          />{" "}
          now only
        </label>
      </fieldset>
    </div>
  );
}

function RadiusError({ error, refs, onSuggestion }: { error: Error; refs: string[]; onSuggestion: (key: string, bad: string | null) => void }) {
  const suggestions = error instanceof ApiError ? error.suggestions : [];
  const badRefs = error instanceof ApiError ? error.badRefs : [];
  const bad = refs.find((ref) => badRefs.includes(ref)) ?? refs.find((ref) => error.message.includes(ref)) ?? (refs.length === 1 ? refs[0] : null);
  return (
    <div className="error-box" role="alert" data-testid="radius-error">
      <h2>Could not compute the blast radius</h2>
      <p>{error.message}</p>
      {suggestions.length > 0 ? (
        <>
          <p>Did you mean:</p>
          <ul>
            {suggestions.map((key) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => onSuggestion(key, bad)}>
                  {key}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function RadiusSkeleton() {
  return (
    <div className="radius-skeleton" aria-busy="true" aria-live="polite" data-testid="radius-loading">
      <span className="sr-only">Computing the blast radius…</span>
      <div className="skeleton-cards">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="card skeleton" />
        ))}
      </div>
      <div className="skeleton skeleton-canvas" />
    </div>
  );
}
