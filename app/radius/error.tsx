"use client";

// The page failed to render (the database is unreachable, …): say so, offer a retry, no stack trace.
export default function RadiusError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="error-box" role="alert">
      <h1>Blast radius unavailable</h1>
      <p>The page could not be loaded. Check that the database is reachable, then try again.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
