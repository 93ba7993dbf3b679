/** What is shown of a registration: to the person registering (their progress) and to coordinators (the queue). */
import { IDENTIFIER_KINDS, IDENTIFIER_LABELS } from '../../src/domain/members/identifiers';
import { professionLabel } from '../../src/domain/members/professions';
import type { RegistrationQueueItem, RegistrationState } from '../../src/domain/registration/api';
import { MAX_SENDS, type RegistrationRecord } from './store';

export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  return digits.length < 6 ? '••' : `${digits.slice(0, 2)} •• •• •• ${digits.slice(-2)}`;
}

export function publicState(r: RegistrationRecord): RegistrationState {
  return {
    id: r._id,
    status: r.status,
    email: r.details.email,
    mobile: maskPhone(r.details.phones.mobile),
    phoneVerified: Boolean(r.phoneVerifiedAt),
    emailVerified: Boolean(r.emailVerifiedAt),
    smsLeft: Math.max(0, MAX_SENDS - r.smsSent),
    emailLeft: Math.max(0, MAX_SENDS - r.emailSent),
    warnings: r.warnings,
    ...(r.status === 'refused' && r.reason ? { reason: r.reason } : {}),
  };
}

export function queueItem(r: RegistrationRecord, displayName: string): RegistrationQueueItem {
  return {
    id: r._id,
    status: r.status,
    createdAt: r.createdAt,
    accountId: r.accountId,
    memberId: r.memberId,
    claimsInvited: r.claimsInvited,
    displayName,
    professionLabel: professionLabel(r.details.profession),
    details: r.details,
    identifiers: IDENTIFIER_KINDS.filter((k) => r.details.identifiers[k]).map((k) => ({ kind: k, label: IDENTIFIER_LABELS[k], value: r.details.identifiers[k]! })),
    warnings: r.warnings,
    phoneVerifiedAt: r.phoneVerifiedAt,
    emailVerifiedAt: r.emailVerifiedAt,
    locationApproximate: r.location.approximate,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedBy,
    reason: r.reason,
  };
}
