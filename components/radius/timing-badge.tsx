import type { TTiming } from "@/lib/schemas/radius";

// When the attacker has a node, as a badge: "now" (installed, or the credential is held) or
// "next resolve" (a range admits the bad version but the lockfile pins a clean one). Words, not
// colour alone, so it reads in grayscale and to a screen reader.

export const TIMING_LABELS: Record<TTiming, string> = { now: "now", "next-resolve": "next resolve" };

export const TIMING_TITLES: Record<TTiming, string> = {
  now: "reached now: the compromised artifact is installed or the credential is held",
  "next-resolve":
    "reached on the next resolve: a declared range admits the bad version but the lockfile pins a clean one, so the next npm install, update or Renovate bump picks it up",
};

export const ASSUMED_TITLE = "rests on an assumption: the workflow has no permissions block, so its token is assumed to have write access";

export function TimingBadge({ timing }: { timing: TTiming }) {
  return (
    <span className={`badge badge-timing badge-${timing}`} title={TIMING_TITLES[timing]} data-timing={timing}>
      {TIMING_LABELS[timing]}
    </span>
  );
}

export function AssumedBadge() {
  return (
    <span className="badge badge-assumed" title={ASSUMED_TITLE} data-testid="assumed-badge">
      assumed<span className="sr-only"> ({ASSUMED_TITLE})</span>
    </span>
  );
}
