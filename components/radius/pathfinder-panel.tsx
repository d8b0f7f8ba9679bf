"use client";

import { describePath, type TPathNodeInfo } from "@/lib/graph-view/describe-path";
import type { TPathChains } from "@/lib/queries/use-path";
import { NodeSearchBox } from "./node-search-box";

/** Shortest attack chains between two nodes: pick them here or with "Path from/to here" on a node. */
export function PathfinderPanel({
  from,
  to,
  chains,
  loading,
  error,
  index,
  onChange,
}: {
  from: string | null;
  to: string | null;
  chains: TPathChains | undefined;
  loading: boolean;
  error: Error | null;
  index: ReadonlyMap<number, TPathNodeInfo>;
  onChange: (from: string | null, to: string | null) => void;
}) {
  const names = new Map(index);
  for (const node of chains?.nodes ?? []) if (!names.has(node.id)) names.set(node.id, { name: node.name, key: node.key, kind: node.kind });
  return (
    <section className="radius-panel" aria-labelledby="pathfinder-title" data-testid="pathfinder">
      <h2 id="pathfinder-title">Pathfinding</h2>
      <div className="pathfinder-inputs">
        <NodeSearchBox
          key={`from-${from ?? ""}`}
          label="From"
          placeholder="any node…"
          initialText={from ?? ""}
          onPick={(hit) => onChange(hit.key, to)}
          testId="path-from"
        />
        <NodeSearchBox
          key={`to-${to ?? ""}`}
          label="To"
          placeholder="any node…"
          initialText={to ?? ""}
          onPick={(hit) => onChange(from, hit.key)}
          testId="path-to"
        />
      </div>
      {from || to ? (
        <p className="muted">
          {from ? <code>{from}</code> : "pick a start"} → {to ? <code>{to}</code> : "pick an end"}{" "}
          <button type="button" className="link-button" onClick={() => onChange(null, null)}>
            clear
          </button>
        </p>
      ) : (
        <p className="muted">Right-click a node for “Path from here” / “Path to here”, or type two nodes.</p>
      )}
      {loading ? <p aria-live="polite">Finding the shortest chains…</p> : null}
      {error ? (
        <p role="alert" className="error-box">
          {error.message}
        </p>
      ) : null}
      {chains && !loading ? (
        chains.chains.length === 0 ? (
          <p data-testid="path-chains-empty">{chains.message || "No chain leads from the first node to the second."}</p>
        ) : (
          <ol className="path-chains" data-testid="path-chains">
            {chains.chains.map((chain, position) => (
              <li key={position}>
                <strong>
                  {chain.length} step{chain.length === 1 ? "" : "s"}:
                </strong>{" "}
                {describePath(chain, names).text}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}
