/**
 * Server reactions to data changes, all of one shape `{ name, db, init, wants, run }`, kept in one
 * registry. The reactions of one database share one read of its change feed (`feed.ts`), from a
 * persisted checkpoint, so a restart loses no work. The checkpoint is written once CHECKPOINT_EVERY_MS
 * or a batch's worth of changes (BATCH) have gone by: the changes handled since are handled again
 * after a restart, as is a change being handled when the server dies, so `run` must be idempotent
 * (its effects are recorded, and seen again they do nothing).
 */
import type { Logger } from '../log';
import type { ChangeRow } from '../storage/changes';
import { isNotFound, isOutage, type Couch } from '../storage/couch';
import { CHECKPOINT_PREFIX, type Checkpoint } from './checkpoint';
import type { DeadLetters } from './dead-letters';
import { ReactionFeed, type Follower } from './feed';

export interface Reaction<T> {
  name: string;
  /** The database whose changes it follows. */
  db: string;
  /** Checks its configuration at start-up; throws to stop the server with a clear message. */
  init?(): void | Promise<void>;
  wants(doc: T): boolean;
  run(doc: T): Promise<void>;
}

/**
 * Attempts at one change before it is set aside for the coordinators: the pauses between them
 * double from a quarter of a second, so the last comes about a minute after the first. A database
 * out of reach is not counted: it is waited out, however long.
 */
export const ATTEMPTS = 8;

/** The reactions of this server: add them, then start them all; the reactions of one database share its feed and its checkpoint. */
export class Reactions {
  private readonly reactions: Array<Reaction<never>> = [];
  private readonly feeds: ReactionFeed[] = [];
  /** Failed attempts at a change (reaction, document, revision) still being retried. */
  private readonly failures = new Map<string, number>();

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
    const state = this.couch.use<Checkpoint>('server');
    for (const reaction of this.reactions) await reaction.init?.();
    for (const db of new Set(this.reactions.map((r) => r.db))) {
      const reactions = this.reactions.filter((r) => r.db === db);
      const checkpoint = (await this.read(`${CHECKPOINT_PREFIX}${db}`)) ?? { _id: `${CHECKPOINT_PREFIX}${db}`, db, since: 0 };
      // The checkpoints of earlier versions, one per reaction: where those not counted yet catch up from.
      const retired = (await Promise.all(reactions.map((r) => this.read(`${CHECKPOINT_PREFIX}${r.name}`)))).filter((c): c is Checkpoint => Boolean(c));
      const followers = reactions.map((reaction): Follower => ({
        name: reaction.name,
        since: retired.find((c) => c._id === `${CHECKPOINT_PREFIX}${reaction.name}`)?.since ?? 0,
        handle: (rows) => this.handle(reaction, rows),
      }));
      const feed = new ReactionFeed({ db: this.couch.use(db), checkpoints: state, checkpoint: { ...checkpoint, db }, retired, followers, log: this.log, now: this.now, sleep: this.sleep });
      this.feeds.push(feed);
      feed.start();
    }
  }

  /** Stops following; `start` follows again from the checkpoints. */
  stop(): void {
    this.feeds.splice(0).forEach((f) => f.stop());
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

  private async read(id: string): Promise<Checkpoint | undefined> {
    try {
      return await this.couch.use<Checkpoint>('server').get(id);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Runs the reaction on the rows' documents it wants; throws to have them again after a pause. */
  private async handle(reaction: Reaction<never>, rows: ChangeRow[]): Promise<void> {
    for (const row of rows) {
      const doc = row.doc as never;
      if (!row.doc || row.id.startsWith('_design/') || !reaction.wants(doc)) continue;
      await this.runOrSetAside(reaction, row, doc);
    }
  }
}
