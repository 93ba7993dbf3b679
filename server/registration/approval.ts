/**
 * The coordinators' side of registrations: the queue, approval (the account becomes active, the
 * entry active or the invited entry taken over) and refusal with a reason; the person is told.
 */
import { displayNameOf, claimInvitedEntry } from '../../src/domain/registration/entry';
import type { Member } from '../../src/domain/members/schema';
import type { RegistrationQueueItem, RegistrationStatus } from '../../src/domain/registration/api';
import type { SessionUser } from '../../src/domain/session/user';
import type { Accounts } from '../accounts/accounts';
import { badRequest, HttpError, notFound } from '../http/errors';
import type { Logger } from '../log';
import { approvalMail, approvalSms, refusalMail } from '../notify/messages';
import type { Notifier } from '../notify/notifier';
import type { Couch } from '../storage/couch';
import type { RegistrationRecord, RegistrationStore } from './store';
import { queueItem } from './views';

type StoredMember = Member & { _id: string; _rev: string };

export interface ApprovalDeps {
  couch: Couch;
  accounts: Accounts;
  store: RegistrationStore;
  notifier: Notifier;
  network: string;
  log: Logger;
}

export class Approvals {
  constructor(private readonly deps: ApprovalDeps) {}

  async queue(status: RegistrationStatus): Promise<RegistrationQueueItem[]> {
    const records = await this.deps.store.list(status);
    const items = records.map((r) => queueItem(r, displayNameOf(r.details)));
    // Pending: oldest first (first come, first served); decided: most recent first.
    return status === 'pending' ? items : items.reverse();
  }

  private async pending(id: string): Promise<RegistrationRecord> {
    const record = await this.deps.store.get(id);
    if (!record) throw notFound('Inscription introuvable.');
    if (record.status !== 'pending') throw new HttpError(409, 'Cette inscription a déjà été traitée.');
    return record;
  }

  async approve(coordinator: SessionUser, id: string, origin: string): Promise<RegistrationQueueItem> {
    const record = await this.pending(id);
    if (!record.phoneVerifiedAt || !record.emailVerifiedAt) {
      throw new HttpError(409, 'La vérification du téléphone portable et de l’adresse e-mail doit être terminée avant la validation.');
    }
    await this.activateEntry(record);
    await this.setAccountStatus(record.accountId, 'active');
    const decided = await this.decide(record, coordinator, 'approved');
    const { network, notifier } = this.deps;
    await notifier.tryMail('registration-approved', approvalMail(network, record.details.email, `${origin}/connexion`));
    await notifier.trySms('registration-approved', record.details.phones.mobile, approvalSms(network));
    this.deps.log.info({ registration: id, by: coordinator.id }, 'inscription validée');
    return decided;
  }

  async refuse(coordinator: SessionUser, id: string, reason: unknown): Promise<RegistrationQueueItem> {
    if (typeof reason !== 'string' || reason.trim().length < 3 || reason.length > 1000) {
      throw badRequest('Indiquez la raison du refus (3 à 1 000 caractères) : elle est envoyée à la personne.', [{ field: 'reason', message: 'raison obligatoire' }]);
    }
    const record = await this.pending(id);
    await this.setAccountStatus(record.accountId, 'refused');
    if (!record.claimsInvited) await this.removePendingEntry(record.memberId);
    const decided = await this.decide(record, coordinator, 'refused', reason.trim());
    await this.deps.notifier.tryMail('registration-refused', refusalMail(this.deps.network, record.details.email, reason.trim()));
    this.deps.log.info({ registration: id, by: coordinator.id }, 'inscription refusée');
    return decided;
  }

  private async decide(record: RegistrationRecord, coordinator: SessionUser, status: RegistrationStatus, reason?: string): Promise<RegistrationQueueItem> {
    const at = new Date().toISOString();
    const next = await this.deps.store.update(record._id, (r) => ({ ...r, status, decidedAt: at, decidedBy: coordinator.name, ...(reason ? { reason } : {}) }));
    return queueItem(next, displayNameOf(next.details));
  }

  private async setAccountStatus(accountId: string, status: 'active' | 'refused'): Promise<void> {
    const account = await this.deps.accounts.get(accountId);
    if (!account) throw notFound('Le compte de cette inscription est introuvable.');
    await this.deps.accounts.update({ ...account, status });
  }

  private members() {
    return this.deps.couch.use<StoredMember>('members');
  }

  /** A new entry goes from pending to active; an invited one takes the registration's details. */
  private async activateEntry(record: RegistrationRecord): Promise<void> {
    const stored = await this.members().get(record.memberId);
    const { _id, _rev, ...fields } = stored;
    const now = new Date();
    let next: Member;
    if (record.claimsInvited) {
      if (stored.status !== 'invited') throw new HttpError(409, 'La fiche de l’annuaire a déjà été reprise par un autre compte.');
      next = claimInvitedEntry({ ...fields, id: _id } as Member, record.details, record.location, now);
    } else {
      next = { ...(fields as Member), id: _id, status: 'active', updatedAt: now.toISOString() };
    }
    const { id, ...body } = next;
    await this.members().insert({ ...body, _id: id, _rev } as never);
  }

  /** Deletions are soft and keep the body, so clients that saw the pending entry apply them. */
  private async removePendingEntry(memberId: string): Promise<void> {
    const stored = await this.members().get(memberId);
    if (stored.status !== 'pending') return;
    await this.members().insert({ ...stored, updatedAt: new Date().toISOString(), _deleted: true } as never);
  }
}
