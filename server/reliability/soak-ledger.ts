/**
 * What the soak test's simulated members did and saw: every write they made, every error, when
 * each alert reached each device, what each device was owed and received. Checked against the
 * server's databases at the end: each write there exactly once, each answer applied exactly once.
 */
import { CLOSED_STATUSES, type RequestStatus } from '../../src/domain/requests/lifecycle';

export type Collection = 'requests' | 'patients' | 'messages' | 'members';
type Doc = Record<string, unknown> & { _id: string; _rev?: string };

export interface Write {
  collection: Collection;
  /** The document as the member wrote it (`_id` included). */
  doc: Doc;
  by: string;
  acked: boolean;
  refused: boolean;
}

/** Messages the dispatcher applies to the request: each must be in its history exactly once. */
const APPLIED_KINDS = new Set(['accept', 'decline', 'resolve', 'cancel', 'close-unresolved']);

export interface Verdict {
  writes: number;
  lost: number;
  duplicated: number;
  /** Answers the dispatcher never applied, or applied more than once (already in lost/duplicated). */
  unapplied: number;
  reapplied: number;
  openRequests: number;
  samples: string[];
}

export class Ledger {
  readonly writes: Write[] = [];
  readonly errors = new Map<string, number>();
  readonly errorSamples: string[] = [];
  /** Post start of each request (performance.now, and the wall clock the server's timestamps compare with); arrivals of its card at each alerted member. */
  private readonly posted = new Map<string, number>();
  private readonly postedWall = new Map<string, number>();
  private readonly arrivals = new Map<string, Map<string, number>>();
  /** Document or change → the members who must receive it, and those who did. */
  private readonly owed = new Map<string, Set<string>>();
  private readonly received = new Map<string, Set<string>>();
  /** Directory entries: the latest `updatedAt` written, and the latest each device received. */
  private readonly updates = new Map<string, string>();
  private readonly updatesSeen = new Map<string, Map<string, string>>();

  write(collection: Collection, doc: Doc, by: string): Write {
    const write = { collection, doc, by, acked: false, refused: false };
    this.writes.push(write);
    return write;
  }

  /** A client error: a non-2xx answer, a refused row, a network failure. No document content here. */
  error(kind: string, detail: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (this.errorSamples.length < 20) this.errorSamples.push(`${kind}: ${detail}`);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }

  posting(requestId: string, at: number, wall = Date.now()): void {
    this.posted.set(requestId, at);
    this.postedWall.set(requestId, wall);
  }

  /** A device received the card of a request listing its member among the alerted (first time counts). */
  cardArrived(requestId: string, memberId: string, at: number): void {
    if (!this.arrivals.has(requestId)) this.arrivals.set(requestId, new Map());
    const seen = this.arrivals.get(requestId)!;
    if (!seen.has(memberId)) seen.set(memberId, at);
  }

  owe(key: string, memberIds: Iterable<string>): void {
    if (!this.owed.has(key)) this.owed.set(key, new Set());
    for (const m of memberIds) this.owed.get(key)!.add(m);
  }

  deliver(key: string, memberId: string): void {
    if (!this.received.has(key)) this.received.set(key, new Set());
    this.received.get(key)!.add(memberId);
  }

  /** A directory entry was written: every device owes it (or a later version of it). */
  updated(memberId: string, updatedAt: string): void {
    if ((this.updates.get(memberId) ?? '') < updatedAt) this.updates.set(memberId, updatedAt);
  }

  updateSeen(memberId: string, updatedAt: string, by: string): void {
    if (!this.updatesSeen.has(memberId)) this.updatesSeen.set(memberId, new Map());
    const seen = this.updatesSeen.get(memberId)!;
    if ((seen.get(by) ?? '') < updatedAt) seen.set(by, updatedAt);
  }

  /** Deliveries owed and not (yet) received: documents to their readers, directory changes to every device. */
  undelivered(devices: readonly string[]): number {
    let missing = 0;
    for (const [key, members] of this.owed) for (const m of members) if (!this.received.get(key)?.has(m)) missing++;
    for (const [memberId, latest] of this.updates) {
      const seen = this.updatesSeen.get(memberId);
      for (const device of devices) if ((seen?.get(device) ?? '') < latest) missing++;
    }
    return missing;
  }

  /**
   * Alert latencies of the first step (post → card on each alerted device, ms), the part of it
   * until the server wrote the step (its timestamp), and the alerted members of any step whose
   * device never got the card. `simulated`: the members that have a device here (the dispatcher
   * may alert others of the directory too).
   */
  alerts(requests: Map<string, Doc>, simulated: ReadonlySet<string>): { latencies: number[]; stepWritten: number[]; missed: number; alerted: number } {
    const latencies: number[] = [];
    const stepWritten: number[] = [];
    let missed = 0;
    let alerted = 0;
    for (const [id, t0] of this.posted) {
      const dispatch = requests.get(id)?.dispatch as { steps: Array<{ at: string; alerted: string[] }> } | undefined;
      const arrivals = this.arrivals.get(id) ?? new Map<string, number>();
      if (dispatch?.steps[0]) stepWritten.push(Date.parse(dispatch.steps[0].at) - this.postedWall.get(id)!);
      dispatch?.steps.forEach((step, i) => {
        for (const m of step.alerted) {
          if (!simulated.has(m)) continue;
          alerted++;
          const at = arrivals.get(m);
          if (at === undefined) missed++;
          else if (i === 0) latencies.push(at - t0);
        }
      });
    }
    return { latencies, stepWritten, missed, alerted };
  }

