/**
 * The replication gateway's service: the CouchDB replication subset RxDB uses, with every document
 * checked against the caller's rights, both ways. It only ever sends the database requests it built.
 */
import { isDeepStrictEqual } from 'node:util';
import type { SessionUser } from '../../src/domain/session/user';
import { PULL_BATCH } from '../../src/domain/sync/api';
import { canRead, type CollectionPolicy, type RelatedRef } from '../../src/domain/sync/policy';
import { describeErrors } from '../../src/domain/validation';
import { type Db } from '../storage/couch';
import { foundDocs, toDomainDoc, type StoredDoc } from '../storage/docs';
import type { ChangesHub } from './changes-hub';
import { firstSyncPage, inMemory, parseCursor, readerView, type DocsInMemory, type Entry } from './first-sync-pages';
import type { PageReads } from './page-reads';
import { ReadAhead } from './read-ahead';
import { readableRows, readChanges, type ChangeRow } from '../storage/changes';
import { unavailable } from '../http/errors';
import { relayableRow, isInternalId, isWithdrawnStub } from './rows';

export interface ChangesResponse {
  results: ChangeRow[];
  last_seq: string | number;
}

type AllDocsRow =
  | { id: string; key: string; value: { rev: string; deleted?: boolean }; doc: Record<string, unknown> | null }
  | { key: string; error: 'not_found' };

/** Keeps a long-poll open past its timeout: writes a heartbeat, or says (false) that the wait must end. */
export interface Heartbeat {
  beat(): Promise<boolean>;
}

export type BulkResult = { ok: true; id: string; rev: string } | { id: string; error: string; reason: string };

/** A long-poll answers after this long with nothing, or, when its client asked for a heartbeat, writes one. */
const LONGPOLL_MS = 25_000;
/**
 * A long-poll kept alive by heartbeats answers after this long at most, so an idle device re-polls
 * every five minutes instead of every 25 s: at 10,000 devices, 33 requests a second instead of 400,
 * and a newline written to each every 25 s (which also keeps mobile networks' address translation
 * from dropping the connection).
 */
const LONGPOLL_MAX_MS = 5 * 60_000;

const REV = /^[0-9]{1,10}-[0-9a-f]{1,64}$/;

/** What is written: the validated fields, the id and the revision, nothing else (no attachments, no internals). */
function toStoredDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { id, ...fields } = toDomainDoc(doc);
  return doc._rev === undefined ? { ...fields, _id: id } : { ...fields, _id: id, _rev: doc._rev };
}
const SCAN_BATCH = 500;

/** Reads stored documents of any replicated collection, for the `related` documents of a policy. */
export type RelatedReader = (refs: RelatedRef[]) => Promise<Map<string, unknown>>;
/** Called with the ids of audited documents a user has just received. */
export type ReadAuditor = (user: SessionUser, collection: string, ids: string[], via: string) => void;

export interface GatewayOptions {
  related?: RelatedReader;
  audit?: ReadAuditor;
  longpollMs?: number;
  /** The longest a long-poll kept alive by heartbeats stays open. */
  longpollMaxMs?: number;
  /** Shared by the gateways of all collections: a user's page reads, in turn. */
  pageReads?: PageReads;
}

/** A page read ahead is for one user, position and page size. */
const readAheadKey = (user: SessionUser, since: string | number, limit: number) => `${user.id}|${user.memberId}|${user.roles.join(',')}|${since}|${limit}`;

export class Gateway {
  private readonly longpollMs: number;
  private readonly longpollMaxMs: number;
  private readonly readAhead = new ReadAhead<ChangesResponse>();
  private memory?: DocsInMemory;

  constructor(
    private readonly db: Db<StoredDoc>,
    private readonly policy: CollectionPolicy<never>,
    private readonly hub: ChangesHub,
    private readonly options: GatewayOptions = {},
  ) {
    this.longpollMs = options.longpollMs ?? LONGPOLL_MS;
    this.longpollMaxMs = options.longpollMaxMs ?? LONGPOLL_MAX_MS;
  }

