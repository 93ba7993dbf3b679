/**
 * One read of a database's change feed for all the reactions that follow it: each change wakes one
 * follower in the database instead of one per reaction (on a cluster, each wake costs every node
 * that holds the database). Each reaction works through the batches in its own lane, at its own
 * pace: a reaction slowed by a mail server or a push service does not hold back the dispatcher. The
 * feed reads ahead of the slowest lane by AHEAD batches at most. One checkpoint per database, moved
 * only past the batches every lane has handled; it names the reactions it counts for, so a reaction
 * added later (or the per-reaction checkpoints of earlier versions) first catches up on its own.
 */
import type { Logger } from '../log';
import { backoffMs, ChangeFollower, FailureStreak, type ChangeBatch, type ChangeRow, type FeedDb, type Seq } from '../storage/changes';
import { isConflict, type Db } from '../storage/couch';
import { BATCH, CHECKPOINT_EVERY_MS, type Checkpoint } from './checkpoint';

/** The batches the feed may read ahead of the slowest lane. */
export const AHEAD = 10;

/** How the feed hands a reaction its changes: `handle` throws to have the same rows again after a pause. */
export interface Follower {
  name: string;
  /** Where this reaction's checkpoint of an earlier version was, if it had one (0: from the start). */
  since: Seq;
  handle(rows: ChangeRow[]): Promise<void>;
}

interface Batch extends ChangeBatch {
  /** The lanes that have not handled it yet. */
  left: number;
}

export interface FeedOptions {
  db: FeedDb & Pick<Db, 'info'>;
  /** Where the checkpoint is kept (the `server` database) and what it was when the feed started. */
  checkpoints: Db<Checkpoint>;
  checkpoint: Checkpoint;
  /** Checkpoints of earlier versions, one per reaction: removed once this one is written. */
  retired?: Checkpoint[];
  followers: Follower[];
  log: Logger;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One reaction's batches, handled in order; a failure pauses this lane only, longer each time. */
class Lane {
  private readonly queue: Batch[] = [];
  private wake?: () => void;
  private stopped = false;

