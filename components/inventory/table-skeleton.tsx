/** Grey rows where a table will be, while its first page loads. */
export function TableSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="skeleton-row" />
      ))}
    </div>
  );
}
