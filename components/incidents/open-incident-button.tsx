import Link from "next/link";

/** "Open incident" from a blast radius or an advisory: goes to the open form with the sources filled in. */
export function OpenIncidentButton({ refs = [], advisories = [], label = "Open incident" }: { refs?: string[]; advisories?: string[]; label?: string }) {
  const params = new URLSearchParams();
  for (const ref of refs) params.append("ref", ref);
  for (const advisory of advisories) params.append("advisory", advisory);
  return (
    <Link className="button button-danger" href={`/incidents/new?${params.toString()}`} data-testid="open-incident">
      {label}
    </Link>
  );
}
