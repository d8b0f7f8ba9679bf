/** The radius page while the first answer is computed (also the route's loading state). */
export function RadiusSkeleton() {
  return (
    <div className="radius-skeleton" aria-busy="true" aria-live="polite" data-testid="radius-loading">
      <span className="sr-only">Computing the blast radius…</span>
      <div className="skeleton-cards">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="card skeleton" />
        ))}
      </div>
      <div className="skeleton skeleton-canvas" />
    </div>
  );
}
