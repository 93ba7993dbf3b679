/**
 * Server reactions to data changes, all of one shape `{ name, init, filter, onMatch }`: a runner
 * follows the database's change feed from a persisted checkpoint, so a restart neither loses nor
 * repeats work (a change being handled when the server dies is handled again: `onMatch` must be
 * idempotent).
 */
import { log } from '../log';
import type { Couch } from '../storage/couch';
import { isNotFound } from '../storage/couch';

export interface Reaction<T> {
  name: string;
  /** The database whose changes it follows. */
  db: string;
  /** Checks its configuration at start-up; throws to stop the server with a clear message. */
  init?(): void | Promise<void>;
  filter(doc: T): boolean;
  onMatch(doc: T): Promise<void>;
}

/** `checkpoint-<reaction>` in the `server` database; `db` tells a backup which feed `since` belongs to. */
export interface Checkpoint {
  _id: string;
  _rev?: string;
  db?: string;
  since: string | number;
}

export const CHECKPOINT_PREFIX = 'checkpoint-';

export class ReactionRunner<T> {
  private stopped = false;

  constructor(
    private readonly couch: Couch,
    private readonly reaction: Reaction<T>,
  ) {}

  private async checkpoint(): Promise<Checkpoint> {
    try {
      return (await this.couch.use<Checkpoint>('server').get(`${CHECKPOINT_PREFIX}${this.reaction.name}`)) as Checkpoint;
    } catch (err) {
      if (isNotFound(err)) return { _id: `${CHECKPOINT_PREFIX}${this.reaction.name}`, db: this.reaction.db, since: 0 };
      throw err;
    }
  }

  async start(): Promise<void> {
    await this.reaction.init?.();
    let checkpoint = await this.checkpoint();
    if (checkpoint._rev && checkpoint.db !== this.reaction.db) {
      // Written before checkpoints named their feed: a backup needs to know it.
      const saved = await this.couch.use<Checkpoint>('server').insert({ ...checkpoint, db: this.reaction.db });
      checkpoint = { ...checkpoint, db: this.reaction.db, _rev: saved.rev };
    }
    void this.follow(checkpoint);
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  private async follow(checkpoint: Checkpoint): Promise<void> {
    const db = this.couch.use<T>(this.reaction.db);
    const state = this.couch.use<Checkpoint>('server');
    let failures = 0;
    while (!this.stopped) {
      try {
        const res = await db.changes({ feed: 'longpoll', since: checkpoint.since as string, include_docs: true, timeout: 30_000, heartbeat: 10_000, limit: 100 } as never);
        if (this.stopped) return;
        for (const row of res.results as unknown as Array<{ doc?: T & { _id: string } }>) {
          const doc = row.doc;
          if (!doc || doc._id.startsWith('_design/') || !this.reaction.filter(doc)) continue;
          await this.reaction.onMatch(doc);
        }
        if (String(res.last_seq) !== String(checkpoint.since)) {
          const saved = await state.insert({ ...checkpoint, since: res.last_seq as string });
          checkpoint = { ...checkpoint, since: res.last_seq as string, _rev: saved.rev };
        }
        failures = 0;
      } catch (err) {
        if (this.stopped) return;
        failures++;
        if (failures === 1 || failures % 30 === 0) log.warn({ reaction: this.reaction.name, err: (err as Error).message }, 'réaction interrompue ; reprise');
        await new Promise((r) => setTimeout(r, Math.min(1000 * failures, 5000)));
      }
    }
  }
}
