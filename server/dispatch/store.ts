/**
 * Reads and writes requests for the dispatcher, one request at a time (its changes are applied in
 * order, never raced), and keeps the readers of its patient block and messages in step with it.
 */
import { participantsOf } from '../../src/domain/requests/policies';
import { patientIdOf } from '../../src/domain/requests/patient-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { backoffMs, NotYetReadable } from '../storage/changes';
import { isConflict, isNotFound, type Couch } from '../storage/couch';
import { foundDocs, toDomainDoc, type StoredDoc } from '../storage/docs';

type Stored<T> = Omit<T, 'id'> & { _id: string; _rev?: string };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function toStored<T extends { id: string }>(doc: T, rev: string | undefined): Stored<T> {
  const { id, ...rest } = doc;
  return { ...rest, _id: id, ...(rev ? { _rev: rev } : {}) } as Stored<T>;
}

export class RequestStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly couch: Couch) {}

  /**
   * Runs `change` on the current request and stores its result (`null`: nothing to store); a
   * concurrent write is read again and the change applied again. Throws, never returns in silence,
   * when the request cannot be read yet (a cluster node behind the change feed that announced it):
   * the caller's change is then handled again later. A deleted request needs nothing. `seen`: the
   * version the change feed just gave, tried first.
   */
  update(id: string, change: (request: CareRequest) => CareRequest | null | Promise<CareRequest | null>, seen?: StoredDoc): Promise<CareRequest | null> {
    const run = async (): Promise<CareRequest | null> => {
      for (let attempt = 1; ; attempt++) {
        // The version the feed gave saves a read on a cluster; a later one makes its write conflict, and it is then read.
        const stored = attempt === 1 && typeof seen?._rev === 'string' ? { request: toDomainDoc<CareRequest>(seen), rev: seen._rev } : await this.get(id);
        if (!stored) return null;
        const next = await change(stored.request);
        if (!next) return null;
        try {
          await this.couch.use('requests').insert(toStored(next, stored.rev) as never);
          return next;
        } catch (err) {
          if (!isConflict(err) || attempt >= 6) throw err;
          // Another writer, or a node that gave an older revision: read again after a short pause.
          await pause(backoffMs(attempt) / 10);
        }
      }
    };
    const previous = this.queues.get(id) ?? Promise.resolve();
    const current = previous.then(run, run);
    this.queues.set(id, current);
    void current.finally(() => this.queues.get(id) === current && this.queues.delete(id)).catch(() => {});
    return current;
  }

  /** Requests the dispatcher still watches (sent, searching, assigned). */
  async open(): Promise<CareRequest[]> {
    const res = await this.couch.use<StoredDoc>('requests').view('requests', 'open', { include_docs: true });
    return res.rows.flatMap((r) => (r.doc ? [toDomainDoc<CareRequest>(r.doc)] : []));
  }

  /** The request and its revision; `undefined` when deleted. */
  private async get(id: string): Promise<{ request: CareRequest; rev: string } | undefined> {
    try {
      const doc = await this.couch.use<StoredDoc>('requests').get(id);
      return { request: toDomainDoc<CareRequest>(doc), rev: doc._rev };
    } catch (err) {
      if (isNotFound(err) && (err as { reason?: string }).reason === 'deleted') return undefined;
      if (isNotFound(err)) throw new NotYetReadable(id);
      throw err;
    }
  }

  /** After an assignment changes, the patient block and the thread are read by the new participants. */
  async refreshReaders(request: CareRequest): Promise<void> {
    await this.restamp('patients', [patientIdOf(request.id)], (doc) => participantsOf(request, String(doc.requesterId)));
    const thread = await this.couch.use('messages').view('messages', 'by_request', { startkey: [request.id], endkey: [request.id, {}] });
    await this.restamp('messages', thread.rows.map((r) => r.id), (doc) => participantsOf(request, String(doc.authorId)));
  }

  private async restamp(db: string, ids: string[], readersOf: (doc: Record<string, unknown>) => string[]): Promise<void> {
    if (!ids.length) return;
    const res = await this.couch.use<StoredDoc>(db).fetch({ keys: ids });
    const changed = [];
    for (const { doc } of foundDocs(res)) {
      const readers = readersOf(doc);
      if (JSON.stringify(readers) !== JSON.stringify(doc.readers ?? [])) changed.push({ ...doc, readers });
    }
    // A conflict means the author changed the document meanwhile; the next restamp catches up.
    if (changed.length) await this.couch.use(db).bulk({ docs: changed });
  }
}
