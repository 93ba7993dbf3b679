/**
 * The synthetic directory of the demo: the professionals of the territory's offer of care placed in
 * the communes in proportion to population, and its structures; deterministic for a given seed.
 */
import { luhnKey } from '../../src/domain/members/identifiers';
import { GENERAL_PRACTICE, SPECIALTIES } from '../../src/domain/members/professions';
import type { Member } from '../../src/domain/members/schema';
import type { Commune } from '../../src/domain/territory/communes';
import type { Territory } from '../territory/load';
import { apportion, randomPointIn } from './geometry';
import { FIRST_NAMES, LAST_NAMES, PLACE_NAMES, STREETS } from './names';
import { withReachability } from './reachability';
import { seeded, type Random } from './random';

/** Offer labels (offer.json) → RPPS profession code and specialty. */
const OFFER_PROFESSIONS: Record<string, { code: string; specialty?: string; homeVisits?: boolean }> = {
  'Médecin généraliste': { code: '10', specialty: GENERAL_PRACTICE, homeVisits: true },
  'Médecin spécialiste': { code: '10' },
  'Chirurgien-dentiste': { code: '40' },
  Infirmier: { code: '60', homeVisits: true },
  'Masseur-kinésithérapeute': { code: '70', homeVisits: true },
  'Sage-femme': { code: '50', homeVisits: true },
  Orthophoniste: { code: '91' },
  'Pédicure-podologue': { code: '80' },
  Pharmacien: { code: '21' },
};

/** A landline with the area prefix of the platform's own number (« 03 87 » in Moselle). */
function landline(rnd: Random, territory: Territory): string {
  const prefix = /^0\d ?\d\d/.exec(territory.settings.platform.phone.trim())?.[0].replace(/^(0\d) ?/, '$1 ') ?? '01 00';
  return `${prefix} ${rnd.digits(2)} ${rnd.digits(2)} ${rnd.digits(2)}`;
}

const ascii = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();

function address(rnd: Random, commune: Commune) {
  return { street: `${rnd.int(1, 120)} ${rnd.pick(STREETS)}`, postcode: commune.postcodes[0], communeInsee: commune.insee, commune: commune.name };
}

function availability(rnd: Random, now: Date, homeVisits: boolean): Member['availability'] {
  const hour = 3_600_000;
  const day = 24 * hour;
  const dayStart = new Date(now).setUTCHours(0, 0, 0, 0);
  // A night on call (18:00 to 08:00 UTC) in the coming week, for a quarter of the professionals.
  const night = dayStart + rnd.int(0, 6) * day;
  const onCall = rnd.chance(0.25) ? [{ start: new Date(night + 18 * hour).toISOString(), end: new Date(night + 32 * hour).toISOString() }] : [];
  const a: Member['availability'] = { onCall, acceptsNewPatients: false, absences: [] };
  if (rnd.chance(0.3)) a.availableUntil = new Date(now.getTime() + rnd.int(1, 8) * hour).toISOString();
  if (homeVisits) a.homeVisitRadiusKm = rnd.pick([3, 5, 8, 10, 15]);
  return a;
}

function professional(rnd: Random, territory: Territory, commune: Commune, offer: string, index: number, now: Date): Member {
  const p = OFFER_PROFESSIONS[offer];
  const female = rnd.chance(0.55);
  const firstName = rnd.pick(FIRST_NAMES.slice(female ? 0 : 24, female ? 24 : undefined));
  const lastName = rnd.pick(LAST_NAMES);
  const body = '1' + String(index).padStart(9, '0');
  const rpps = body + luhnKey(body);
  const doctor = p.code === '10' || p.code === '40';
  const [lon, lat] = randomPointIn(territory.outlines.get(commune.insee), commune.centroid, rnd);
  const member: Member = {
    id: `m-${rpps}`,
    kind: 'professional',
    status: 'active',
    civility: doctor ? 'Dr' : female ? 'Mme' : 'M.',
    lastName,
    firstName,
    displayName: `${doctor ? 'Dr ' : ''}${firstName} ${lastName}`,
    profession: p.code,
    specialty: p.specialty ?? (offer === 'Médecin spécialiste' ? rnd.pick(SPECIALTIES) : ''),
    skills: [],
    identifiers: { rpps },
    address: address(rnd, commune),
    location: { lat, lon, approximate: false },
    phones: { mobile: `0${rnd.pick(['6', '7'])} ${rnd.digits(2)} ${rnd.digits(2)} ${rnd.digits(2)} ${rnd.digits(2)}`, landline: landline(rnd, territory) },
    email: `${ascii(firstName)}.${ascii(lastName)}.${index}@demo.${territory.settings.demoEmailDomain}`,
    availability: availability(rnd, now, Boolean(p.homeVisits)),
    updatedAt: now.toISOString(),
  };
  if (p.code === '10' && p.specialty === GENERAL_PRACTICE) member.availability.acceptsNewPatients = rnd.chance(0.3);
  return member;
}

function structure(rnd: Random, territory: Territory, commune: Commune, kind: string, name: string, index: number, now: Date): Member {
  const finess = '57' + String(index).padStart(7, '0');
  const [lon, lat] = randomPointIn(territory.outlines.get(commune.insee), commune.centroid, rnd);
  return {
    id: `s-${finess}`,
    kind: 'structure',
    status: 'active',
    civility: '',
    displayName: name,
    profession: kind,
    specialty: '',
    skills: [],
    identifiers: { finess },
    address: address(rnd, commune),
    location: { lat, lon, approximate: false },
    phones: { landline: landline(rnd, territory) },
    email: `contact.${index}@demo.${territory.settings.demoEmailDomain}`,
    availability: { onCall: [], acceptsNewPatients: false, absences: [] },
    updatedAt: now.toISOString(),
  };
}