  /** Compares what was written with what the server holds; `initialRevs`: members' revisions before the run. */
  verify(stored: Record<Collection, Map<string, Doc>>, initialRevs: Map<string, string>, members: ReadonlySet<string>): Verdict {
    const v: Verdict = { writes: this.writes.length, lost: 0, duplicated: 0, unapplied: 0, reapplied: 0, openRequests: 0, samples: [] };
    const note = (what: string) => v.samples.length < 20 && v.samples.push(what);
    const written = new Set<string>();
    const byMember = new Map<string, Write[]>();
    for (const w of this.writes) {
      if (w.collection === 'members') {
        byMember.set(w.doc._id, [...(byMember.get(w.doc._id) ?? []), w]);
        continue;
      }
      written.add(`${w.collection}/${w.doc._id}`);
      const doc = stored[w.collection].get(w.doc._id);
      if (w.refused) continue;
      if (!doc || !sameContent(w.collection, w.doc, doc)) { v.lost++; note(`lost: ${w.collection} ${w.doc._id}`); }
    }
    // Copies: a document of the run's members the run did not write, or the same content twice.
    for (const collection of ['requests', 'patients', 'messages'] as const) {
      const contents = new Map<string, number>();
      for (const doc of stored[collection].values()) {
        const author = String(doc.requesterId ?? doc.authorId);
        if (!members.has(author)) continue;
        if (!written.has(`${collection}/${doc._id}`)) { v.duplicated++; note(`unexpected: ${collection} ${doc._id}`); }
        const key = contentKey(collection, doc);
        contents.set(key, (contents.get(key) ?? 0) + 1);
      }
      for (const [key, n] of contents) if (n > 1) { v.duplicated += n - 1; note(`${n} copies: ${collection} ${key}`); }
    }
    // A member's entry: its revision advanced once per write, and holds the last one.
    for (const [id, writes] of byMember) {
      const doc = stored.members.get(id);
      const landed = writes.filter((w) => !w.refused);
      const advanced = generation(doc?._rev) - generation(initialRevs.get(id));
      if (advanced < landed.length) { v.lost += landed.length - advanced; note(`lost: members ${id}`); }
      if (advanced > landed.length) { v.duplicated += advanced - landed.length; note(`applied twice: members ${id}`); }
      const last = landed.at(-1);
      if (last && doc && doc.updatedAt !== last.doc.updatedAt) { v.lost++; note(`last write not kept: members ${id}`); }
    }
    // The server's side: each answer applied once, every request closed.
    for (const w of this.writes) {
      if (w.collection !== 'messages' || w.refused || !APPLIED_KINDS.has(String(w.doc.kind))) continue;
      const history = (stored.requests.get(String(w.doc.requestId))?.history ?? []) as Array<{ ref?: string }>;
      const n = history.filter((h) => h.ref === w.doc._id).length;
      if (n === 0) { v.unapplied++; v.lost++; note(`not applied: ${w.doc._id}`); }
      if (n > 1) { v.reapplied += n - 1; v.duplicated += n - 1; note(`applied ${n} times: ${w.doc._id}`); }
    }
    for (const id of this.posted.keys()) {
      const status = stored.requests.get(id)?.status as RequestStatus | undefined;
      if (status && !CLOSED_STATUSES.has(status)) v.openRequests++;
    }
    return v;
  }
}

const generation = (rev: string | undefined) => (rev ? Number.parseInt(rev, 10) : 0);

/** The fields a member wrote are stored as written (the server adds its own: status, readers…). */
const WRITTEN_FIELDS: Record<Exclude<Collection, 'members'>, string[]> = {
  requests: ['requesterId', 'question', 'place', 'createdAt'],
  patients: ['requestId', 'requesterId', 'consent', 'createdAt'],
  messages: ['requestId', 'authorId', 'kind', 'text', 'createdAt'],
};

function sameContent(collection: Exclude<Collection, 'members'>, written: Doc, stored: Doc): boolean {
  return WRITTEN_FIELDS[collection].every((f) => JSON.stringify(written[f]) === JSON.stringify(stored[f]));
}

function contentKey(collection: string, doc: Doc): string {
  if (collection === 'requests') return `${doc.requesterId}|${doc.createdAt}|${doc.question}`;
  if (collection === 'patients') return String(doc.requestId);
  return `${doc.requestId}|${doc.authorId}|${doc.kind}|${doc.createdAt}|${doc.text ?? ''}`;
}
