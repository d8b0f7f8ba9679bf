// Inserts that run on while the client prepares what comes next (matches edges, builds origins):
// the database runs the import's statements one at a time on one connection, but the client need
// not wait for each insert before doing its own work. Started statements run one after another in
// the order they were started (a package version's row after its package's). A statement that
// does not depend on them (a read of rows stored before the import, drawing ids) may run
// `alongside`; if it fails because a started one failed first (the transaction is then aborted),
// the started one's error is the one reported. A failure stops the statements after it and rejects
// `settle`; it is never an unhandled rejection meanwhile.

export class WriteBehind {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `statement` after everything started before it, while the caller goes on. */
  start(statement: () => Promise<unknown>): void {
    const next = this.tail.then(statement);
    next.catch(() => {});
    this.tail = next;
  }

  /**
   * Runs `statement` now, beside the started ones: only for statements that neither read nor write
   * what those write. A failure reports a started statement's failure first, if there was one.
   */
  async alongside<T>(statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      await this.settle();
      throw error;
    }
  }

  /** Waits for every started statement; rejects with the first failure. */
  async settle(): Promise<void> {
    await this.tail;
  }
}
