"use client";

import Link from "next/link";
import { MarkCompromisedButton } from "@/components/compromise/mark-compromised-button";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { useNodeDetail } from "@/lib/queries/use-node-detail";
import { nodeHref } from "@/lib/graph-view/node-href";
import { KindGlyph } from "@/components/graph/kind-glyph";

// The selected node's details beside the picture or the table: what it is, how it connects, and
// what can be done from it (expand, center, start from it, mark compromised).

export function SelectedNodePanel({
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
  /** absent in the table view, where there is no picture to center */
  onCenter?: (id: number) => void;
  canMark: boolean;
}) {
  const detail = useNodeDetail(nodeId);
  if (nodeId === null) return <p className="muted explorer-panel">Select a node to see its details.</p>;
  if (detail.isPending) return <p className="muted explorer-panel">Loading…</p>;
  if (detail.isError) return <p className="error-box explorer-panel">The node could not be loaded: {detail.error.message}</p>;
  const node = detail.data;
  const visual = NODE_KIND_REGISTRY[node.kind];
  return (
    <section className="explorer-panel" data-testid="explorer-panel" aria-labelledby="explorer-panel-title">
      <p className="muted">
        <KindGlyph kind={node.kind} /> {visual.label}
      </p>
      <h2 id="explorer-panel-title">
        {node.name} {node.compromised ? <span className="badge badge-danger">compromised</span> : null}
        {node.assumedCompromise ? <span className="badge badge-danger">assumed compromised</span> : null}
      </h2>
      <p className="detail-key">{node.key}</p>
      <div className="explorer-panel-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={hidden === 0 || expanding}
          onClick={() => onExpand(node.id)}
          data-testid="explorer-expand"
        >
          {expanding ? "Expanding…" : hidden > 0 ? `Expand (+${hidden.toLocaleString("en")})` : "All neighbours drawn"}
        </button>
        {onCenter ? (
          <button type="button" className="button" onClick={() => onCenter(node.id)}>
            Center
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => onFocus(node.id)}>
          Focus here
        </button>
        {canMark ? <MarkCompromisedButton nodeKey={node.key} nodeName={node.name} compact knownCompromised={node.compromised} /> : null}
      </div>
      <p>
        <Link href={nodeHref(node.id)}>Open details</Link> · <Link href={`/radius?ref=${encodeURIComponent(node.key)}`}>Blast radius from here</Link>
      </p>
      <dl className="explorer-attrs">
        {node.attributes.slice(0, 10).map((attribute) => (
          <div key={attribute.name}>
            <dt>{attribute.name}</dt>
            <dd>
              {attribute.value === null
                ? "—"
                : Array.isArray(attribute.value)
                  ? attribute.value.join(", ") || "—"
                  : attribute.json
                    ? "(structured; see details)"
                    : String(attribute.value)}
            </dd>
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
