/**
 * Server reactions to data changes, all of one shape `{ name, db, init, wants, run }`, kept in one
 * registry: each follows its database's change feed (the one follower, `storage/changes.ts`) from a
 * persisted checkpoint, so a restart neither loses nor repeats work (a change being handled when the
 * server dies is handled again: `run` must be idempotent).
 */
import type { Couch } from '../storage/couch';
import type { Logger } from '../log';
import { isNotFound } from '../storage/couch';
import { ChangeFollower, type ChangeBatch } from '../storage/changes';

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

/** The reactions of this server: add them, then start them all; each keeps its own checkpoint. */
export class Reactions {
  private readonly reactions: Array<Reaction<never>> = [];
  private readonly followers: ChangeFollower[] = [];

  constructor(
    private readonly couch: Couch,
    private readonly log: Logger,
  ) {}

  add<T>(...reactions: Array<Reaction<T>>): this {
    this.reactions.push(...(reactions as Array<Reaction<never>>));
    return this;
  }

  async start(): Promise<void> {
    for (const reaction of this.reactions) {
      await reaction.init?.();
      const checkpoint = await this.checkpoint(reaction);
      const follower = new ChangeFollower({ name: reaction.name, log: this.log, db: this.couch.use(reaction.db), limit: 100, handle: (batch) => this.handle(reaction, checkpoint, batch) }, checkpoint.since);
      this.followers.push(follower);
      follower.start();
    }
  }

  stop(): void {
    this.followers.forEach((f) => f.stop());
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

  /** Runs the reaction on the batch's documents it wants, then moves its checkpoint past the batch. */
  private async handle(reaction: Reaction<never>, checkpoint: Checkpoint, { rows, lastSeq }: ChangeBatch): Promise<void> {
    for (const row of rows) {
      const doc = row.doc as never;
      if (!row.doc || row.id.startsWith('_design/') || !reaction.wants(doc)) continue;
      await reaction.run(doc);
    }
    if (String(lastSeq) === String(checkpoint.since)) return;
    const saved = await this.couch.use<Checkpoint>('server').insert({ ...checkpoint, since: lastSeq });
    checkpoint.since = lastSeq;
    checkpoint._rev = saved.rev;
  }
}