  constructor(
    private readonly follower: Follower,
    private readonly feed: { log: Logger; sleep: (ms: number) => Promise<void>; handled(batch: Batch): Promise<void> },
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  push(batch: Batch): void {
    this.queue.push(batch);
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  async run(): Promise<void> {
    const { log, sleep } = this.feed;
    const streak = new FailureStreak(log, { follower: this.follower.name }, LANE_LINES);
    while (!this.stopped) {
      const batch = this.queue[0];
      if (!batch) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      try {
        await this.follower.handle(batch.rows);
      } catch (err) {
        if (this.stopped) return;
        await sleep(streak.failed(err));
        continue;
      }
      streak.succeeded();
      this.queue.shift();
      // A checkpoint this batch lets through is written before the lane goes on.
      await this.feed.handled(batch);
    }
  }
}

const LANE_LINES = {
  stopped: 'réaction interrompue ; nouvel essai après une attente croissante / reaction interrupted; retrying with backoff',
  resumed: 'réaction reprise / reaction resumed',
};

export class ReactionFeed {
  private reader?: ChangeFollower;
  private lanes: Lane[] = [];
  /** Batches read and not yet handled by every lane, oldest first. */
  private readonly inFlight: Batch[] = [];
  private room?: () => void;
  private stopped = false;
  /** Where every lane has gone past, and when the checkpoint was last written there. */
  private handledUpTo: Seq;
  private saved = { at: -Infinity, changesSince: 0 };
  private saving?: Promise<void>;
  /** Ends the catch-ups under way (on stop). */
  private readonly catchUps = new Set<() => void>();

  constructor(private readonly options: FeedOptions) {
    this.handledUpTo = options.checkpoint.since;
  }

  /** Catches up the reactions the checkpoint does not count for yet, then follows for all of them. */
  start(): void {
    void this.run().catch((err: Error) => {
      if (!this.stopped) this.options.log.error({ db: this.options.checkpoint.db, err: err.message }, 'flux de changements arrêté / change feed stopped');
    });
  }

  stop(): void {
    this.stopped = true;
    this.catchUps.forEach((end) => end());
    this.reader?.stop();
    this.lanes.forEach((lane) => lane.stop());
    this.room?.();
  }

  private async run(): Promise<void> {
    const { checkpoint, followers, log, db } = this.options;
    const sleep = this.options.sleep ?? pause;
    const counted = new Set(checkpoint.reactions ?? []);
    const behind = followers.filter((f) => !counted.has(f.name));
    // All from one place (a new platform, or a database with a single reaction): nothing to catch up.
    const together = !counted.size && new Set(behind.map((f) => String(f.since))).size === 1;
    if (together) checkpoint.since = behind[0].since;
    else {
      if (!counted.size) checkpoint.since = (await this.retrying(() => db.info(), sleep)).update_seq as Seq;
      // Caught up past the checkpoint; the changes in between come again through the feed, and find their work done.
      await Promise.all(behind.map((f) => this.catchUp(f, sleep)));
    }
    if (this.stopped) return;
    this.handledUpTo = checkpoint.since;
    checkpoint.reactions = followers.map((f) => f.name);
    this.lanes = followers.map((f) => new Lane(f, { log, sleep, handled: (batch) => this.handled(batch) }));
    this.lanes.forEach((lane) => void lane.run());
    this.reader = new ChangeFollower({ name: `feed-${checkpoint.db}`, log, db, limit: BATCH, sleep: this.options.sleep, handle: (batch) => this.read(batch) }, checkpoint.since);
    this.reader.start();
    if (behind.length) log.info({ db: checkpoint.db, reactions: behind.map((f) => f.name) }, 'réactions rattrapées sur le flux partagé / reactions caught up on the shared feed');
  }

  /** A reaction's own read of the feed, from its own position to the end, before it joins the others. */
  private catchUp(follower: Follower, sleep: (ms: number) => Promise<void>): Promise<void> {
    return new Promise((done) => {
      const resolve = () => {
        this.catchUps.delete(resolve);
        own.stop();
        done();
      };
      this.catchUps.add(resolve);
      const own: ChangeFollower = new ChangeFollower(
        {
          name: `${follower.name}-catch-up`,
          log: this.options.log,
          db: this.options.db,
          limit: BATCH,
          sleep,
          pollEveryMs: 1,
          handle: async ({ rows }) => {
            if (!rows.length || this.stopped) return resolve();
            await follower.handle(rows);
          },
        },
        follower.since,
      );
      own.start();
    });
  }

  /** Hands the batch to every lane; waits while the slowest lane is AHEAD batches behind. */
  private async read({ rows, lastSeq }: ChangeBatch): Promise<void> {
    const batch: Batch = { rows, lastSeq, left: this.lanes.length };
    this.inFlight.push(batch);
    this.lanes.forEach((lane) => lane.push(batch));
    while (!this.stopped && this.lanes.some((lane) => lane.queued >= AHEAD)) await new Promise<void>((resolve) => (this.room = resolve));
  }

  private handled(batch: Batch): Promise<void> {
    batch.left--;
    while (this.inFlight[0]?.left === 0) {
      const done = this.inFlight.shift()!;
      this.handledUpTo = done.lastSeq;
      this.saved.changesSince += done.rows.length;
    }
    this.room?.();
    this.room = undefined;
    return this.save();
  }

  /** Writes the checkpoint where every lane has gone past, CHECKPOINT_EVERY_MS or BATCH changes after the last write; one write at a time. */
  private async save(): Promise<void> {
    const { checkpoint, checkpoints, log, now } = this.options;
    if (this.saving) return this.saving;
    const at = now();
    if (String(this.handledUpTo) === String(checkpoint.since)) return;
    if (at - this.saved.at < CHECKPOINT_EVERY_MS && this.saved.changesSince < BATCH) return;
    const since = this.handledUpTo;
    this.saving = (async () => {
      try {
        const written = await checkpoints.insert({ ...checkpoint, since });
        checkpoint.since = since;
        checkpoint._rev = written.rev;
        this.saved = { at, changesSince: 0 };
        await this.retire();
      } catch (err) {
        // Kept where it was: the next batch handled writes it, and a restart handles these changes again.
        // Written meanwhile by an instance that held the work before this one: the next write replaces it.
        if (isConflict(err)) checkpoint._rev = (await checkpoints.get(checkpoint._id).catch(() => undefined))?._rev ?? checkpoint._rev;
        log.warn({ checkpoint: checkpoint._id, err: (err as Error).message }, 'point de reprise non écrit / checkpoint not written');
      }
    })();
    await this.saving;
    this.saving = undefined;
  }

  /** Removes the per-reaction checkpoints this one replaces; one left behind is removed at the next start. */
  private async retire(): Promise<void> {
    const { retired = [], checkpoints } = this.options;
    for (const old of retired.splice(0)) await checkpoints.destroy(old._id, old._rev!).catch(() => undefined);
  }

  private async retrying<T>(read: () => Promise<T>, sleep: (ms: number) => Promise<void>): Promise<T> {
    for (let failures = 1; ; failures++) {
      try {
        return await read();
      } catch (err) {
        if (this.stopped) throw err;
        await sleep(backoffMs(failures));
      }
    }
  }
}
