/**
 * The registration path on the person's side: submit (validated with the shared validator, checked
 * for duplicates), verify the mobile by an SMS code and the e-mail by a link, ask for them again
 * within limits, and follow the state until a coordinator decides.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RegistrationReceipt, RegistrationState } from '../../src/domain/registration/api';
import { displayNameOf, memberFromRegistration, memberIdFor, streetLine } from '../../src/domain/registration/entry';
import { normaliseRegistration, validateRegistration } from '../../src/domain/registration/validate';
import { describeErrors } from '../../src/domain/validation';
import type { Accounts } from '../accounts/accounts';
import { hashPassword } from '../accounts/passwords';
import type { Geocoder } from '../geocoding/geocoder';
import { badRequest, HttpError } from '../http/errors';
import type { Logger } from '../log';
import { EMAIL_LINK_HOURS, emailVerificationMail, registrationCodeSms, SMS_CODE_MINUTES } from '../notify/messages';
import type { Notifier } from '../notify/notifier';
import type { Couch } from '../storage/couch';
import { isConflict } from '../storage/couch';
import type { Secrets } from '../verification/secrets';
import { findDuplicates } from './duplicates';
import { MAX_SENDS, newRegistrationId, type RegistrationRecord, type RegistrationStore } from './store';
import { publicState } from './views';

const SMS_TTL = SMS_CODE_MINUTES * 60_000;
const EMAIL_TTL = EMAIL_LINK_HOURS * 3_600_000;

export interface RegistrationDeps {
  couch: Couch;
  accounts: Accounts;
  store: RegistrationStore;
  secrets: Secrets;
  notifier: Notifier;
  geocoder: Geocoder;
  /** The network's name in messages, e.g. « CPTS du Val de Lorraine ». */
  network: string;
  log: Logger;
}

