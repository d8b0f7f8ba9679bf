"use client";

import "@/components/graph/graph.css";
import { MarkCompromisedButton } from "@/components/compromise/mark-compromised-button";
import "@/components/radius/radius.css";
import "./explorer.css";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { GraphCanvasLazy, type GraphCanvasHandle, type LayoutDoneInfo } from "@/components/graph/graph-canvas-lazy";
import { GRAPH_LAYOUTS, LAYOUT_LABELS, type TGraphLayoutName } from "@/components/graph/graph-layouts";
import { GraphLegend } from "@/components/graph/graph-legend";
import { KIND_VISUALS } from "@/components/graph/graph-style";
import { NodeSearchBox } from "@/components/radius/node-search-box";
import { mergeGraphViews, nodeElementId, toCytoscapeElements } from "@/lib/graph-view/cytoscape-elements";
import { useExpandNeighbourhood, useNeighbourhood, type NeighbourhoodParams } from "@/lib/queries/use-neighbourhood";
import { useNodeDetail } from "@/lib/queries/use-node-detail";
import { EXPOSURES, NODE_KINDS, type TExposure, type TNodeKind } from "@/lib/schemas/graph-facts";
import type { TGraphView } from "@/lib/schemas/graph-view";

// The graph explorer: a chosen node's neighbourhood, grown on demand. What is shown (focus,
// filters, layout, depth, cap) is the URL, so a view can be shared; expansions are the session's.

const LIMITS = [100, 200, 500, 1000, 2500, 5000] as const;
const USER_LAYOUTS = GRAPH_LAYOUTS.filter((layout) => layout !== "preset");

interface ExplorerState {
  focus: number | null;
  depth: number;
  limit: number;
  kinds: TNodeKind[];
  exposure: TExposure[];
  layout: TGraphLayoutName;
}

function readState(params: URLSearchParams): ExplorerState {
  const focus = Number(params.get("focus"));
  const depth = Number(params.get("depth") ?? 1);
  const limit = Number(params.get("limit") ?? 200);
  const layout = params.get("layout") as TGraphLayoutName | null;
  const list = <T extends string>(name: string, allowed: readonly T[]) => (params.get(name) ?? "").split(",").filter((value): value is T => (allowed as readonly string[]).includes(value));
  return {
    focus: Number.isInteger(focus) && focus > 0 ? focus : null,
    depth: [1, 2, 3].includes(depth) ? depth : 1,
    limit: (LIMITS as readonly number[]).includes(limit) ? limit : 200,
    kinds: list("kinds", NODE_KINDS),
    exposure: list("exposure", EXPOSURES),
    layout: layout && (USER_LAYOUTS as readonly string[]).includes(layout) ? layout : "fcose",
  };
}

function writeState(state: ExplorerState): string {
  const params = new URLSearchParams();
  if (state.focus) params.set("focus", String(state.focus));
  if (state.depth !== 1) params.set("depth", String(state.depth));
  if (state.limit !== 200) params.set("limit", String(state.limit));
  if (state.kinds.length) params.set("kinds", state.kinds.join(","));
  if (state.exposure.length) params.set("exposure", state.exposure.join(","));
  if (state.layout !== "fcose") params.set("layout", state.layout);
  return params.toString();
}

