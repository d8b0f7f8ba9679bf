import type { TRadiusResult } from "@/lib/schemas/radius";

type TSummary = TRadiusResult["summary"];

const CARDS: { id: string; label: string; count: (summary: TSummary) => number }[] = [
  { id: "secrets", label: "Secrets exposed", count: (summary) => summary.countsByKind.secret ?? 0 },
  { id: "identities", label: "Identities unlocked", count: (summary) => summary.countsByKind.identity ?? 0 },
  { id: "critical-systems", label: "Critical systems", count: (summary) => summary.systemsByCriticality.critical ?? 0 },
  { id: "republishable", label: "Republishable packages", count: (summary) => summary.republishablePackages.length },
];

/**
 * The numbers an incident commander reports first; with a what-if, before → after. "Reached now"
 * is what the attacker has today; the rest arrives only when a next `npm install`/update/Renovate
 * bump resolves a range to the bad version, so it is counted apart.
 */
export function RadiusSummaryCards({ summary, before }: { summary: TSummary; before: TSummary | null | undefined }) {
  return (
    <ul className="card-grid radius-cards" aria-label="Blast radius summary">
      {CARDS.map((card) => {
        const now = card.count(summary);
        const then = before ? card.count(before) : null;
        const reduction = then !== null ? then - now : 0;
        return (
          <li key={card.id} className="card" data-testid={`radius-card-${card.id}`}>
            <span className="card-value">
              {then !== null && then !== now ? (
                <>
                  <span className="radius-before" aria-label={`before: ${then}`}>
                    {then}
                  </span>{" "}
                  <span aria-hidden="true">→</span>{" "}
                </>
              ) : null}
              <span data-testid={`radius-count-${card.id}`}>{now.toLocaleString("en")}</span>
            </span>
            <span className="card-label">
              {card.label}
              {reduction > 0 ? <span className="radius-reduction"> −{reduction}</span> : null}
            </span>
          </li>
        );
      })}
      <li className="card" data-testid="radius-card-now">
        <span className="card-value">
          {before && before.now !== summary.now ? <span className="radius-before">{before.now} → </span> : null}
          <span data-testid="radius-count-now">{summary.now.toLocaleString("en")}</span>
        </span>
        <span className="card-label">
          Reached now
          {summary.nowCredentials > 0 ? ` (${summary.nowCredentials.toLocaleString("en")} credential${summary.nowCredentials === 1 ? "" : "s"})` : ""}
          {" · "}
          <span data-testid="radius-count-next-resolve">{(summary.total - summary.now).toLocaleString("en")}</span> more on the next resolve
        </span>
      </li>
      <li className="card" data-testid="radius-card-total">
        <span className="card-value">
          {before && before.total !== summary.total ? <span className="radius-before">{before.total} → </span> : null}
          <span data-testid="radius-count-total">{summary.total.toLocaleString("en")}</span>
        </span>
        <span className="card-label">
          Reached in all{summary.maxGeneration > 0 ? ` · ${summary.maxGeneration} worm generation${summary.maxGeneration > 1 ? "s" : ""}` : ""}
        </span>
      </li>
    </ul>
  );
}
