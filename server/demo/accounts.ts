/** The demo accounts (demo mode only): one coordinator, a GP, two nurses, a pharmacist, a specialist, an EHPAD, each tied to a directory entry. */
import { distanceKm } from '../../src/domain/geo';
import { MAX_AVAILABLE_HOURS } from '../../src/domain/members/availability';
import { DAY_LABELS } from '../../src/domain/members/hours';
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
  /** Takes the demo GP's requests in the loop the README walks through (the nurses, the dermatologist). */
  takesAlerts?: true;
}

const isGp = (m: Member) => m.profession === '10' && m.specialty === GENERAL_PRACTICE;

/** The demo logins: `<login>@<the territory's demo e-mail domain>`. */
const ACCOUNTS: Array<Omit<DemoAccount, 'email'> & { login: string }> = [
  { label: 'Coordinatrice', login: 'coordination', password: 'Coordination-2026', roles: ['member', 'coordinator'], pick: (m) => m.id === 'm-coordination' },
  { label: 'Médecin généraliste', login: 'generaliste', password: 'Generaliste-2026', roles: ['member'], pick: isGp },
  { label: 'Infirmière', login: 'infirmiere', password: 'Infirmiere-2026', roles: ['member'], pick: (m) => m.profession === '60', takesAlerts: true },
  { label: 'Infirmier', login: 'infirmier', password: 'Infirmier-2026', roles: ['member'], pick: (m) => m.profession === '60', takesAlerts: true },
  { label: 'Pharmacien', login: 'pharmacien', password: 'Pharmacien-2026', roles: ['member'], pick: (m) => m.profession === '21' },
  { label: 'Dermatologue', login: 'specialiste', password: 'Specialiste-2026', roles: ['member'], pick: (m) => m.specialty === 'Dermatologie', takesAlerts: true },
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

/**
 * Ties each demo account to a distinct directory entry, preferring the main commune, and sets the
 * entry's e-mail to the login. Those who take the demo GP's requests are the nearest to the main
 * commune's centre, where the form places a patient of that commune, and can be reached at any hour.
 */
export function assignDemoMembers(members: Member[], territory: Pick<Territory, 'communes' | 'settings'>, now: Date): Array<{ account: DemoAccount; member: Member }> {
  const taken = new Set<string>();
  const main = mainCommune(territory);
  const centre = { lat: main.centroid[1], lon: main.centroid[0] };
  const inMain = (m: Member) => m.address.communeInsee === main.insee;
  return demoAccounts(territory.settings.demoEmailDomain).map((account) => {
    const candidates = members.filter((m) => account.pick(m) && !taken.has(m.id));
    const local = candidates.filter(inMain);
    if (account.takesAlerts) local.sort((a, b) => distanceKm(centre, a.location) - distanceKm(centre, b.location));
    const member = local[0] ?? candidates[0];
    if (!member) throw new Error(`Aucune fiche de démonstration pour le compte ${account.label}`);
    taken.add(member.id);
    member.email = account.email;
    if (account.takesAlerts) member.availability = reachableAnyHour(member.availability, now);
    return { account, member };
  });
}

/**
 * Hours round the clock, so the demo's request reaches them first at 3 a.m. on a Sunday too, and
 * declared available for the longest the app allows: in the hours after loading, a third of the
 * directory said it was available, and those who said so are alerted before those merely within
 * their hours. Alerted as often as one tries the loop, not ten times a week.
 */
function reachableAnyHour(availability: Member['availability'], now: Date): Member['availability'] {
  return {
    ...availability,
    weeklyHours: DAY_LABELS.map((_, day) => ({ day, start: '00:00', end: '24:00' })),
    availableUntil: new Date(now.getTime() + MAX_AVAILABLE_HOURS * 3_600_000).toISOString(),
    weeklyAlertBudget: 200,
  };
}
