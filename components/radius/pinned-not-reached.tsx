import type { TRadiusResult } from "@/lib/schemas/radius";

// Jobs that use a compromised action pinned to a full commit SHA nobody named bad: the attacker
// moved the tag, the pinned commit did not move, so these jobs are not reached. Listed so a
// responder sees the pin held rather than wondering whether the job was forgotten.

export function PinnedNotReached({ pins }: { pins: TRadiusResult["pinnedNotReached"] }) {
  if (pins.length === 0) return null;
  return (
    <section className="radius-panel pinned-not-reached" aria-labelledby="pinned-not-reached-title" data-testid="pinned-not-reached">
      <h2 id="pinned-not-reached-title">Pinned, not reached ({pins.length})</h2>
      <p className="muted">These jobs use a compromised action pinned to a full commit SHA that is not named bad, so a moved tag does not reach them.</p>
      <ul>
        {pins.map((pin) => (
          <li key={`${pin.action}|${pin.context}|${pin.line ?? ""}`}>
            <code>{pin.action}</code> in <code>{pin.context}</code>
            {pin.ref ? (
              <>
                {" "}
                pinned to <code title={pin.ref}>{pin.ref.length > 12 ? `${pin.ref.slice(0, 12)}…` : pin.ref}</code>
              </>
            ) : null}
            {pin.line !== null ? <span className="muted"> · line {pin.line}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
