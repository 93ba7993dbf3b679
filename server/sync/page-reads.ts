/**
 * The database reads of one user's sync pages, one at a time. A fresh device asks for the first
 * page of every collection at once: read together, they share the database and all arrive late;
 * read in turn, the first arrives early and the device stores it while the next ones are read.
 * Nothing is kept for a user with no read under way.
 */
export class PageReads {
  private readonly queues = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(private readonly perUser = 1) {}

  async run<T>(user: string, read: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(user);
    if (!queue) this.queues.set(user, (queue = { running: 0, waiting: [] }));
    if (queue.running < this.perUser) queue.running++;
    else await new Promise<void>((resolve) => queue.waiting.push(resolve));
    try {
      return await read();
    } finally {
      // The slot passes to the next read waiting, or is freed.
      const next = queue.waiting.shift();
      if (next) next();
      else if (--queue.running === 0) this.queues.delete(user);
    }
  }

  /** Users with a read under way or waiting (for tests and usage figures). */
  get users(): number {
    return this.queues.size;
  }
}
