/**
 * A lightweight live client that behaves like RxDB's `replication-couchdb` live loop (read from its
 * source): `GET _changes?feed=longpoll&since=now…`, then `since=<last_seq>` of each answer, forever.
 * "In its local database" here means: the answer is received and parsed.
 */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export type OnDocs = (docs: Array<Record<string, unknown>>, at: number) => void;
/** A failed long-poll: `HTTP <status>`, `timeout`, or the network error's message. */
export type OnError = (what: string) => void;

/** The server answers a long-poll after 25 s; an answer later than this is a failure. */
const TIMEOUT_MS = 70_000;

export class LongPollClient {
  private since: string | number = 'now';
  private stopped = false;
  private current: http.ClientRequest | undefined;
  polls = 0;
  errors = 0;

  constructor(
    private readonly base: URL,
    private readonly collection: string,
    private readonly cookie: string,
    private readonly onDocs: OnDocs,
    private readonly onError: OnError = () => {},
  ) {}

  /** Starts the loop after `delayMs` (spread clients so their long-poll timeouts do not all fall together). */
  start(delayMs = 0): void {
    setTimeout(() => void this.loop(), delayMs);
  }

  stop(): void {
    this.stopped = true;
    this.current?.destroy();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const query = new URLSearchParams({ style: 'all_docs', feed: 'longpoll', since: String(this.since), include_docs: 'true', heartbeat: '60000', limit: '200', seq_interval: '200' });
      try {
        const body = await this.get(`/api/sync/${this.collection}/_changes?${query}`);
        const at = performance.now();
        this.polls++;
        const json = JSON.parse(body) as { results: Array<{ doc: Record<string, unknown> }>; last_seq: string | number };
        this.since = json.last_seq;
        if (json.results.length) this.onDocs(json.results.map((r) => r.doc), at);
      } catch (err) {
        if (this.stopped) return;
        this.errors++;
        this.onError((err as Error).message);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private get(pathAndQuery: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = http.request(new URL(pathAndQuery, this.base), { agent, headers: { cookie: this.cookie, accept: 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on('error', reject);
      });
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      this.current = req;
      req.end();
    });
  }
}
