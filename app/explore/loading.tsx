export default function Loading() {
  return (
    <section aria-busy="true" aria-label="Loading the explorer">
      <h1>Explore</h1>
      <p className="muted">Loading…</p>
    </section>
  );
}
