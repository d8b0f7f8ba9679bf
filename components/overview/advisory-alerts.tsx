import Link from "next/link";
import { OpenIncidentButton } from "@/components/incidents/open-incident-button";
import type { TAdvisoryMatch } from "@/lib/schemas/incident";

/** Malicious-package advisories that match installed versions, each ready to open as an incident. */
export function AdvisoryAlerts({ matches, canOpenIncident }: { matches: TAdvisoryMatch[]; canOpenIncident: boolean }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby="advisory-alerts-title" className="error-box" style={{ margin: "1rem 0" }}>
      <h2 id="advisory-alerts-title" style={{ marginTop: 0 }}>
        {matches.length === 1 ? "A malicious package is installed" : `${matches.length} malicious packages are installed`}
      </h2>
      <ul>
        {matches.map((match) => (
          <li key={match.advisoryId} data-advisory={match.advisoryId} style={{ marginBottom: "0.5rem" }}>
            <strong>{match.advisoryId}</strong>
            {match.summary ? ` — ${match.summary}` : ""}: {match.versions.map((version) => version.name).join(", ")} installed in {match.contexts}{" "}
            {match.contexts === 1 ? "context" : "contexts"}.{" "}
            <Link className="button" href={`/radius?advisory=${encodeURIComponent(match.advisoryId)}`}>
              Open blast radius
            </Link>{" "}
            {canOpenIncident ? <OpenIncidentButton advisories={[match.advisoryId]} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