  /** From now on, first syncs page through these documents in memory instead of reading the database. */
  serveFirstSyncFrom(memory: DocsInMemory): void {
    this.memory = memory;
  }

  /** Records in the audit log what a user received of audited documents (patient data), and returns the same rows. */
  private audited<R extends { id?: string; doc?: unknown }>(user: SessionUser, rows: R[], via: string): R[] {
    if (this.policy.audited && this.options.audit) {
      const ids = rows.filter((r) => r.doc && r.id && !isWithdrawnStub(r.doc as Record<string, unknown>)).map((r) => r.id!);
      if (ids.length) this.options.audit(user, this.policy.name, ids, via);
    }
    return rows;
  }

  private readable(user: SessionUser, doc: Record<string, unknown> | null | undefined): boolean {
    if (!doc || isInternalId(String(doc._id))) return false;
    return canRead(this.policy, user, toDomainDoc(doc) as never);
  }

  /**
   * The changes since `since` that the user may read, at most `limit`. A first sync of a user the
   * `by_reader` view covers pages through their documents only; otherwise the change feed is
   * scanned past unreadable changes until the page is full or the end is reached: RxDB takes a page
   * shorter than its `limit` for the end of the initial pull, and would miss the rest.
   */
  async changes(user: SessionUser, since: string | number, limit: number): Promise<ChangesResponse> {
    const ahead = await this.readAhead.take(readAheadKey(user, since, limit))?.catch(() => undefined);
    // A page read ahead may be seconds old. A full one is continued from its end; a short one ends
    // the client's pull, and what changed since it was read would wait: that one is read again.
    const page = ahead && ahead.results.length >= limit ? ahead : await this.page(user, since, limit);
    // A full page means more to come: the client will ask for the next one as soon as it has this one.
    if (page.results.length >= limit) this.readAhead.start(readAheadKey(user, page.last_seq, limit), () => this.page(user, page.last_seq, limit));
    return { results: this.audited(user, page.results, 'sync'), last_seq: page.last_seq };
  }

  /**
   * Starts reading the first two pages of a device's first sync (a login from a device that holds
   * no data), to be handed out by `changes` when the device asks for them; unused, they expire.
   */
  prefetchFirstPages(user: SessionUser): void {
    const first = this.page(user, 0, PULL_BATCH);
    this.readAhead.start(readAheadKey(user, 0, PULL_BATCH), () => first);
    // The device asks for the next page only once it has parsed this one: have it ready too.
    first
      .then((page) => page.results.length >= PULL_BATCH && this.readAhead.start(readAheadKey(user, page.last_seq, PULL_BATCH), () => this.page(user, page.last_seq, PULL_BATCH)))
      .catch(() => undefined);
  }

  /** One page of `changes`, not yet audited (it may be read ahead and never handed out), read in the user's turn. */
  private page(user: SessionUser, since: string | number, limit: number): Promise<ChangesResponse> {
    return this.options.pageReads ? this.options.pageReads.run(user.id, () => this.readPage(user, since, limit)) : this.readPage(user, since, limit);
  }

  private async readPage(user: SessionUser, since: string | number, limit: number): Promise<ChangesResponse> {
    const cursor = parseCursor(since);
    const relayed = (entry: Entry) => this.firstSyncRow(user, entry);
    // A first sync in id order: through the documents in memory, or the user's through the reader view.
    if (this.memory && (cursor || since === 0)) {
      const from = cursor ?? { snapshot: this.memory.seq, after: '' };
      return this.handOver(user, await firstSyncPage(inMemory(this.memory, from.after), from, limit, relayed), limit);
    }
    if (cursor || (since === 0 && this.policy.indexedFor?.(user))) {
      const from = cursor ?? { snapshot: (await this.db.info()).update_seq as string | number, after: '' };
      return this.handOver(user, await firstSyncPage(readerView(this.db, this.policy.name, user.memberId, from.after, limit), from, limit, relayed), limit);
    }
    return this.feedPage(user, since, limit);
  }

