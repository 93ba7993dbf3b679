/** Registration records (server-only `registrations` database): what was submitted, the checks, the verifications and the coordinator's decision. */
import { randomBytes } from 'node:crypto';
import type { Member } from '../../src/domain/members/schema';
import type { RegistrationStatus } from '../../src/domain/registration/api';
import type { RegistrationDetails } from '../../src/domain/registration/schema';
import type { FieldError } from '../../src/domain/validation';
import type { Couch, Db } from '../storage/couch';
import { isConflict } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';

export interface RegistrationRecord {
  _id: string;
  _rev?: string;
  type: 'registration';
  status: RegistrationStatus;
  accountId: string;
  memberId: string;
  /** True when the registration takes over an invited entry (RPPS import): the entry changes only at approval. */
  claimsInvited: boolean;
  details: RegistrationDetails;
  location: Member['location'];
  /** Hash of the secret half of the ticket the registering browser holds. */
  ticketHash: string;
  /** The identifier checks' warnings (e.g. an RPPS whose Luhn key does not match). */
  warnings: FieldError[];
  phoneVerifiedAt?: string;
  emailVerifiedAt?: string;
  smsSent: number;
  emailSent: number;
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

/** Messages of each kind a registration may receive in all, the first one included. */
export const MAX_SENDS = 4;

export const newRegistrationId = () => 'reg-' + randomBytes(16).toString('hex');
export const REGISTRATION_ID = /^reg-[0-9a-f]{32}$/;

export class RegistrationStore {
  private readonly db: Db<RegistrationRecord>;

  constructor(couch: Couch) {
    this.db = couch.use<RegistrationRecord>('registrations');
  }

  async get(id: string): Promise<RegistrationRecord | undefined> {
    if (!REGISTRATION_ID.test(id)) return undefined;
    return getOrUndefined(this.db, id);
  }

  async create(record: Omit<RegistrationRecord, '_rev' | 'type'>): Promise<RegistrationRecord> {
    const doc: RegistrationRecord = { ...record, type: 'registration' };
    const res = await this.db.insert(doc);
    return { ...doc, _rev: res.rev };
  }

  /** Applies `change` to the stored record, reading it again when someone else wrote in between. */
  async update(id: string, change: (r: RegistrationRecord) => RegistrationRecord): Promise<RegistrationRecord> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.db.get(id);
      const next = change(current);
      try {
        const res = await this.db.insert(next);
        return { ...next, _rev: res.rev };
      } catch (err) {
        if (!isConflict(err) || attempt >= 4) throw err;
      }
    }
  }

  /** The queue: registrations with this status, oldest first. */
  async list(status: RegistrationStatus, limit = 200): Promise<RegistrationRecord[]> {
    const res = await this.db.view<null>('registrations', 'by_status', {
      startkey: [status],
      endkey: [status, {}],
      include_docs: true,
      limit,
    });
    return res.rows.map((r) => r.doc as RegistrationRecord).filter(Boolean);
  }
}
