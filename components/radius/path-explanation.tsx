"use client";

import Link from "next/link";
import { MarkCompromisedButton } from "@/components/compromise/mark-compromised-button";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { describePath, type TPathNodeInfo } from "@/lib/graph-view/describe-path";
import type { TReachedNode } from "@/lib/schemas/radius";
import { AssumedBadge, TimingBadge } from "./timing-badge";

/** The selected node and how the attacker gets there, in words. */
export function PathExplanation({
  node,
  index,
  canMark,
  isSource = false,
  onPathFrom,
  onPathTo,
  onClose,
}: {
  node: TReachedNode;
  index: ReadonlyMap<number, TPathNodeInfo>;
  canMark: boolean;
  /** the node is where this radius starts, so it is taken as compromised already */
  isSource?: boolean;
  onPathFrom: () => void;
  onPathTo: () => void;
  onClose: () => void;
}) {
  const described = describePath(node.path, index, node.id);
  return (
    <section className="radius-panel" aria-labelledby="selected-node-title" data-testid="path-explanation">
      <div className="radius-panel-head">
        <h2 id="selected-node-title">
          <span aria-hidden="true">{NODE_KIND_REGISTRY[node.kind].glyph}</span> {node.name}
        </h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close the selected node">
          ✕
        </button>
      </div>
      <p className="muted">
        {NODE_KIND_REGISTRY[node.kind].label} · <code>{node.key}</code>
        <br />
        {node.hops} hop{node.hops === 1 ? "" : "s"} · generation {node.generation}
        {node.exposure ? ` · exposure ${node.exposure}` : ""}
        {node.privilege ? ` · ${node.privilege} privilege` : ""}
        {node.criticality ? ` · ${node.criticality}` : ""}
      </p>
      <p data-testid="path-timing">
        <TimingBadge timing={node.timing} />
        {node.assumed ? <AssumedBadge /> : null}{" "}
        <span className="muted">
          {node.timing === "now"
            ? "The attacker has this now."
            : "Reached only when the next npm install, update or Renovate bump resolves a range to the bad version; the lockfile pins a clean one today."}
        </span>
      </p>
      <h3>How it is reached</h3>
      <p data-testid="path-in-words">{described.text}</p>
      {described.steps.length > 1 ? (
        <ol className="path-steps">
          <li>{index.get(node.path[0].from)?.name ?? "the source"}</li>
          {described.steps.map((step, position) => (
            <li key={`${step.from}-${step.to}-${position}`}>{step.text}</li>
          ))}
        </ol>
      ) : null}
      <div className="radius-panel-actions">
        <button type="button" className="button" onClick={onPathFrom}>
          Path from here
        </button>
        <button type="button" className="button" onClick={onPathTo}>
          Path to here
        </button>
        <Link className="button" href={`/radius?ref=${encodeURIComponent(node.key)}`}>
          Radius from here
        </Link>
        {/* marking a source (or a node already marked) "compromised" would change nothing: the button
            only stays to take back a mark */}
        {canMark ? <MarkCompromisedButton nodeKey={node.key} nodeName={node.name} compact knownCompromised={isSource} /> : null}
      </div>
    </section>
  );
}