  /**
   * The last page in id order goes on, in the same answer, with what changed since the snapshot:
   * RxDB takes a short page for the end of its pull, so a change made meanwhile would otherwise
   * wait for the next change to arrive (a device reloaded between its last page and its checkpoint
   * lost it until then). A document may come twice in the page; the later row is the newer.
   */
  private async handOver(user: SessionUser, page: ChangesResponse, limit: number): Promise<ChangesResponse> {
    if (page.results.length >= limit || parseCursor(page.last_seq)) return page;
    const recent = this.hub.changesSince(page.last_seq);
    const rest = recent ? this.readableRows(user, recent, limit - page.results.length) : await this.feedPage(user, page.last_seq, limit - page.results.length);
    return { results: [...page.results, ...rest.results], last_seq: rest.last_seq };
  }

  /** The change feed after `since`, scanned past unreadable changes until `limit` rows or the end. */
  private async feedPage(user: SessionUser, since: string | number, limit: number): Promise<ChangesResponse> {
    const results: ChangeRow[] = [];
    let seq = since;
    // First read what the page can hold (a reader of everything wastes nothing), then wider.
    for (let batch = limit; ; batch = SCAN_BATCH) {
      const res = await readChanges(this.db, { since: seq, limit: batch, style: 'all_docs' });
      const { rows, complete } = await readableRows(this.db, res.results);
      for (const row of rows) {
        seq = row.seq;
        const clean = relayableRow(row, this.policy.withdrawn);
        if (clean && this.readable(user, clean.doc)) results.push(clean);
        if (results.length >= limit) return { results, last_seq: seq };
      }
      if (!complete) {
        // A change whose document this node cannot read yet: the page ends before it, never past it.
        if (seq === since) throw unavailable('Une modification arrive encore sur le serveur : nouvel essai dans un instant.');
        return { results, last_seq: seq };
      }
      seq = res.last_seq;
      if (res.results.length < batch) return { results, last_seq: seq };
    }
  }

  /**
   * About how many documents a first sync brings this user now, counted where it reads them: the
   * documents in memory, the user's rows of the reader view, or (a reader by role, whose first sync
   * scans the feed) the collection's documents. A device shows what is left with it; the feed may
   * also bring deletions, which are not counted.
   */
  async readableCount(user: SessionUser): Promise<number> {
    if (this.memory) {
      let count = 0;
      for (const doc of this.memory.after('')) if (this.firstSyncRow(user, { id: String(doc._id), doc })) count++;
      return count;
    }
    if (this.policy.indexedFor?.(user)) {
      const res = await this.db.view(this.policy.name, 'by_reader', { startkey: [user.memberId, ''], endkey: [user.memberId, {}] } as never);
      return res.rows.length;
    }
    const [info, design] = await Promise.all([this.db.info(), this.db.list({ startkey: '_design/', endkey: '_design0' })]);
    return Math.max(0, info.doc_count - design.rows.length);
  }

  /** A stored document as a first sync's row, if the user may read it. */
  private firstSyncRow(user: SessionUser, { id, doc }: Entry): ChangeRow | undefined {
    const clean = doc && relayableRow({ id, seq: 0, changes: [{ rev: String(doc._rev) }], doc }, this.policy.withdrawn);
    // A device syncing for the first time has nothing to delete: what was withdrawn is not sent at all.
    return clean && !isWithdrawnStub(clean.doc) && this.readable(user, clean.doc) ? clean : undefined;
  }

