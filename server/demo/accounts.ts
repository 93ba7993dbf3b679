/** The demo accounts (demo mode only): one coordinator, a GP, two nurses, a pharmacist, a specialist, each tied to a directory entry. */
import { GENERAL_PRACTICE } from '../../src/domain/members/professions';
import type { Member } from '../../src/domain/members/schema';
import type { Role } from '../../src/domain/session/user';

export interface DemoAccount {
  email: string;
  password: string;
  roles: Role[];
  label: string;
  pick: (m: Member) => boolean;
}

const isGp = (m: Member) => m.profession === '10' && m.specialty === GENERAL_PRACTICE;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { label: 'Coordinatrice', email: 'coordination@cpts-metz.test', password: 'Coordination-2026', roles: ['member', 'coordinator'], pick: (m) => m.id === 'm-coordination' },
  { label: 'Médecin généraliste', email: 'generaliste@cpts-metz.test', password: 'Generaliste-2026', roles: ['member'], pick: isGp },
  { label: 'Infirmière', email: 'infirmiere@cpts-metz.test', password: 'Infirmiere-2026', roles: ['member'], pick: (m) => m.profession === '60' },
  { label: 'Infirmier', email: 'infirmier@cpts-metz.test', password: 'Infirmier-2026', roles: ['member'], pick: (m) => m.profession === '60' },
  { label: 'Pharmacien', email: 'pharmacien@cpts-metz.test', password: 'Pharmacien-2026', roles: ['member'], pick: (m) => m.profession === '21' },
  { label: 'Dermatologue', email: 'specialiste@cpts-metz.test', password: 'Specialiste-2026', roles: ['member'], pick: (m) => m.specialty === 'Dermatologie' },
];

/** The coordinator's own directory entry: the CPTS's coordination platform. */
export function coordinationMember(now: Date): Member {
  return {
    id: 'm-coordination',
    kind: 'professional',
    status: 'active',
    civility: 'Mme',
    lastName: 'Marchal',
    firstName: 'Hélène',
    displayName: 'Hélène Marchal',
    profession: 'coordination',
    specialty: 'Plateforme de coordination 24/7',
    skills: [],
    address: { street: '1 place d’Armes', postcode: '57000', communeInsee: '57463', commune: 'Metz' },
    location: { lat: 49.11976, lon: 6.17617, approximate: false },
    phones: { landline: '03 87 00 00 00' },
    email: 'coordination@cpts-metz.test',
    availability: { onCall: [], acceptsNewPatients: false, absences: [] },
    updatedAt: now.toISOString(),
  };
}

/** Ties each demo account to a distinct directory entry, preferring Metz, and sets the entry's e-mail to the login. */
export function assignDemoMembers(members: Member[]): Array<{ account: DemoAccount; member: Member }> {
  const taken = new Set<string>();
  const inMetz = (m: Member) => m.address.communeInsee === '57463';
  return DEMO_ACCOUNTS.map((account) => {
    const candidates = members.filter((m) => account.pick(m) && !taken.has(m.id));
    const member = candidates.find(inMetz) ?? candidates[0];
    if (!member) throw new Error(`Aucune fiche de démonstration pour le compte ${account.label}`);
    taken.add(member.id);
    member.email = account.email;
    return { account, member };
  });
}
