/** Rights on `members`: the directory is read by everyone signed in; an entry is written by its owner or a coordinator. */
import { isCoordinator, type SessionUser } from '../session/user';
import { describeErrors } from '../validation';
import { checkAvailability } from './availability';
import type { Audience, CollectionPolicy } from '../sync/policy';
import { MEMBER_PROTECTED_FIELDS, type Member } from './schema';
import { validateMember } from './validate';

const COORDINATION: Audience = { members: [], roles: ['coordinator', 'admin'] };

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function refuseByRights(user: SessionUser, previous: Member | undefined, next: Member & { _deleted?: boolean }): string | null {
  if (isCoordinator(user)) return null;
  if (next.id !== user.memberId) return 'seul le titulaire ou un coordinateur peut modifier cette fiche';
  if (!previous) return 'une fiche est créée par l’inscription, pas par la synchronisation';
  if (next._deleted) return 'seul un coordinateur peut supprimer une fiche';
  const changed = MEMBER_PROTECTED_FIELDS.find((f) => !sameValue(previous[f], next[f]));
  return changed ? `le champ « ${changed} » ne peut être modifié que par un coordinateur` : null;
}

export const membersPolicy: CollectionPolicy<Member> = {
  name: 'members',
  validate: validateMember,
  audience(doc) {
    // A registration waiting for approval is seen by its owner and the coordinators only.
    return doc.status === 'pending' ? { ...COORDINATION, members: [doc.id] } : { everyone: true };
  },
  refuseWrite(user, previous, next) {
    const refusal = refuseByRights(user, previous, next);
    if (refusal) return refusal;
    const availabilityErrors = checkAvailability(next, next.availability);
    return availabilityErrors.length ? `disponibilité invalide : ${describeErrors(availabilityErrors)}` : null;
  },
};