  /**
   * Waits for readable changes after `since` ('now': from the follower's position), or answers empty
   * after the long-poll timeout. What happened since the client's last answer comes from the hub's
   * memory when it knows `since` (the usual case), from the database otherwise. An empty answer
   * carries the hub's position: everything up to it was either scanned or would have been handed
   * to this long-poll, and the client's next `since` is then one the hub knows.
   *
   * With a `heartbeat`, each timeout with nothing to answer calls it instead of answering, up to
   * `longpollMaxMs`; the wait ends with an empty answer when it returns false (the session ended).
   */
  async longpoll(user: SessionUser, since: string | number, limit: number, signal: AbortSignal, heartbeat?: Heartbeat): Promise<ChangesResponse> {
    const buffered: ChangeRow[] = [];
    let wake = () => {};
    const unsubscribe = this.hub.subscribe(user, (rows) => {
      buffered.push(...rows);
      wake();
    });
    const aborted = () => wake();
    signal.addEventListener('abort', aborted, { once: true });
    const start = since === 'now' ? this.hub.seq : (parseCursor(since)?.snapshot ?? since);
    try {
      if (since !== 'now') {
        const recent = this.hub.changesSince(start);
        const past = recent ? this.readableRows(user, recent, limit) : await this.page(user, start, limit);
        if (past.results.length) return { results: this.audited(user, past.results, 'sync'), last_seq: past.last_seq };
      }
      const periods = heartbeat ? Math.max(1, Math.floor(this.longpollMaxMs / this.longpollMs)) : 1;
      for (let period = 1; !buffered.length && !signal.aborted; period++) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.longpollMs);
          wake = () => (clearTimeout(timer), resolve());
        });
        if (buffered.length || signal.aborted || !heartbeat || period >= periods || !(await heartbeat.beat())) break;
      }
      if (!buffered.length) return { results: [], last_seq: this.hub.seq };
      const page = buffered.slice(0, limit);
      return { results: this.audited(user, page, 'sync'), last_seq: page[page.length - 1].seq };
    } finally {
      unsubscribe();
      signal.removeEventListener('abort', aborted);
    }
  }

  /** The rows of the hub's memory this user may read, at most `limit`, up to the hub's position (not audited). */
  private readableRows(user: SessionUser, rows: ChangeRow[], limit: number): ChangesResponse {
    const results: ChangeRow[] = [];
    for (const row of rows) {
      if (!this.readable(user, row.doc)) continue;
      results.push(row);
      if (results.length >= limit) return { results, last_seq: row.seq };
    }
    return { results, last_seq: this.hub.seq };
  }

  /** `_all_docs` by keys: the rows the user may read; anything else looks absent. */
  async allDocs(user: SessionUser, keys: string[], includeDocs: boolean): Promise<{ rows: AllDocsRow[] }> {
    const wanted = keys.filter((k) => !isInternalId(k));
    const res = wanted.length ? await this.db.fetch({ keys: wanted }, { include_docs: true } as never) : { rows: [] };
    const byKey = new Map<string, AllDocsRow>();
    for (const row of res.rows) {
      if (!('value' in row) || row.error || !row.value) continue;
      const doc = row.doc;
      const value: { rev: string; deleted?: boolean } = row.value;
      if (value.deleted) {
        byKey.set(String(row.key), { id: String(row.id), key: String(row.key), value, doc: null });
      } else if (this.readable(user, doc)) {
        const relayed = relayableRow({ id: String(row.id), seq: 0, changes: [], doc: doc! }, this.policy.withdrawn)!;
        // A withdrawn document reads as deleted, as devices were told.
        const shown = relayed.deleted ? { ...value, deleted: true } : value;
        byKey.set(String(row.key), { id: String(row.id), key: String(row.key), value: shown, doc: includeDocs ? relayed.doc : null });
      }
    }
    const rows = keys.map((key) => byKey.get(key) ?? ({ key, error: 'not_found' } as const));
    return { rows: this.audited(user, rows as Array<AllDocsRow & { id?: string; doc?: unknown }>, 'all_docs') };
  }

  /** `_bulk_docs`: each document validated and checked against the stored version; refused rows get `forbidden` and a reason. */
  async bulkDocs(user: SessionUser, docs: Array<Record<string, unknown>>): Promise<BulkResult[]> {
    if (!docs.length) return [];
    const ids = docs.map((d) => String(d._id));
    const stored = await this.db.fetch({ keys: [...new Set(ids)] }, { include_docs: true } as never);
    const current = new Map<string, Record<string, unknown>>();
    for (const { key, doc } of foundDocs(stored)) current.set(key, doc);
    const related = await this.relatedOf(docs);
    const results: Array<BulkResult | undefined> = [];
    const accepted: Array<{ index: number; doc: Record<string, unknown> }> = [];
    docs.forEach((doc, index) => {
      const before = current.get(ids[index]);
      // A device may send back the server's very state (RxDB pushes a conflict it resolved to it): accepted, nothing written.
      if (before && this.unchanged(user, doc, before)) return void (results[index] = { ok: true, id: ids[index], rev: String(before._rev) });
      // A copy this device received while it could read it, sent back after its access ended (a
      // hand-back narrows a patient block's readers): nothing to write, and nothing to refuse, or its
      // sync would stay blocked on it. Nobody may write a document they cannot read, so no edit is lost.
      if (before && this.copyFromBefore(user, doc, before)) return void (results[index] = { ok: true, id: ids[index], rev: String(before._rev) });
      const refusal = this.refusal(user, doc, before, related);
      if (refusal) results[index] = { id: ids[index], error: 'forbidden', reason: refusal };
      else accepted.push({ index, doc: this.stamped(toStoredDoc(doc), related) });
    });
    if (accepted.length) {
      const written = await this.db.bulk({ docs: accepted.map((a) => a.doc) } as never);
      written.forEach((row, i) => {
        const r = row as { id: string; rev?: string; error?: string; reason?: string };
        results[accepted[i].index] = r.error ? { id: r.id, error: r.error, reason: r.reason ?? r.error } : { ok: true, id: r.id, rev: r.rev! };
      });
    }
    return results as BulkResult[];
  }

  /** The stored documents the policy needs to decide on these writes, read in one go per collection. */
  private async relatedOf(docs: Array<Record<string, unknown>>): Promise<Map<string, unknown>> {
    if (!this.policy.related || !this.options.related) return new Map();
    const refs = docs.flatMap((doc) => {
      const domain = toDomainDoc(doc);
      return this.policy.validate(domain).ok ? this.policy.related!(domain as never) : [];
    });
    return refs.length ? this.options.related(refs) : new Map();
  }

  private stamped(stored: Record<string, unknown>, related: ReadonlyMap<string, unknown>): Record<string, unknown> {
    if (!this.policy.stamp) return stored;
    const { _id, _rev, ...fields } = stored;
    const { id, ...rest } = this.policy.stamp({ ...fields, id: _id } as never, related) as Record<string, unknown>;
    return _rev === undefined ? { ...rest, _id: id } : { ...rest, _id: id, _rev };
  }

  /** A write of exactly the stored document (bookkeeping aside) that this user may read: it changes nothing. */
  private unchanged(user: SessionUser, doc: Record<string, unknown>, stored: Record<string, unknown>): boolean {
    if (stored._deleted || doc._deleted || !this.readable(user, stored)) return false;
    const { _deleted, ...pushed } = toDomainDoc(doc);
    return isDeepStrictEqual(pushed, toDomainDoc(stored));
  }

  /** A stored document this user may no longer read, pushed as a version that listed them among its readers. */
  private copyFromBefore(user: SessionUser, doc: Record<string, unknown>, stored: Record<string, unknown>): boolean {
    if (stored._deleted || this.readable(user, stored)) return false;
    const { _deleted, ...pushed } = toDomainDoc(doc);
    return this.policy.validate(pushed).ok && canRead(this.policy, user, pushed as never);
  }

  private refusal(user: SessionUser, doc: Record<string, unknown>, stored: Record<string, unknown> | undefined, related: ReadonlyMap<string, unknown>): string | null {
    if (doc._rev !== undefined && (typeof doc._rev !== 'string' || !REV.test(doc._rev))) return 'révision « _rev » invalide';
    const domain = toDomainDoc(doc);
    const checked = this.policy.validate(domain);
    if (!checked.ok) return `document invalide : ${describeErrors(checked.errors)}`;
    const previous = stored && !stored._deleted ? toDomainDoc(stored) : undefined;
    if (previous && !this.readable(user, stored)) return 'vous n’avez pas accès à ce document';
    return this.policy.refuseWrite(user, previous as never, domain as never, related);
  }
}
