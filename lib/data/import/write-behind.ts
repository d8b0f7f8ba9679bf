// Inserts that run on while the client prepares what comes next (matches edges, builds origins):
// the database runs the import's statements one at a time on one connection, but the client need
// not wait for each insert before doing its own work. Started statements run one after another in
// the order they were started (a package version's row after its package's); whoever issues a
// statement of its own first settles what was started, so nothing ever interleaves. A failure
// stops the statements after it and rejects `settle`; it is never an unhandled rejection meanwhile.

export class WriteBehind {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `statement` after everything started before it, while the caller goes on. */
  start(statement: () => Promise<unknown>): void {
    const next = this.tail.then(statement);
    next.catch(() => {});
    this.tail = next;
  }

  /** Waits for every started statement; rejects with the first failure. */
  async settle(): Promise<void> {
    await this.tail;
  }
}
