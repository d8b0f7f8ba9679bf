import Link from "next/link";

export default function NodeNotFound() {
  return (
    <section className="empty-state" aria-labelledby="node-not-found-title" data-testid="not-found">
      <h1 id="node-not-found-title">No such node</h1>
      <p>Nothing in the graph has this id. It may have been removed by a re-import, or the link is wrong.</p>
      <p>
        <Link href="/inventory/identities">Browse the inventory</Link> or <Link href="/explore">search the graph</Link>.
      </p>
    </section>
  );
}