/** Structures named in offer.json: the emergency structures, then EHPAD, EHPA, logements-foyers, handicap, addictology. */
function structures(rnd: Random, territory: Territory, now: Date): Member[] {
  const byPopulation = [...territory.communes].sort((a, b) => b.population - a.population);
  const main = byPopulation[0];
  const other = territory.offer.otherStructures as Record<string, { count: number } | number | string[]>;
  const out: Member[] = [];
  let index = 1;
  for (const name of territory.offer.emergencyStructures) out.push(structure(rnd, territory, main, 'hopital', name.split(' (')[0], index++, now));
  // A territory's offer may leave a kind out: none of it then.
  const count = (v: unknown) => (typeof v === 'number' ? v : ((v as { count?: number } | undefined)?.count ?? 0));
  const counted: Array<[string, string, number]> = [
    ['ehpad', 'EHPAD', count(other.EHPAD)],
    ['ehpa', 'EHPA', count(other.EHPA)],
    ['logement-foyer', 'Résidence autonomie', count(other['Logements-foyers'])],
    ['handicap', 'Accueil de jour', count(other['Accueils collectifs handicap'])],
  ];
  for (const [kind, prefix, count] of counted) {
    const shares = apportion(count, byPopulation.map((c) => c.population));
    byPopulation.forEach((c, i) => {
      // Consecutive names from a random start: distinct within a commune as long as it has fewer structures of a kind than names.
      const first = rnd.int(0, PLACE_NAMES.length - 1);
      for (let k = 0; k < shares[i]; k++) {
        const name = `${prefix} ${PLACE_NAMES[(first + k) % PLACE_NAMES.length]} (${c.name})`;
        out.push(structure(rnd, territory, c, kind, name, index++, now));
      }
    });
  }
  for (const name of (other.Addictologie as string[] | undefined) ?? []) out.push(structure(rnd, territory, main, 'addictologie', name, index++, now));
  return [...out, ...networkStructures(rnd, territory, byPopulation, index, now)];
}

/**
 * The other structures the CPTS's founding documents count on, at plausible densities per 100,000
 * inhabitants (at least one each): transport companies, laboratories, home hospitalisation and
 * nursing services, social services, psychiatry, health centres, the hospital's PASS.
 */
const NETWORK_STRUCTURES: Array<{ kind: string; name: (place: string, commune: string) => string; per100k: number; oneByCommune?: boolean }> = [
  { kind: 'ambulance', name: (place, commune) => `Ambulances ${place} (${commune})`, per100k: 4 },
  { kind: 'laboratoire', name: (place, commune) => `Laboratoire de biologie ${place} (${commune})`, per100k: 3 },
  { kind: 'had', name: (_, commune) => `HAD du secteur de ${commune}`, per100k: 0.4 },
  { kind: 'ssiad', name: (place, commune) => `SSIAD ${place} (${commune})`, per100k: 1 },
  { kind: 'ccas', name: (_, commune) => `CCAS de ${commune}`, per100k: 3, oneByCommune: true },
  { kind: 'cmp', name: (place, commune) => `CMP ${place} (${commune})`, per100k: 1 },
  { kind: 'msp', name: (place, commune) => `Maison de santé ${place} (${commune})`, per100k: 1.5 },
  { kind: 'pass', name: (_, commune) => `PASS de l’hôpital de ${commune}`, per100k: 0.4, oneByCommune: true },
];
const VEHICLES = ['ambulance', 'VSL', 'taxi conventionné'];

function networkStructures(rnd: Random, territory: Territory, byPopulation: Commune[], firstIndex: number, now: Date): Member[] {
  const population = territory.communes.reduce((s, c) => s + c.population, 0);
  const out: Member[] = [];
  let index = firstIndex;
  for (const spec of NETWORK_STRUCTURES) {
    const count = Math.max(1, Math.round((population * spec.per100k) / 100_000));
    // One per commune (a CCAS), in the largest; otherwise spread with the population.
    const shares = spec.oneByCommune ? byPopulation.map((_, i) => (i < count ? 1 : 0)) : apportion(count, byPopulation.map((c) => c.population));
    byPopulation.forEach((c, i) => {
      const first = rnd.int(0, PLACE_NAMES.length - 1);
      for (let k = 0; k < shares[i]; k++) {
        const entry = structure(rnd, territory, c, spec.kind, spec.name(PLACE_NAMES[(first + k) % PLACE_NAMES.length], c.name), index++, now);
        if (spec.kind === 'ambulance') entry.skills = VEHICLES.filter((v, j) => j === 0 || rnd.chance(0.6));
        out.push(entry);
      }
    });
  }
  return out;
}

export function generateDirectory(territory: Territory, seed = 57_000, now = new Date()): Member[] {
  const rnd = seeded(seed);
  const slots = Object.entries(territory.offer.professionals).flatMap(([offer, n]) => Array<string>(n).fill(offer));
  const perCommune = apportion(slots.length, territory.communes.map((c) => c.population));
  const communes = territory.communes.flatMap((c, i) => Array<Commune>(perCommune[i]).fill(c));
  // Shuffle the communes so every profession is spread over the territory, not by alphabetical order.
  for (let i = communes.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [communes[i], communes[j]] = [communes[j], communes[i]];
  }
  const people = slots.map((offer, i) => professional(rnd, territory, communes[i], offer, i + 1, now));
  return [...people, ...structures(rnd, territory, now)].map((m) => withReachability(m, now));
}