export function ExplorerPage({ canMark = false }: { canMark?: boolean }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readState(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = (change: Partial<ExplorerState>) => {
    const search = writeState({ ...state, ...change });
    window.history.pushState(null, "", search ? `${pathname}?${search}` : pathname);
  };

  const params: NeighbourhoodParams = useMemo(
    () => ({ depth: state.depth, kinds: state.kinds, exposure: state.exposure, limit: state.limit }),
    [state.depth, state.kinds, state.exposure, state.limit],
  );
  const base = useNeighbourhood(state.focus, params);
  const expand = useExpandNeighbourhood(params);
  const [view, setView] = useState<Pick<TGraphView, "nodes" | "edges"> | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [expanding, setExpanding] = useState<number | null>(null);
  const [expandError, setExpandError] = useState<string | null>(null);
  const [layoutInfo, setLayoutInfo] = useState<LayoutDoneInfo | null>(null);
  const canvas = useRef<GraphCanvasHandle>(null);

  // a new focus or new filters start a new picture
  useEffect(() => {
    setView(base.data ?? null);
    setSelected(base.data?.focusId ?? null);
  }, [base.data]);

  const elements = useMemo(() => (view ? toCytoscapeElements(view) : []), [view]);
  const rootIds = useMemo(() => (state.focus ? [nodeElementId(state.focus)] : []), [state.focus]);
  const hiddenTotal = view?.nodes.reduce((sum, node) => sum + node.hiddenNeighbours, 0) ?? 0;

  const expandNode = async (nodeId: number) => {
    setExpanding(nodeId);
    setExpandError(null);
    try {
      const more = await expand(nodeId);
      setView((current) => (current ? mergeGraphViews(current, more) : more));
    } catch (error) {
      setExpandError(error instanceof Error ? error.message : "the neighbours could not be loaded");
    } finally {
      setExpanding(null);
    }
  };

  const toggle = <T extends string>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  return (
    <section className="explorer" aria-labelledby="explorer-title">
      <div className="explorer-header">
        <h1 id="explorer-title">Explore</h1>
        <NodeSearchBox
          label="Focus on"
          placeholder="search identities, secrets, packages, jobs…"
          testId="explorer-search"
          onPick={(hit) => {
            if ("id" in hit) update({ focus: hit.id });
          }}
        />
      </div>

      <div className="explorer-toolbar" role="toolbar" aria-label="Graph options">
        <fieldset>
          <legend>Kinds</legend>
          <div>
            {NODE_KINDS.map((kind) => (
              <label key={kind} className="chip" title={KIND_VISUALS[kind].label}>
                <input type="checkbox" checked={state.kinds.includes(kind)} onChange={() => update({ kinds: toggle(state.kinds, kind) })} />
                <span aria-hidden="true" style={{ color: KIND_VISUALS[kind].colour }}>
                  {KIND_VISUALS[kind].glyph}
                </span>
                {KIND_VISUALS[kind].label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Exposure</legend>
          <div>
            {EXPOSURES.map((exposure) => (
              <label key={exposure} className="chip">
                <input type="checkbox" checked={state.exposure.includes(exposure)} onChange={() => update({ exposure: toggle(state.exposure, exposure) })} />
                {exposure}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          Layout
          <select value={state.layout} onChange={(event) => update({ layout: event.target.value as TGraphLayoutName })} data-testid="explorer-layout">
            {USER_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {LAYOUT_LABELS[layout]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Depth
          <select value={state.depth} onChange={(event) => update({ depth: Number(event.target.value) })}>
            {[1, 2, 3].map((depth) => (
              <option key={depth} value={depth}>
                {depth} hop{depth > 1 ? "s" : ""}
              </option>
            ))}
          </select>
        </label>
        <label>
          Draw at most
          <select value={state.limit} onChange={(event) => update({ limit: Number(event.target.value) })}>
            {LIMITS.map((limit) => (
              <option key={limit} value={limit}>
                {limit.toLocaleString("en")} nodes
              </option>
            ))}
          </select>
        </label>
        <div className="explorer-zoom" role="group" aria-label="Zoom">
          <button type="button" className="button" onClick={() => canvas.current?.fit()}>
            Fit
          </button>
          <button type="button" className="button" aria-label="Zoom in" onClick={() => canvas.current?.zoomIn()}>
            +
          </button>
          <button type="button" className="button" aria-label="Zoom out" onClick={() => canvas.current?.zoomOut()}>
            −
          </button>
          <button
            type="button"
            className="button"
            disabled={!view}
            onClick={async () => {
              const blob = await canvas.current?.exportPng();
              if (!blob) return;
              const url = URL.createObjectURL(blob);
              const link = document.createElement("a");
              link.href = url;
              link.download = `blastmap-graph-${state.focus ?? "view"}.png`;
              link.click();
              URL.revokeObjectURL(url);
            }}
          >
            PNG
          </button>
        </div>
      </div>

      <div className="explorer-status" role="status" data-testid="explorer-status">
        {view ? (
          <>
            <span data-testid="explorer-counts">
              {view.nodes.length.toLocaleString("en")} nodes · {view.edges.length.toLocaleString("en")} edges
            </span>
            {hiddenTotal > 0 ? (
              <span>
                {" "}
                · <strong>{hiddenTotal.toLocaleString("en")} more</strong> relationships not drawn: double-click a node marked +N, or select it and press Expand
              </span>
            ) : null}
            {layoutInfo?.fallbackReason ? <span className="explorer-warning"> · {layoutInfo.fallbackReason}</span> : null}
            {layoutInfo ? (
              <span className="muted">
                {" "}
                · {LAYOUT_LABELS[layoutInfo.ran]} in {layoutInfo.ms.toLocaleString("en")} ms, {layoutInfo.renderer === "webgl" ? "WebGL" : "canvas"} renderer
              </span>
            ) : null}
            {expanding !== null ? <span> · expanding…</span> : null}
          </>
        ) : null}
        {expandError ? (
          <span role="alert" className="explorer-warning">
            {" "}
            Expanding failed: {expandError}
          </span>
        ) : null}
      </div>

      <div className="explorer-body">
        <div className="explorer-canvas">
          {state.focus === null ? (
            <div className="empty-state" data-testid="explorer-empty">
              <h2>Choose where to start</h2>
              <p>Search for an identity, a secret, a package or a CI job above, or open any entity and press “Explore graph”.</p>
              <p>
                <Link href="/inventory/identities">Browse the inventory</Link>
              </p>
            </div>
          ) : base.isError ? (
            <div className="error-box" role="alert">
              <p>{base.error.message.startsWith("no node") ? "That node is not in the graph (it may have been removed by a re-import)." : `The graph could not be loaded: ${base.error.message}`}</p>
              <button type="button" className="button" onClick={() => base.refetch()}>
                Try again
              </button>
            </div>
          ) : base.isPending || !view ? (
            <div className="graph-canvas graph-canvas-loading" aria-busy="true">
              Loading the neighbourhood…
            </div>
          ) : (
            <GraphCanvasLazy
              elements={elements}
              layout={state.layout}
              rootIds={rootIds}
              selectedId={selected === null ? null : nodeElementId(selected)}
              onSelect={(id) => setSelected(id === null ? null : Number(id))}
              onExpand={(id) => void expandNode(Number(id))}
              onLayoutDone={setLayoutInfo}
              handleRef={canvas}
              label={`Graph around node ${state.focus}: ${view.nodes.length} nodes`}
            />
          )}
        </div>
        <aside className="explorer-side" aria-label="Selected node">
          <SelectedNodePanel
            nodeId={selected}
            hidden={view?.nodes.find((node) => node.id === selected)?.hiddenNeighbours ?? 0}
            expanding={expanding === selected}
            onExpand={(id) => void expandNode(id)}
            onFocus={(id) => update({ focus: id })}
            onCenter={(id) => canvas.current?.center(nodeElementId(id))}
            canMark={canMark}
          />
          <GraphLegend webgl={layoutInfo?.renderer === "webgl"} />
        </aside>
      </div>
    </section>
  );
}

function SelectedNodePanel({
  nodeId,
  hidden,
  expanding,
  onExpand,
  onFocus,
  onCenter,
  canMark,
}: {
  nodeId: number | null;
  hidden: number;
  expanding: boolean;
  onExpand: (id: number) => void;
  onFocus: (id: number) => void;
  onCenter: (id: number) => void;
  canMark: boolean;
}) {
  const detail = useNodeDetail(nodeId);
  if (nodeId === null) return <p className="muted explorer-panel">Select a node to see its details.</p>;
  if (detail.isPending) return <p className="muted explorer-panel">Loading…</p>;
  if (detail.isError) return <p className="error-box explorer-panel">The node could not be loaded: {detail.error.message}</p>;
  const node = detail.data;
  const visual = KIND_VISUALS[node.kind];
  return (
    <section className="explorer-panel" data-testid="explorer-panel" aria-labelledby="explorer-panel-title">
      <p className="muted">
        <span aria-hidden="true" style={{ color: visual.colour }}>
          {visual.glyph}
        </span>{" "}
        {visual.label}
      </p>
      <h2 id="explorer-panel-title">
        {node.name} {node.compromised ? <span className="badge badge-danger">compromised</span> : null}
        {node.assumedCompromise ? <span className="badge badge-danger">assumed compromised</span> : null}
      </h2>
      <p className="detail-key">{node.key}</p>
      <div className="explorer-panel-actions">
        <button type="button" className="button button-primary" disabled={hidden === 0 || expanding} onClick={() => onExpand(node.id)} data-testid="explorer-expand">
          {expanding ? "Expanding…" : hidden > 0 ? `Expand (+${hidden.toLocaleString("en")})` : "All neighbours drawn"}
        </button>
        <button type="button" className="button" onClick={() => onCenter(node.id)}>
          Center
        </button>
        <button type="button" className="button" onClick={() => onFocus(node.id)}>
          Focus here
        </button>
        {canMark ? <MarkCompromisedButton nodeKey={node.key} nodeName={node.name} compact knownCompromised={node.compromised} /> : null}
      </div>
      <p>
        <Link href={`/entity/${node.id}`}>Open details</Link> · <Link href={`/radius?ref=${encodeURIComponent(node.key)}`}>Blast radius from here</Link>
      </p>
      <dl className="explorer-attrs">
        {node.attributes.slice(0, 10).map((attribute) => (
          <div key={attribute.name}>
            <dt>{attribute.name}</dt>
            <dd>{attribute.value === null ? "—" : Array.isArray(attribute.value) ? attribute.value.join(", ") || "—" : attribute.json ? "(structured; see details)" : String(attribute.value)}</dd>
          </div>
        ))}
      </dl>
      <h3>Relationships</h3>
      <ul className="plain-list">
        {node.neighbourGroups.map((group) => (
          <li key={`${group.direction}-${group.edgeKind}`}>
            {group.direction === "outgoing" ? "→" : "←"} {group.edgeKind} <span className="muted">({group.total})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
