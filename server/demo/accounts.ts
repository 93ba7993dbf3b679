/** The demo accounts (demo mode only): one coordinator, a GP, two nurses, a pharmacist, a specialist, an EHPAD, each tied to a directory entry. */
import { GENERAL_PRACTICE } from '../../src/domain/members/professions';
import type { Member } from '../../src/domain/members/schema';
import type { Role } from '../../src/domain/session/user';
import { mainCommune, type Territory } from '../territory/load';

export interface DemoAccount {
  email: string;
  password: string;
  roles: Role[];
  label: string;
  pick: (m: Member) => boolean;
}

const isGp = (m: Member) => m.profession === '10' && m.specialty === GENERAL_PRACTICE;

/** The demo logins: `<login>@<the territory's demo e-mail domain>`. */
const ACCOUNTS: Array<Omit<DemoAccount, 'email'> & { login: string }> = [
  { label: 'Coordinatrice', login: 'coordination', password: 'Coordination-2026', roles: ['member', 'coordinator'], pick: (m) => m.id === 'm-coordination' },
  { label: 'Médecin généraliste', login: 'generaliste', password: 'Generaliste-2026', roles: ['member'], pick: isGp },
  { label: 'Infirmière', login: 'infirmiere', password: 'Infirmiere-2026', roles: ['member'], pick: (m) => m.profession === '60' },
  { label: 'Infirmier', login: 'infirmier', password: 'Infirmier-2026', roles: ['member'], pick: (m) => m.profession === '60' },
  { label: 'Pharmacien', login: 'pharmacien', password: 'Pharmacien-2026', roles: ['member'], pick: (m) => m.profession === '21' },
  { label: 'Dermatologue', login: 'specialiste', password: 'Specialiste-2026', roles: ['member'], pick: (m) => m.specialty === 'Dermatologie' },
  { label: 'EHPAD (structure)', login: 'ehpad', password: 'Ehpad-2026', roles: ['member'], pick: (m) => m.profession === 'ehpad' },
];

export type DemoLogin = 'coordination' | 'generaliste' | 'infirmiere' | 'infirmier' | 'pharmacien' | 'specialiste' | 'ehpad';

export function demoAccounts(domain: string): DemoAccount[] {
  return ACCOUNTS.map(({ login, ...account }) => ({ ...account, email: `${login}@${domain}` }));
}

/** The coordinator's own directory entry: the CPTS's coordination platform, in the territory's main commune. */
export function coordinationMember(now: Date, territory: Pick<Territory, 'communes' | 'settings'>): Member {
  const commune = mainCommune(territory);
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
    address: { street: '1 place de la Mairie', postcode: commune.postcodes[0], communeInsee: commune.insee, commune: commune.name },
    location: { lat: commune.centroid[1], lon: commune.centroid[0], approximate: false },
    phones: { landline: territory.settings.platform.phone },
    email: `coordination@${territory.settings.demoEmailDomain}`,
    availability: { onCall: [], acceptsNewPatients: false, absences: [] },
    updatedAt: now.toISOString(),
  };
}

/** Ties each demo account to a distinct directory entry, preferring the main commune, and sets the entry's e-mail to the login. */
export function assignDemoMembers(members: Member[], territory: Pick<Territory, 'communes' | 'settings'>): Array<{ account: DemoAccount; member: Member }> {
  const taken = new Set<string>();
  const main = mainCommune(territory).insee;
  const inMain = (m: Member) => m.address.communeInsee === main;
  return demoAccounts(territory.settings.demoEmailDomain).map((account) => {
    const candidates = members.filter((m) => account.pick(m) && !taken.has(m.id));
    const member = candidates.find(inMain) ?? candidates[0];
    if (!member) throw new Error(`Aucune fiche de démonstration pour le compte ${account.label}`);
    taken.add(member.id);
    member.email = account.email;
    return { account, member };
  });
}
