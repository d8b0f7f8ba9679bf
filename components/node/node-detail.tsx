import "@/components/inventory/inventory.css";
import Link from "next/link";
import { MarkCompromisedButton } from "@/components/compromise/mark-compromised-button";
import { EDGE_KIND_REGISTRY, NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { formatCell } from "@/components/inventory/format-cell";
import { attributeLabel } from "@/lib/labels/value-labels";
import type { TNodeDetail } from "@/lib/schemas/node-detail";
import styles from "./node-detail.module.css";
import { TableScroll } from "@/components/ui/table-scroll";
import { nodeHref } from "@/lib/graph-view/node-href";
import { KindGlyph } from "@/components/graph/kind-glyph";

// One node: what it is, where it came from, what it touches, and the two ways onward —
// the blast radius from here and the graph around it.

export function NodeDetail({ detail, canMark }: { detail: TNodeDetail; canMark: boolean }) {
  const visual = NODE_KIND_REGISTRY[detail.kind];
  const compromised = detail.compromised || detail.assumedCompromise !== null;
  return (
    <article aria-labelledby="node-title">
      <p className="muted">
        <KindGlyph kind={detail.kind} /> {visual.label}
      </p>
      <h1 id="node-title">
        {detail.name} {detail.compromised ? <span className="badge badge-danger">compromised</span> : null}{" "}
        {detail.assumedCompromise ? <span className="badge badge-danger">assumed compromised</span> : null}
      </h1>
      <p className="detail-key" data-testid="node-key">
        {detail.key}
      </p>
      <div className="detail-actions">
        <Link className="button button-primary" href={`/radius?ref=${encodeURIComponent(detail.key)}`}>
          ◎ Blast radius from here
        </Link>
        <Link className="button" href={`/explore?focus=${detail.id}`}>
          Explore graph
        </Link>
        {canMark ? <MarkCompromisedButton nodeKey={detail.key} nodeName={detail.name} knownCompromised={detail.compromised} /> : null}
      </div>
      {compromised && detail.assumedCompromise ? (
        <p className="error-box">
          Marked as assumed compromised by {detail.assumedCompromise.markedBy} on {detail.assumedCompromise.markedAt.slice(0, 10)}
          {detail.assumedCompromise.note ? `: ${detail.assumedCompromise.note}` : ""}
        </p>
      ) : null}

      <div className="detail-grid">
        <div>
          <h2>Attributes</h2>
          {detail.attributes.length === 0 ? (
            <p className="muted">No attributes recorded.</p>
          ) : (
            <TableScroll label="Attributes">
              <table className="table" aria-label="Attributes">
                <tbody>
                  {detail.attributes.map((attribute) => (
                    <tr key={attribute.name}>
                      <th scope="row" className={styles.attributeName} title={attribute.name}>
                        {attributeLabel(attribute.name)}
                      </th>
                      <td>{attribute.json ? <pre className="attr-json">{String(attribute.value)}</pre> : formatCell(attribute.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}

          <h2>Where it came from</h2>
          <TableScroll label="Provenance">
            <table className="table" aria-label="Provenance">
              <tbody>
                <tr>
                  <th scope="row">First imported</th>
                  <td>
                    <ImportWhen run={detail.provenance.firstImport} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">Last imported</th>
                  <td>
                    <ImportWhen run={detail.provenance.lastImport} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">Source documents</th>
                  <td>
                    {detail.provenance.documents.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul className="plain-list" data-testid="node-documents">
                        {detail.provenance.documents.map((document) => (
                          <li key={document.key}>
                            <code>{document.key}</code> <span className="badge">{document.format}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
        </div>

        <div>
          <h2>Neighbours</h2>
          {detail.neighbourGroups.length === 0 ? <p className="muted">No relationships.</p> : null}
          {detail.neighbourGroups.map((group) => {
            const title = EDGE_KIND_REGISTRY[group.edgeKind][group.direction];
            return (
              <section
                key={`${group.direction}-${group.edgeKind}`}
                className="neighbour-group"
                data-testid="neighbour-group"
                data-edge-kind={group.edgeKind}
                data-direction={group.direction}
              >
                <h3>
                  {group.direction === "outgoing" ? "→" : "←"} {title} <span className="muted">({group.total.toLocaleString("en")})</span>
                </h3>
                <ul>
                  {group.neighbours.map((neighbour) => (
                    <li key={neighbour.edgeId}>
                      <KindGlyph kind={neighbour.kind} /> <Link href={nodeHref(neighbour.id)}>{neighbour.name}</Link>{" "}
                      {neighbour.exposure ? <span className={`badge badge-${exposureBadge(neighbour.exposure)}`}>exposure: {neighbour.exposure}</span> : null}{" "}
                      {neighbour.privilege ? <span className="badge">privilege: {neighbour.privilege}</span> : null}
                    </li>
                  ))}
                </ul>
                {group.total > group.neighbours.length ? (
                  <p className="muted">
                    and {(group.total - group.neighbours.length).toLocaleString("en")} more —{" "}
                    <Link href={`/explore?focus=${detail.id}`}>explore them in the graph</Link>
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>
      </div>
    </article>
  );
}

function exposureBadge(exposure: string): string {
  return { install: "critical", job: "high", runner: "medium", runtime: "low" }[exposure] ?? "low";
}

/** "2026-11-30 15:04:05 UTC by cli:ana (import #12)", or unknown. */
function ImportWhen({ run }: { run: TNodeDetail["provenance"]["firstImport"] }) {
  if (!run) return <span className="muted">unknown</span>;
  return <>{`${run.startedAt.slice(0, 19).replace("T", " ")} UTC by ${run.actor} (import #${run.id})`}</>;
}
