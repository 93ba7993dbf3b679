/**
 * The unscheduled-care slots doctors offer (`slots` database, read by the server only): one document
 * per slot, found by doctor and by start for the SAS's searches and the dispatcher's.
 */
import { randomUUID } from 'node:crypto';
import type { UnscheduledSlot } from '../../src/domain/slots/slot';
import type { Couch, DesignDoc } from '../storage/couch';
import { getOrUndefined, toDomainDoc, type StoredDoc } from '../storage/docs';

export const SLOT_DESIGN_DOCS: Record<string, DesignDoc[]> = {
  slots: [
    {
      _id: '_design/slots',
      views: {
        by_start: { map: 'function (doc) { if (doc.type === "slot") { emit(doc.start, null); } }' },
        by_member: { map: 'function (doc) { if (doc.type === "slot") { emit([doc.memberId, doc.start], null); } }' },
      },
    },
  ],
};

type StoredSlot = Omit<UnscheduledSlot, 'id'> & { _id: string; _rev?: string; type: 'slot' };

const iso = (t: number) => new Date(t).toISOString();

function slotOf(doc: StoredSlot): UnscheduledSlot {
  const { type: _type, ...slot } = toDomainDoc<UnscheduledSlot & { type: string }>(doc as unknown as StoredDoc);
  return slot;
}

export class Slots {
  constructor(private readonly couch: Couch) {}

  private get db() {
    return this.couch.use<StoredSlot>('slots');
  }

  /** A doctor's slots not over at `now`, by start. */
  async upcomingOf(memberId: string, now: number): Promise<UnscheduledSlot[]> {
    const res = await this.db.view('slots', 'by_member', { startkey: [memberId, ''], endkey: [memberId, {}], include_docs: true });
    return res.rows.flatMap((r) => (r.doc ? [slotOf(r.doc)] : [])).filter((s) => Date.parse(s.end) > now);
  }

  /** Slots starting from `from` to `to` (inclusive), by start. */
  async startingBetween(from: number, to: number): Promise<UnscheduledSlot[]> {
    const res = await this.db.view('slots', 'by_start', { startkey: iso(from), endkey: iso(to), include_docs: true });
    return res.rows.flatMap((r) => (r.doc ? [slotOf(r.doc)] : []));
  }

  /** Free slots of use between `from` and `to`: starting before `to`, not over at `from` (none lasts more than 4 hours). */
  async overlapping(from: number, to: number): Promise<UnscheduledSlot[]> {
    return (await this.startingBetween(from - 4 * 3_600_000, to)).filter((s) => Date.parse(s.end) > from);
  }

  async add(memberId: string, start: number, end: number, now: number): Promise<UnscheduledSlot> {
    const slot: UnscheduledSlot = { id: `slot-${randomUUID()}`, memberId, start: iso(start), end: iso(end), status: 'free', createdAt: iso(now) };
    const { id, ...rest } = slot;
    await this.db.insert({ ...rest, _id: id, type: 'slot' });
    return slot;
  }

  /** Removes one of the doctor's slots; false when it is not theirs or no longer there. */
  async remove(memberId: string, id: string): Promise<boolean> {
    const doc = await getOrUndefined(this.db, id);
    if (!doc || doc.type !== 'slot' || doc.memberId !== memberId) return false;
    await this.db.destroy(doc._id, doc._rev!);
    return true;
  }
}
