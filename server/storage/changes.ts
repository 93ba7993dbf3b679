/**
 * The one change follower: reads a database's `_changes` after a position, hands each batch to its
 * handler and moves past it only once handled; backs off while the database fails. A change whose
 * document cannot be read yet (a cluster may list a change before the node answering has the
 * document) is read again, and the batch waits for it: no change is ever skipped.
 */
import type { Logger } from '../log';
import { isNotFound, type Db } from './couch';

export type Seq = string | number;

/** What following a database takes of it. */
export type FeedDb = Pick<Db, 'changes' | 'get'>;

/** A row of `_changes` read with `include_docs`. */
export interface ChangeRow {
  id: string;
  seq: Seq;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}

export interface ChangesPage {
  results: ChangeRow[];
  last_seq: Seq;
}

export interface ChangesQuery {
  since: Seq;
  limit?: number;
  style?: 'all_docs';
  feed?: 'longpoll';
  timeout?: number;
  heartbeat?: number;
}

/** One read of the feed, documents included (nano's types know neither the documents nor the long-poll). */
export async function readChanges(db: FeedDb, query: ChangesQuery): Promise<ChangesPage> {
  // An option left undefined is left out: nano would send it as the word `undefined`, which Apache
  // CouchDB refuses (`badarg`) where PouchDB Server ignored it.
  const given = Object.entries({ ...query, since: String(query.since), include_docs: true }).filter(([, value]) => value !== undefined);
  const res = await db.changes(Object.fromEntries(given));
  // A proxy or a node going down may answer something else than a page of changes.
  if (!Array.isArray(res?.results) || res.last_seq === undefined) throw new Error('réponse inattendue du flux de changements / unexpected answer from the change feed');
  return { results: res.results as ChangeRow[], last_seq: res.last_seq as Seq };
}

export interface ChangeBatch {
  rows: ChangeRow[];
  /** The position after this batch: where the next read starts once it is handled. */
  lastSeq: Seq;
}

export interface FollowerOptions {
  /** Names the follower in log lines. */
  name: string;
  log: Logger;
  db: FeedDb;
  /** Handles a batch; throwing keeps the position, so the same batch comes again after a pause. */
  handle(batch: ChangeBatch): Promise<void> | void;
  limit?: number;
  /** `all_docs`: every leaf of a conflicted document is listed. */
  style?: 'all_docs';
  /** The pause after a failure (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  /** Draws the pauses' jitter (tests pass a fixed one). */
  random?: () => number;
  /**
   * Reads the feed at this interval (ms) instead of long-polling, so `handle` hears from a quiet
   * database too (with no rows): a long-poll stays open while nothing changes (CouchDB's heartbeat
   * overrides its timeout, and PouchDB Server has none).
   */
  pollEveryMs?: number;
}

/** The longest pause before reading again a document the feed listed and no node gave yet. */
export const LAG_PAUSE_MAX_MS = 1_000;

/** Kept open while nothing changes. */
const LONGPOLL = { feed: 'longpoll', timeout: 30_000, heartbeat: 10_000 } as const;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The pause before trying again after the n-th failure in a row: doubling from a quarter of a
 * second up to 30 s, each drawn between half and all of it, so that the followers of several
 * servers do not retry in step against a database coming back.
 */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(250 * 2 ** Math.max(0, failures - 1), 30_000);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The failures in a row of a loop that retries: one line when they start and one when they end (an
 * outage of an hour is two lines, without a stack), and the pause before each next attempt.
 */
export class FailureStreak {
  private failures = 0;

  constructor(
    private readonly log: Logger,
    private readonly context: Record<string, unknown>,
    private readonly lines: { stopped: string; resumed: string },
    private readonly random: () => number = Math.random,
  ) {}

  /** Counts a failure, logs the first of a streak, and gives the pause before the next attempt. */
  failed(err: unknown): number {
    this.failures++;
    if (this.failures === 1) this.log.warn({ ...this.context, err: (err as Error).message }, this.lines.stopped);
    return backoffMs(this.failures, this.random);
  }

  /** Ends a streak, if there was one. */
  succeeded(): void {
    if (this.failures) this.log.info({ ...this.context, failures: this.failures }, this.lines.resumed);
    this.failures = 0;
  }
}

/** The error that makes a batch wait for a document the feed listed but no node gave yet. */
export class NotYetReadable extends Error {
  constructor(readonly docId: string) {
    super(`document pas encore lisible : ${docId}`);
  }
}

export class ChangeFollower {
  private stopped = false;

  constructor(
    private readonly options: FollowerOptions,
    /** The position to start after; then the position of the last batch handled. */
    public seq: Seq,
  ) {}

  start(): void {
    void this.follow();
  }

  /** Stops after the read in progress (a long-poll ends by itself); nothing more is handled. */
  stop(): void {
    this.stopped = true;
  }

  private async follow(): Promise<void> {
    const { db, name, limit, style, handle, log, pollEveryMs } = this.options;
    const feed = pollEveryMs ? {} : LONGPOLL;
    const sleep = this.options.sleep ?? pause;
    const streak = new FailureStreak(log, { follower: name }, FEED_LINES, this.options.random);
    while (!this.stopped) {
      try {
        const page = await readChanges(db, { ...feed, since: this.seq, limit, style });
        if (this.stopped) return;
        // Usually every row has its document: no read, and no promise per row.
        const rows = page.results.every(hasDocument) ? page.results : await Promise.all(page.results.map((row) => readable(db, row)));
        await handle({ rows, lastSeq: page.last_seq });
        this.seq = page.last_seq;
        streak.succeeded();
        if (pollEveryMs && !page.results.length) await sleep(pollEveryMs);
      } catch (err) {
        if (this.stopped) return;
        const pause = streak.failed(err);
        // A document listed before this node holds it is a lag of the cluster, not an outage: read
        // again soon (a pause grown to 30 s would hold every change behind it that long).
        await sleep(err instanceof NotYetReadable ? Math.min(pause, LAG_PAUSE_MAX_MS) : pause);
      }
    }
  }
}

const FEED_LINES = {
  stopped: 'suivi des changements interrompu ; nouvel essai après une attente croissante / change feed interrupted; retrying with backoff',
  resumed: 'suivi des changements repris / change feed resumed',
};

const hasDocument = (row: ChangeRow): boolean => Boolean(row.doc) || row.deleted === true;

/**
 * The rows with their documents, up to the first whose document cannot be read yet (a cluster node
 * can list a change before it holds the document); `complete` is false when they stop before the end.
 */
export async function readableRows(db: FeedDb, rows: ChangeRow[]): Promise<{ rows: ChangeRow[]; complete: boolean }> {
  if (rows.every(hasDocument)) return { rows, complete: true };
  const read: ChangeRow[] = [];
  for (const row of rows) {
    try {
      read.push(await readable(db, row));
    } catch (err) {
      if (err instanceof NotYetReadable) return { rows: read, complete: false };
      throw err;
    }
  }
  return { rows: read, complete: true };
}

/** The row with its document: read again when the feed gave none; a document deleted since is a deletion. */
export async function readable(db: FeedDb, row: ChangeRow): Promise<ChangeRow> {
  if (hasDocument(row)) return row;
  try {
    const doc: Record<string, unknown> = { ...(await db.get(row.id)) };
    return { ...row, doc };
  } catch (err) {
    if (isNotFound(err) && (err as { reason?: string }).reason === 'deleted') return { ...row, deleted: true };
    if (isNotFound(err)) throw new NotYetReadable(row.id);
    throw err;
  }
}
