import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import type { TNodeKind } from "@/lib/schemas/graph-facts";

/** A node kind's glyph in its colour, for the eye only: the kind's word or the node's name beside it is what a screen reader reads. */
export function KindGlyph({ kind, className }: { kind: TNodeKind; className?: string }) {
  const visual = NODE_KIND_REGISTRY[kind];
  return (
    <span className={className} aria-hidden="true" style={{ color: visual.colour }}>
      {visual.glyph}
    </span>
  );
}