const hashTicket = (secret: string) => createHash('sha256').update(secret).digest('hex');
const TICKET = /^(reg-[0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

const CODE_ERRORS: Record<string, string> = {
  wrong: 'Code incorrect.',
  expired: 'Ce code a expiré : demandez-en un nouveau.',
  used: 'Ce code a déjà été utilisé.',
  blocked: 'Trop de codes incorrects : ce code est annulé. Demandez-en un nouveau.',
  missing: 'Aucun code en cours : demandez-en un nouveau.',
};

export class Registrations {
  constructor(private readonly deps: RegistrationDeps) {}

  /** Creates the pending account, its pending entry (or the claim on an invited one) and sends both verifications. */
  async register(input: unknown, origin: string): Promise<RegistrationReceipt> {
    const checked = validateRegistration(normaliseRegistration(input));
    if (!checked.ok) throw badRequest(`Inscription incomplète ou invalide. ${describeErrors(checked.errors)}`, checked.errors);
    const reg = checked.value;
    const { couch, accounts, store } = this.deps;
    const duplicates = await findDuplicates(couch, accounts, reg);
    if (duplicates.errors.length) throw new HttpError(409, `Inscription impossible. ${describeErrors(duplicates.errors)}`, duplicates.errors);

    const { password, ...details } = reg;
    const location = await this.deps.geocoder.locate({ street: streetLine(reg.address), postcode: reg.address.postcode, commune: reg.address.commune, communeInsee: reg.address.communeInsee });
    const now = new Date();
    const memberId = duplicates.invited?.id ?? memberIdFor(reg);
    if (!duplicates.invited) await this.createPendingEntry(memberFromRegistration(details, memberId, location, now));

    const account = await accounts.create({
      _id: 'acc-' + randomBytes(12).toString('hex'),
      email: reg.email,
      passwordHash: await hashPassword(password),
      roles: ['member'],
      status: 'pending',
      memberId,
      name: displayNameOf(details),
    });
    const secret = randomBytes(32).toString('base64url');
    const record = await store.create({
      _id: newRegistrationId(),
      status: 'pending',
      accountId: account._id,
      memberId,
      claimsInvited: Boolean(duplicates.invited),
      details,
      location,
      ticketHash: hashTicket(secret),
      warnings: checked.warnings,
      smsSent: 0,
      emailSent: 0,
      createdAt: now.toISOString(),
    });
    this.deps.log.info({ registration: record._id, claimsInvited: record.claimsInvited }, 'inscription reçue');
    const sent = await this.sendBoth(record, origin);
    return { ticket: `${record._id}.${secret}`, registration: publicState(sent) };
  }

  private async createPendingEntry(member: ReturnType<typeof memberFromRegistration>): Promise<void> {
    const { id, ...fields } = member;
    try {
      await this.deps.couch.use('members').insert({ ...fields, _id: id } as never);
    } catch (err) {
      // Two registrations of one number at the same moment: the second one loses.
      if (isConflict(err)) throw new HttpError(409, 'Inscription impossible : ce numéro vient d’être enregistré.');
      throw err;
    }
  }

  private async sendBoth(record: RegistrationRecord, origin: string): Promise<RegistrationRecord> {
    const afterSms = await this.sendCode(record);
    return this.sendLink(afterSms, origin);
  }

  private async sendCode(record: RegistrationRecord): Promise<RegistrationRecord> {
    const code = await this.deps.secrets.issueCode(record._id, SMS_TTL);
    await this.deps.notifier.trySms('registration-code', record.details.phones.mobile, registrationCodeSms(this.deps.network, code));
    return this.deps.store.update(record._id, (r) => ({ ...r, smsSent: r.smsSent + 1 }));
  }

  private async sendLink(record: RegistrationRecord, origin: string): Promise<RegistrationRecord> {
    const token = await this.deps.secrets.issueToken('email', record._id, EMAIL_TTL);
    const link = `${origin}/verification?token=${encodeURIComponent(token)}`;
    await this.deps.notifier.tryMail('registration-email', emailVerificationMail(this.deps.network, record.details.email, link));
    return this.deps.store.update(record._id, (r) => ({ ...r, emailSent: r.emailSent + 1 }));
  }

  /** The registration a ticket opens; 401 for anything else, so tickets cannot be guessed apart. */
  async byTicket(ticket: unknown): Promise<RegistrationRecord> {
    const match = typeof ticket === 'string' ? TICKET.exec(ticket) : null;
    const record = match ? await this.deps.store.get(match[1]) : undefined;
    const expected = record ? Buffer.from(record.ticketHash) : Buffer.alloc(64);
    const given = Buffer.from(hashTicket(match?.[2] ?? ''));
    if (!record || !timingSafeEqual(expected, given)) throw new HttpError(401, 'Suivi d’inscription introuvable : recommencez depuis la page d’inscription.');
    return record;
  }

  /** A code works once: sent again after success, it is refused as used. */
  async verifyPhone(record: RegistrationRecord, code: string): Promise<RegistrationState> {
    const result = await this.deps.secrets.checkCode(record._id, code);
    if (result !== 'ok') throw badRequest(CODE_ERRORS[result], [{ field: 'code', message: CODE_ERRORS[result] }]);
    const at = new Date().toISOString();
    return publicState(await this.deps.store.update(record._id, (r) => ({ ...r, phoneVerifiedAt: r.phoneVerifiedAt ?? at })));
  }

  async verifyEmail(token: string): Promise<RegistrationState> {
    const result = await this.deps.secrets.consumeToken('email', token);
    if (!result.ok) {
      const why = { missing: 'Ce lien de vérification n’est pas valide.', expired: 'Ce lien de vérification a expiré : demandez-en un nouveau depuis votre suivi d’inscription.', used: 'Ce lien a déjà été utilisé.' };
      throw badRequest(why[result.reason]);
    }
    const at = new Date().toISOString();
    return publicState(await this.deps.store.update(result.subject, (r) => ({ ...r, emailVerifiedAt: r.emailVerifiedAt ?? at })));
  }

  /** A new code or link, within MAX_SENDS per channel; the new one replaces the previous code. */
  async resend(record: RegistrationRecord, channel: 'sms' | 'email', origin: string): Promise<RegistrationState> {
    if (record.status !== 'pending') throw new HttpError(409, 'Cette inscription a déjà été traitée par la coordination.');
    const verified = channel === 'sms' ? record.phoneVerifiedAt : record.emailVerifiedAt;
    if (verified) throw new HttpError(409, channel === 'sms' ? 'Votre numéro est déjà vérifié.' : 'Votre adresse e-mail est déjà vérifiée.');
    const sent = channel === 'sms' ? record.smsSent : record.emailSent;
    if (sent >= MAX_SENDS) throw new HttpError(429, 'Nombre maximal d’envois atteint : contactez la coordination de la CPTS.');
    return publicState(channel === 'sms' ? await this.sendCode(record) : await this.sendLink(record, origin));
  }
}
