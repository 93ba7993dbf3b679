/**
 * The next page of a feed a client is paging through, read while the client stores the current one:
 * RxDB asks for a first sync's pages one after another, so the database's time per page hides
 * behind the client's. Pages are kept briefly and handed out once; nothing is kept per user beyond that.
 */
export class ReadAhead<T> {
  private readonly pages = new Map<string, { at: number; page: Promise<T> }>();

  constructor(
    private readonly max = 50,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page read ahead under this key, if any and fresh; it is handed out once. */
  take(key: string): Promise<T> | undefined {
    const entry = this.pages.get(key);
    this.pages.delete(key);
    return entry && this.now() - entry.at < this.ttlMs ? entry.page : undefined;
  }

  /** Starts reading a page under this key, unless one is being read there (a failed read is simply not used). */
  start(key: string, read: () => Promise<T>): void {
    const now = this.now();
    const current = this.pages.get(key);
    if (current && now - current.at < this.ttlMs) return;
    for (const [k, entry] of this.pages) if (now - entry.at >= this.ttlMs || this.pages.size >= this.max) this.pages.delete(k);
    const page = read();
    page.catch(() => undefined);
    this.pages.set(key, { at: now, page });
  }
}
