import type { ReactNode } from "react";
import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { NODE_KINDS, type TNodeKind } from "@/lib/schemas/graph-facts";
import type { TGraphStats } from "@/lib/schemas/stats";

// The Overview's own order: what a security team counts first (identities and their secrets),
// then the supply chain. A kind missing here still gets its card, last.
const FIRST_KINDS = [
  "identity",
  "secret",
  "context",
  "runner",
  "system",
  "publisher",
  "package",
  "packageVersion",
  "action",
  "advisory",
] as const satisfies readonly TNodeKind[];
const CARD_KINDS: readonly TNodeKind[] = [...FIRST_KINDS, ...NODE_KINDS.filter((kind) => !(FIRST_KINDS as readonly TNodeKind[]).includes(kind))];

/**
 * `alerts`: what needs attention now (installed malicious packages), shown above the counts.
 * `databaseDescription`: where the database is, for admins only (null for everyone else).
 */
export function OverviewPage({ stats, alerts, databaseDescription }: { stats: TGraphStats; alerts?: ReactNode; databaseDescription: string | null }) {
  const empty = stats.totals.nodes === 0;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <p className="muted overview-meta" data-testid="overview-meta">
        {databaseDescription ? `${databaseDescription} · ` : null}schema {stats.schemaVersion ? <code>{stats.schemaVersion}</code> : "not migrated"} · graph
        version {stats.graphVersion}
      </p>
      {alerts}
      {empty ? (
        <div className="empty-state">
          <h2>No graph yet</h2>
          <p>
            Import workflows, lockfiles, advisories or an inventory file with <code>npx blastmap import &lt;path&gt;</code>, or load the demo organisation with{" "}
            <code>npx blastmap seed</code>.
          </p>
        </div>
      ) : (
        <ul className="card-grid" aria-label="Inventory counts">
          {CARD_KINDS.map((kind) => (
            <li key={kind} className="card" data-kind={kind}>
              <span className="card-value" data-testid={`count-${kind}`}>
                {stats.nodes[kind].toLocaleString("en")}
              </span>
              <span className="card-label">{NODE_KIND_REGISTRY[kind].plural}</span>
            </li>
          ))}
          <li className="card">
            <span className="card-value" data-testid="count-edges">
              {stats.totals.edges.toLocaleString("en")}
            </span>
            <span className="card-label">Relationships</span>
          </li>
        </ul>
      )}
    </section>
  );
}
