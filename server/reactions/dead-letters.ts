/**
 * Changes a reaction could not apply after every attempt: set aside in the `server` database, where
 * the coordinators' « Technique » page shows them and can run them again, instead of blocking the
 * feed behind them or being dropped in silence.
 */
import type { DeadLetterEntry } from '../../src/domain/reactions/api';
import { scrubMessage } from '../../src/domain/client-log/scrub';
import { isConflict, isNotFound, type Couch, type Db } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';

const PREFIX = 'dead-letter:';

type Stored = Omit<DeadLetterEntry, 'id'> & { _id: string; _rev?: string };

/** One per reaction and document: a later failure of the same document replaces the earlier one. */
export const deadLetterId = (reaction: string, docId: string) => `${reaction}:${docId}`;

export class DeadLetters {
  private readonly db: Db<Stored>;

  constructor(
    couch: Couch,
    private readonly now: () => number,
  ) {
    this.db = couch.use<Stored>('server');
  }

  async record(letter: Omit<DeadLetterEntry, 'id' | 'at' | 'error'>, error: unknown): Promise<DeadLetterEntry> {
    const id = deadLetterId(letter.reaction, letter.docId);
    const entry: DeadLetterEntry = { ...letter, id, error: scrubMessage(String((error as Error)?.message ?? error)), at: new Date(this.now()).toISOString() };
    const { id: _, ...fields } = entry;
    const doc: Stored = { ...fields, _id: PREFIX + id };
    try {
      await this.db.insert(doc);
    } catch (err) {
      if (!isConflict(err)) throw err;
      await this.db.insert({ ...doc, _rev: (await this.db.get(doc._id))._rev });
    }
    return entry;
  }

  /** Oldest first. */
  async list(): Promise<DeadLetterEntry[]> {
    const res = await this.db.list({ startkey: PREFIX, endkey: `${PREFIX}\ufff0`, include_docs: true });
    return res.rows
      .flatMap((row) => {
        if (!row.doc) return [];
        const { _id, _rev, ...entry } = row.doc;
        return [{ ...entry, id: _id.slice(PREFIX.length) }];
      })
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  async get(id: string): Promise<DeadLetterEntry | undefined> {
    const doc = await getOrUndefined(this.db, PREFIX + id);
    if (!doc) return undefined;
    const { _id, _rev, ...entry } = doc;
    return { ...entry, id };
  }

  /** Once applied; one removed meanwhile (by another coordinator) is no error. */
  async remove(id: string): Promise<void> {
    try {
      const { _rev } = await this.db.get(PREFIX + id);
      await this.db.destroy(PREFIX + id, _rev!);
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }
}
