/** The devices' recent error reports, kept for the coordinators in the server-only `server` database: the newest 200, none older than 7 days. */
import { randomBytes } from 'node:crypto';
import type { ClientErrorEntry } from '../../src/domain/client-log/api';
import type { Couch, Db } from '../storage/couch';
import type { NewEntry } from './entries';

/** One document per entry, so that several server instances add without conflicts; ids sort by reception time. */
const PREFIX = 'client-error:';
const LAST = `${PREFIX}\ufff0`;
export const KEEP = 200;
export const KEEP_DAYS = 7;

type Stored = Omit<ClientErrorEntry, 'id'> & { _id: string; _rev?: string };

/** What the routes need of the store. */
export interface ClientErrorLog {
  add(entries: NewEntry[]): Promise<void>;
  /** Newest first. */
  recent(): Promise<ClientErrorEntry[]>;
}

export class ClientErrors implements ClientErrorLog {
  private readonly db: Db<Stored>;

  constructor(
    couch: Couch,
    private readonly now: () => number,
  ) {
    this.db = couch.use<Stored>('server');
  }

  async add(entries: NewEntry[]): Promise<void> {
    if (!entries.length) return;
    const receivedAt = new Date(this.now()).toISOString();
    const docs = entries.map((entry, i) => ({ ...entry, receivedAt, _id: `${PREFIX}${receivedAt}:${String(i).padStart(2, '0')}:${randomBytes(4).toString('hex')}` }));
    const written = await this.db.bulk({ docs });
    await this.trim(new Map(written.flatMap((r) => (r.id && r.rev ? [[r.id, r.rev] as const] : []))));
  }

  async recent(): Promise<ClientErrorEntry[]> {
    const res = await this.db.list({ startkey: LAST, endkey: `${PREFIX}${this.cutoff()}`, descending: true, include_docs: true, limit: KEEP });
    return res.rows.flatMap((row) => {
      if (!row.doc) return [];
      const { _id, _rev, ...entry } = row.doc as Stored;
      return [{ id: _id.slice(PREFIX.length), ...entry }];
    });
  }

  /**
   * Deletes the entries beyond the newest KEEP and those older than KEEP_DAYS; one deleted meanwhile
   * by another instance is no error. The entries just written count even when the listing does not
   * show them yet (on a cluster it answers from one copy of each shard, which may not have them).
   */
  private async trim(justWritten: ReadonlyMap<string, string>): Promise<void> {
    const [listed, expired] = await Promise.all([
      this.db.list({ startkey: LAST, endkey: PREFIX, descending: true, limit: KEEP + 500 }),
      this.db.list({ startkey: PREFIX, endkey: `${PREFIX}${this.cutoff()}`, inclusive_end: false, limit: 500 }),
    ]);
    const kept = new Map([...listed.rows.map((row): [string, string] => [row.id, row.value.rev]), ...justWritten]);
    const beyond = [...kept.keys()].sort().reverse().slice(KEEP);
    const stale = new Map([...beyond.map((id): [string, string] => [id, kept.get(id)!]), ...expired.rows.map((row): [string, string] => [row.id, row.value.rev])]);
    if (!stale.size) return;
    await this.db.bulk({ docs: [...stale].map(([_id, _rev]) => ({ _id, _rev, _deleted: true })) });
  }

  private cutoff(): string {
    return new Date(this.now() - KEEP_DAYS * 86_400_000).toISOString();
  }
}
