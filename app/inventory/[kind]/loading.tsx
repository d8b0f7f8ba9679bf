export default function Loading() {
  return (
    <section aria-busy="true" aria-label="Loading the inventory">
      <h1>Inventory</h1>
      <p className="muted">Loading…</p>
    </section>
  );
}
