/** From a registration to its directory entry: the member id, the name shown, the signature proposed, the `members` document. */
import { IDENTIFIER_KINDS } from '../members/identifiers';
import { professionLabel } from '../members/professions';
import type { Member } from '../members/schema';
import type { Registration, RegistrationDetails } from './schema';

type Position = Member['location'];

/**
 * The entry's id, derived from the national identifier so that one number can only be registered
 * once: `m-<rpps>` (the RPPS import's ids), `m-adeli-…`, `s-<finess>` for structures (the demo's ids)…
 */
export function memberIdFor(reg: Pick<Registration, 'kind' | 'identifiers'>): string {
  const kind = IDENTIFIER_KINDS.find((k) => reg.identifiers[k] !== undefined) ?? 'rpps';
  const value = reg.identifiers[kind]!.toLowerCase();
  if (reg.kind === 'structure') return kind === 'finess' ? `s-${value}` : `s-${kind}-${value}`;
  return kind === 'rpps' ? `m-${value}` : `m-${kind}-${value}`;
}

export function displayNameOf(reg: Pick<Registration, 'kind' | 'civility' | 'firstName' | 'lastName' | 'structureName'>): string {
  if (reg.kind === 'structure') return (reg.structureName ?? '').trim();
  return [reg.civility, reg.firstName, reg.lastName].map((s) => (s ?? '').trim()).filter(Boolean).join(' ');
}

export function streetLine(address: Pick<Registration['address'], 'number' | 'street'>): string {
  return [address.number, address.street].map((s) => (s ?? '').trim()).filter(Boolean).join(' ');
}

/** The proposed signature: name, profession (and specialty), address, phone; the person may rewrite it. */
export function defaultSignature(reg: Partial<RegistrationDetails>): string {
  const profession = reg.profession ? professionLabel(reg.profession) : '';
  const job = [profession, reg.specialty && reg.specialty !== profession ? reg.specialty : ''].filter(Boolean).join(' – ');
  const address = reg.address ? [streetLine(reg.address), [reg.address.postcode, reg.address.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
  const phones = [reg.phones?.landline, reg.phones?.mobile].filter(Boolean).join(' / ');
  const name = displayNameOf({ kind: reg.kind ?? 'professional', civility: reg.civility, firstName: reg.firstName, lastName: reg.lastName, structureName: reg.structureName });
  return [name, job, address, phones ? `Tél. ${phones}` : ''].filter(Boolean).join('\n');
}

/** The directory entry of a new registration, `pending` until a coordinator approves it. */
export function memberFromRegistration(reg: RegistrationDetails, id: string, location: Position, now: Date): Member {
  const professional = reg.kind === 'professional';
  return {
    id,
    kind: reg.kind,
    status: 'pending',
    civility: professional ? (reg.civility ?? '') : '',
    ...(professional ? { lastName: reg.lastName ?? '', firstName: reg.firstName ?? '' } : {}),
    displayName: displayNameOf(reg),
    profession: reg.profession,
    specialty: reg.specialty ?? '',
    skills: [...(reg.skills ?? [])],
    identifiers: { ...reg.identifiers },
    address: {
      street: streetLine(reg.address),
      postcode: reg.address.postcode,
      ...(reg.address.communeInsee ? { communeInsee: reg.address.communeInsee } : {}),
      commune: reg.address.commune,
    },
    location,
    phones: { ...reg.phones },
    email: reg.email,
    signature: reg.signature,
    availability: { onCall: [], acceptsNewPatients: false, absences: [] },
    updatedAt: now.toISOString(),
  };
}

/**
 * An invited entry (from the RPPS import) taken over by the person who registered with its RPPS:
 * the registration's details replace the imported ones, the id and the availability stay.
 */
export function claimInvitedEntry(invited: Member, reg: RegistrationDetails, location: Position, now: Date): Member {
  const fresh = memberFromRegistration(reg, invited.id, location, now);
  return { ...invited, ...fresh, availability: invited.availability, status: 'active' };
}
