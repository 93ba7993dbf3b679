/**
 * Registration pre-fills of professionals Pro Santé Connect vouched for and the directory does not
 * know yet, kept 15 minutes in the server-only `server` database under a random id: the browser's
 * address carries that id, never the person's data.
 */
import { randomBytes } from 'node:crypto';
import { PSC_PREFILL_ID, type PscPrefill } from '../../src/domain/psc/api';
import type { Couch, Db } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';

const PREFIX = 'psc-prefill:';
export const PREFILL_MINUTES = 15;

interface Stored {
  _id: string;
  _rev?: string;
  prefill: PscPrefill;
  expiresAt: string;
}

export class Prefills {
  private readonly db: Db<Stored>;

  constructor(
    couch: Couch,
    private readonly now: () => number,
  ) {
    this.db = couch.use<Stored>('server');
  }

  /** Keeps a pre-fill and returns its id; the expired ones go at the same time. */
  async create(prefill: PscPrefill): Promise<string> {
    const id = randomBytes(16).toString('hex');
    await this.db.insert({ _id: PREFIX + id, prefill, expiresAt: new Date(this.now() + PREFILL_MINUTES * 60_000).toISOString() });
    await this.sweep();
    return id;
  }

  /** The pre-fill, while it lasts; undefined for an unknown, malformed or expired id. */
  async read(id: string): Promise<PscPrefill | undefined> {
    if (!PSC_PREFILL_ID.test(id)) return undefined;
    const doc = await getOrUndefined(this.db, PREFIX + id);
    return doc && this.now() < Date.parse(doc.expiresAt) ? doc.prefill : undefined;
  }

  /** Deletes the expired pre-fills; one deleted meanwhile by another instance is no error. */
  private async sweep(): Promise<void> {
    const res = await this.db.list({ startkey: PREFIX, endkey: `${PREFIX}\ufff0`, include_docs: true, limit: 500 });
    const expired = res.rows.flatMap((row) => (row.doc && this.now() >= Date.parse(row.doc.expiresAt) ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }] : []));
    if (expired.length) await this.db.bulk({ docs: expired as never });
  }
}
