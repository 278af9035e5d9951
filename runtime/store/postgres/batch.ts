/**
 * Calls made during one turn of the event loop, carried out together: `run` gets them all, in the
 * order they came, and returns one result each, in that order. Every caller is answered once the
 * batch is done (its commit, for a write), or rejected with the batch's failure. On PostgreSQL this
 * is group commit: a burst of webhook deliveries, or of sent messages, costs one transaction.
 */
export class Batch<Item, Result> {
  private queue: { item: Item; resolve(result: Result): void; reject(error: unknown): void }[] = [];

  constructor(private readonly run: (items: Item[]) => Promise<Result[]>) {}

  add(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => void this.flush());
    });
  }

  /** Carries out what is queued now (also called on close). */
  async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      const results = await this.run(batch.map((entry) => entry.item));
      if (results.length !== batch.length) throw new Error('a batch did not give one result per call');
      batch.forEach((entry, index) => entry.resolve(results[index] as Result));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
