/**
 * Server reactions to data changes, all of one shape `{ name, db, init, wants, run }`, kept in one
 * registry: each follows its database's change feed (the one follower, `storage/changes.ts`) from a
 * persisted checkpoint, so a restart loses no work. The checkpoint is written once CHECKPOINT_EVERY_MS
 * or a batch's worth of changes (BATCH) have gone by: the changes handled since are handled again
 * after a restart, as is a change being handled when the server dies, so `run` must be idempotent
 * (its effects are recorded, and seen again they do nothing).
 */
import type { Logger } from '../log';
import { ChangeFollower, type ChangeBatch, type ChangeRow } from '../storage/changes';
import { isNotFound, isOutage, type Couch } from '../storage/couch';
import type { DeadLetters } from './dead-letters';

export interface Reaction<T> {
  name: string;
  /** The database whose changes it follows. */
  db: string;
  /** Checks its configuration at start-up; throws to stop the server with a clear message. */
  init?(): void | Promise<void>;
  wants(doc: T): boolean;
  run(doc: T): Promise<void>;
}

/** `checkpoint-<reaction>` in the `server` database; `db` tells a backup which feed `since` belongs to. */
export interface Checkpoint {
  _id: string;
  _rev?: string;
  db?: string;
  since: string | number;
}

export const CHECKPOINT_PREFIX = 'checkpoint-';

/**
 * Attempts at one change before it is set aside for the coordinators: the pauses between them
 * double from a quarter of a second, so the last comes about a minute after the first. A database
 * out of reach is not counted: it is waited out, however long.
 */
export const ATTEMPTS = 8;

/**
 * How often a reaction's checkpoint is written while its feed brings a few changes at a time: after
 * a batch that comes this long after the last write, or that makes a whole batch (BATCH changes) since.
 * Written after every batch, the checkpoints were two writes in three of a posted request (each of
 * the four reactions following the requests, after each of its two changes). A restart handles again
 * the changes after the checkpoint, which find their work done.
 */
export const CHECKPOINT_EVERY_MS = 5_000;
/** The changes a reaction reads at a time. */
export const BATCH = 100;

/** The reactions of this server: add them, then start them all; each keeps its own checkpoint. */
export class Reactions {
  private readonly reactions: Array<Reaction<never>> = [];
  private readonly followers: ChangeFollower[] = [];
  /** Failed attempts at a change (reaction, document, revision) still being retried. */
  private readonly failures = new Map<string, number>();
  /** When each reaction's checkpoint was last written (by `now`), and the changes handled since. */
  private readonly saved = new Map<string, { at: number; changesSince: number }>();

  constructor(
    private readonly couch: Couch,
    private readonly deadLetters: DeadLetters,
    private readonly log: Logger,
    private readonly now: () => number,
    /** The pause before a batch is tried again (tests pass one that does not wait). */
    private readonly sleep?: (ms: number) => Promise<void>,
  ) {}

  add<T>(...reactions: Array<Reaction<T>>): this {
    this.reactions.push(...(reactions as Array<Reaction<never>>));
    return this;
  }

  async start(): Promise<void> {
    for (const reaction of this.reactions) {
      await reaction.init?.();
      const checkpoint = await this.checkpoint(reaction);
      const follower = new ChangeFollower({ name: reaction.name, log: this.log, db: this.couch.use(reaction.db), limit: BATCH, sleep: this.sleep, handle: (batch) => this.handle(reaction, checkpoint, batch) }, checkpoint.since);
      this.followers.push(follower);
      follower.start();
    }
  }

  /** Stops following; `start` follows again from the checkpoints. */
  stop(): void {
    this.followers.splice(0).forEach((f) => f.stop());
    this.saved.clear();
  }

  /**
   * A failure throws, so the follower keeps its position and the batch comes again after a pause;
   * the change that failed ATTEMPTS times is set aside (`dead-letters.ts`) and the feed goes on.
   */
  private async runOrSetAside(reaction: Reaction<never>, row: ChangeRow, doc: never): Promise<void> {
    const key = `${reaction.name}\n${row.id}\n${row.changes[0]?.rev ?? ''}`;
    try {
      await reaction.run(doc);
      this.failures.delete(key);
    } catch (err) {
      if (isOutage(err)) throw err;
      const attempts = (this.failures.get(key) ?? 0) + 1;
      if (attempts < ATTEMPTS) {
        this.failures.set(key, attempts);
        throw err;
      }
      const letter = await this.deadLetters.record({ reaction: reaction.name, db: reaction.db, docId: row.id, attempts }, err);
      this.failures.delete(key);
      this.log.error({ reaction: reaction.name, doc: row.id, err: letter.error }, 'changement mis de côté pour la coordination / change set aside for the coordinators');
    }
  }

  /**
   * A coordinator's « Relancer »: the reaction runs on the document as it is now, and the letter is
   * removed once it applies; a failure leaves it, with the new reason.
   */
  async retry(id: string): Promise<'applied' | 'unknown'> {
    const letter = await this.deadLetters.get(id);
    const reaction = letter && this.reactions.find((r) => r.name === letter.reaction);
    if (!letter || !reaction) return 'unknown';
    let doc: never | undefined;
    try {
      doc = (await this.couch.use(reaction.db).get(letter.docId)) as never;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    try {
      if (doc && reaction.wants(doc)) await reaction.run(doc);
    } catch (err) {
      await this.deadLetters.record({ ...letter, attempts: letter.attempts + 1 }, err);
      throw err;
    }
    await this.deadLetters.remove(id);
    return 'applied';
  }

  private async checkpoint(reaction: Reaction<never>): Promise<Checkpoint> {
    const state = this.couch.use<Checkpoint>('server');
    const id = `${CHECKPOINT_PREFIX}${reaction.name}`;
    let checkpoint: Checkpoint;
    try {
      checkpoint = await state.get(id);
    } catch (err) {
      if (isNotFound(err)) return { _id: id, db: reaction.db, since: 0 };
      throw err;
    }
    if (checkpoint.db === reaction.db) return checkpoint;
    // Written before checkpoints named their feed: a backup needs to know it.
    const saved = await state.insert({ ...checkpoint, db: reaction.db });
    return { ...checkpoint, db: reaction.db, _rev: saved.rev };
  }

  /** Runs the reaction on the batch's documents it wants, then moves its checkpoint past the batch if its last move is CHECKPOINT_EVERY_MS or BATCH changes old. */
  private async handle(reaction: Reaction<never>, checkpoint: Checkpoint, { rows, lastSeq }: ChangeBatch): Promise<void> {
    for (const row of rows) {
      const doc = row.doc as never;
      if (!row.doc || row.id.startsWith('_design/') || !reaction.wants(doc)) continue;
      await this.runOrSetAside(reaction, row, doc);
    }
    const now = this.now();
    const last = this.saved.get(reaction.name) ?? { at: -Infinity, changesSince: 0 };
    last.changesSince += rows.length;
    this.saved.set(reaction.name, last);
    if (String(lastSeq) === String(checkpoint.since) || (now - last.at < CHECKPOINT_EVERY_MS && last.changesSince < BATCH)) return;
    const saved = await this.couch.use<Checkpoint>('server').insert({ ...checkpoint, since: lastSeq });
    checkpoint.since = lastSeq;
    checkpoint._rev = saved.rev;
    this.saved.set(reaction.name, { at: now, changesSince: 0 });
  }
}
