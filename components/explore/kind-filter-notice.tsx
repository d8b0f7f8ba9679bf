"use client";

import { kindCutText, type TKindCut } from "@/lib/graph-view/kind-filter-cuts";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TNodeKind } from "@/lib/schemas/graph-facts";

// Says what the kind filter cuts off (the walk does not pass through hidden kinds, so what lies
// behind them vanishes without a trace) and offers the one click that brings it back.

/** Cuts worth a sentence: kinds whose hidden nodes lead to more. */
const MAX_SHOWN = 3;

export function KindFilterNotice({ cuts, onShowKind }: { cuts: readonly TKindCut[]; onShowKind: (kind: TNodeKind) => void }) {
  const cutting = cuts.filter((cut) => cut.beyond > 0).slice(0, MAX_SHOWN);
  if (cutting.length === 0) return null;
  return (
    <div className="explorer-notice" data-testid="explorer-kind-cuts">
      <p>The kind filter cuts the walk short:</p>
      <ul className="plain-list">
        {cutting.map((cut) => (
          <li key={cut.kind}>
            {kindCutText(cut)}.{" "}
            <button type="button" className="button" onClick={() => onShowKind(cut.kind)}>
              Show {NODE_KIND_REGISTRY[cut.kind].count.other}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
