/**
 * The simulated world: the demo directory as it would be over a year (weekly hours and declared
 * capacity; no one-off availability), and about 4,000 requests with the demo activity's mix of
 * types and places, 80 % posted on weekdays from 8 to 19 h, 20 % in evenings and at weekends.
 */
import { distanceKm } from '../../src/domain/geo';
import { localTime } from '../../src/domain/members/hours';
import type { Member } from '../../src/domain/members/schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { defaultDeadline, REQUEST_KINDS, type Urgency } from '../../src/domain/requests/types';
import type { Commune } from '../../src/domain/territory/communes';
import { coordinationMember } from '../demo/accounts';
import { TYPE_WEIGHTS, weighted } from '../demo/activity';
import { generateDirectory } from '../demo/directory';
import { seeded, type Random } from '../demo/random';
import type { Territory } from '../territory/load';
import { DAYTIME, WEEKDAY_DAYTIME_SHARE } from './model';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPECIALTIES = ['Dermatologie', 'Cardiologie', 'Psychiatrie', 'Pédiatrie', 'Rhumatologie'];
/** Share of home-nursing requests that name the patient's usual nurse. */
const USUAL_NURSE_SHARE = 0.3;

export interface World {
  members: Member[];
  coordinatorId: string;
  requests: CareRequest[];
  timeZone: string;
  start: number;
  end: number;
}

/** The directory over a year: weekly hours and capacity stay, one-off availability and slots go. */
function yearlong(member: Member): Member {
  const { availableUntil: _until, ...availability } = member.availability;
  return { ...member, availability: { ...availability, onCall: [], absences: [] } };
}

function postedAt(rnd: Random, start: number, timeZone: string): number {
  const daytime = rnd.next() < WEEKDAY_DAYTIME_SHARE;
  for (;;) {
    const at = start + Math.floor(rnd.next() * 365 * DAY);
    const { day, minutes } = localTime(at, timeZone);
    const inDaytime = day < 5 && minutes >= DAYTIME.from * 60 && minutes < DAYTIME.to * 60;
    if (inDaytime === daytime) return at;
  }
}

export function simulatedYear(territory: Territory, start: number, count = 4000, seed = 2026): World {
  const timeZone = territory.settings.timeZone;
  const coordination = coordinationMember(new Date(start), territory);
  const members = [coordination, ...generateDirectory(territory, 57_000, new Date(start))].map(yearlong);
  const rnd = seeded(seed);
  const requesters = members.filter((m) => m.profession === '10');
  const nurses = members.filter((m) => m.profession === '60');
  const communeWeights = territory.communes.map((c): [Commune, number] => [c, c.population]);
  const requests: CareRequest[] = [];
  for (let i = 0; i < count; i++) {
    const type = weighted(rnd, TYPE_WEIGHTS);
    const kind = REQUEST_KINDS[type];
    const commune = weighted(rnd, communeWeights);
    const created = postedAt(rnd, start, timeZone);
    const urgency = kind.urgency as Urgency;
    const specialty = kind.specialties[0] ?? (type === 'avis-specialise' || type === 'consultation-specialisee' ? rnd.pick(SPECIALTIES) : undefined);
    const place = { commune: commune.name, communeInsee: commune.insee, lon: commune.centroid[0], lat: commune.centroid[1] };
    const usual = type === 'passage-infirmier' && rnd.chance(USUAL_NURSE_SHARE) ? rnd.pick(nurses.filter((n) => distanceKm(place, n.location) < 10)) : undefined;
    requests.push({
      id: `r-sim-${String(i).padStart(5, '0')}`,
      requesterId: rnd.pick(requesters).id,
      type,
      target: { professions: type === 'autre' ? ['70'] : [...kind.professions], ...(specialty ? { specialty } : {}) },
      urgency,
      deadline: new Date(urgency === 'date' ? created + 72 * HOUR : defaultDeadline(urgency, created)).toISOString(),
      place,
      question: 'Demande simulée.',
      ...(usual ? { usualProfessionalId: usual.id } : {}),
      photos: [],
      status: 'sent',
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(created).toISOString(),
    });
  }
  requests.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { members, coordinatorId: coordination.id, requests, timeZone, start, end: start + 365 * DAY };
}
