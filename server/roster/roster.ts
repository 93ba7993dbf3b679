/** The duty roster (server-only database `roster`): coordinators' shifts on the 24/7 platform. */
import { randomUUID } from 'node:crypto';
import type { RosterState } from '../../src/domain/supervision/api';
import { checkShift, onDuty, upcoming, type Shift } from '../../src/domain/supervision/roster';
import { badRequest, notFound } from '../http/errors';
import type { Couch, Db } from '../storage/couch';
import { isNotFound } from '../storage/couch';

type StoredShift = Omit<Shift, 'id'> & { _id: string; _rev?: string; createdBy: string };

export class Roster {
  private readonly db: Db<StoredShift>;

  constructor(couch: Couch) {
    this.db = couch.use<StoredShift>('roster');
  }

  private async all(): Promise<Shift[]> {
    const res = await this.db.list({ include_docs: true });
    return res.rows
      .filter((r) => !r.id.startsWith('_design/') && r.doc)
      .map((r) => ({ id: r.id, memberId: r.doc!.memberId, start: r.doc!.start, end: r.doc!.end }));
  }

  /** Shifts not yet ended, and who is on duty now. */
  async current(now = Date.now()): Promise<RosterState> {
    const shifts = await this.all();
    return { onDuty: onDuty(shifts, now), shifts: upcoming(shifts, now) };
  }

  async add(shift: Omit<Shift, 'id'>, createdBy: string): Promise<Shift> {
    const refusal = checkShift(shift);
    if (refusal) throw badRequest(`Permanence invalide : ${refusal}.`);
    const id = `shift-${randomUUID()}`;
    await this.db.insert({ _id: id, memberId: shift.memberId, start: new Date(shift.start).toISOString(), end: new Date(shift.end).toISOString(), createdBy });
    return { id, ...shift };
  }

  async remove(id: string): Promise<void> {
    try {
      const doc = await this.db.get(id);
      await this.db.destroy(id, doc._rev!);
    } catch (err) {
      if (isNotFound(err)) throw notFound('Permanence introuvable.');
      throw err;
    }
  }
}
