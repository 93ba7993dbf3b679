/**
 * A year of plausible activity for the demo (about 4,000 closed requests), so the coordinators'
 * dashboard means something on first start: realistic types, places weighted by population, delays
 * by urgency, about 88 % resolved. Deterministic for a seed; no patient identity at all.
 */
import { distanceKm } from '../../src/domain/geo';
import type { Member } from '../../src/domain/members/schema';
import { isQualified } from '../../src/domain/requests/candidates';
import type { CareRequest } from '../../src/domain/requests/schema';
import { REQUEST_KINDS, defaultDeadline, type RequestType, type Urgency } from '../../src/domain/requests/types';
import type { Commune } from '../../src/domain/territory/communes';
import { seeded, type Random } from './random';

/** The mix of request types of the demo activity (and of the simulated year). */
export const TYPE_WEIGHTS: Array<[RequestType, number]> = [
  ['passage-infirmier', 25], ['soin-non-programme', 18], ['avis-specialise', 15], ['medecin-traitant', 10], ['consultation-specialisee', 8],
  ['examen', 6], ['medicament-rupture', 6], ['transport-sanitaire', 4], ['hebergement-temporaire', 3], ['entree-directe', 3], ['autre', 2],
];
const OUTCOMES: Array<[CareRequest['status'], number]> = [['resolved', 88], ['unresolved', 4], ['cancelled', 4], ['expired', 4]];
/** Median minutes to the first acceptance, by urgency. */
const MEDIAN_DELAY: Record<Urgency, number> = { immediate: 8, today: 45, '48h': 360, date: 720 };
const SPECIALTIES = ['Dermatologie', 'Cardiologie', 'Psychiatrie', 'Pédiatrie', 'Rhumatologie'];
const QUESTIONS: Partial<Record<RequestType, string>> = {
  'passage-infirmier': 'Soins infirmiers à domicile après une sortie d’hospitalisation.',
  'soin-non-programme': 'Consultation non programmée dans la journée.',
  'avis-specialise': 'Avis sur une lésion, photo jointe.',
  'medecin-traitant': 'Patient sans médecin traitant depuis un déménagement.',
  'medicament-rupture': 'Traitement en rupture : qui en a en stock ?',
};

export function weighted<T>(rnd: Random, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd.next() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

const iso = (t: number) => new Date(t).toISOString();

export function generateActivity(members: Member[], communes: Commune[], coordinatorId: string, now: Date, count = 4000, seed = 2026): CareRequest[] {
  const rnd = seeded(seed);
  const requesters = members.filter((m) => m.kind === 'professional' && m.profession === '10');
  const communeWeights = communes.map((c): [Commune, number] => [c, c.population]);
  const year = 365 * 86_400_000;
  const out: CareRequest[] = [];
  for (let i = 0; i < count; i++) {
    const type = weighted(rnd, TYPE_WEIGHTS);
    const kind = REQUEST_KINDS[type];
    const commune = weighted(rnd, communeWeights);
    const created = now.getTime() - year + Math.floor(rnd.next() * (year - 2 * 86_400_000));
    const urgency = kind.urgency as Exclude<Urgency, 'date'>;
    const professions = type === 'autre' ? ['70'] : [...kind.professions];
    const specialty = kind.specialties[0] ?? (type === 'avis-specialise' || type === 'consultation-specialisee' ? rnd.pick(SPECIALTIES) : undefined);
    const place = { commune: commune.name, communeInsee: commune.insee, lon: commune.centroid[0], lat: commune.centroid[1] };
    const requester = rnd.pick(requesters);
    const base = { type, target: { professions, ...(specialty ? { specialty } : {}) }, place, requesterId: requester.id, urgency };
    const nearest = members
      .filter((m) => isQualified({ ...m, availability: { ...m.availability, acceptsNewPatients: true } }, base))
      .map((m) => [m.id, distanceKm(place, m.location)] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, rnd.int(4, 10))
      .map(([id]) => id);
    const status = nearest.length ? weighted(rnd, OUTCOMES) : 'expired';
    const history: NonNullable<CareRequest['history']> = [{ at: iso(created), event: 'start-search', by: 'server' }];
    const request: CareRequest = {
      id: `r-demo-${String(i).padStart(5, '0')}-${rnd.digits(6)}`,
      ...base,
      deadline: iso(defaultDeadline(urgency, created)),
      question: QUESTIONS[type] ?? 'Demande de prise en charge.',
      photos: [],
      status,
      dispatch: { alerted: nearest, steps: [{ at: iso(created), kind: 'circle', radiusKm: kind.radiusKm, alerted: nearest, reason: 'cercle 1' }] },
      readers: nearest,
      history,
      createdAt: iso(created),
      updatedAt: iso(created),
    };
    // Log-normal-ish delay around the urgency's median.
    const delay = Math.max(1, Math.round(MEDIAN_DELAY[urgency] * Math.exp((rnd.next() - 0.5) * 2.2)));
    if (status === 'resolved' || status === 'unresolved') {
      const assignee = rnd.pick(nearest);
      const onBehalf = rnd.chance(0.06);
      history.push({ at: iso(created + delay * 60_000), event: 'accept', by: onBehalf ? coordinatorId : assignee });
      if (rnd.chance(0.3)) history.push({ at: iso(created + (delay / 2) * 60_000), event: 'decline', by: rnd.pick(nearest) });
      history.push({ at: iso(created + (delay + rnd.int(60, 2880)) * 60_000), event: status === 'resolved' ? 'resolve' : 'close-unresolved', by: assignee });
      request.assigneeId = assignee;
      request.readers = [...new Set([...nearest, assignee])];
    } else if (status === 'expired') {
      request.dispatch!.escalated = true;
      history.push({ at: request.deadline, event: 'escalation', by: 'server' }, { at: iso(Date.parse(request.deadline) + 12 * 3_600_000), event: 'expire', by: 'server' });
    } else {
      history.push({ at: iso(created + 30 * 60_000), event: 'cancel', by: requester.id });
    }
    history.sort((a, b) => a.at.localeCompare(b.at));
    request.updatedAt = history[history.length - 1].at;
    out.push(request);
  }
  return out;
}

/** The id of the demo GP's case whose follow-up is due (the README's walk-through and the browser tests open it). */
export const DEMO_FOLLOW_UP_REQUEST = 'r-demo-suivi-0001';

/**
 * A home-nursing case of the demo GP, taken by the demo nurse and closed as resolved three days ago:
 * its follow-up (« Le besoin est-il couvert ? ») is due when the demo starts.
 */
export function followUpDemoCase(gp: Member, nurse: Member, now: Date): CareRequest {
  const created = now.getTime() - 4 * 86_400_000;
  const place = { commune: gp.address.commune, communeInsee: gp.address.communeInsee, lat: gp.location.lat, lon: gp.location.lon };
  return {
    id: DEMO_FOLLOW_UP_REQUEST,
    requesterId: gp.id,
    type: 'passage-infirmier',
    target: { professions: ['60'] },
    urgency: 'today',
    deadline: iso(defaultDeadline('today', created)),
    place,
    question: 'Pansement quotidien et surveillance après une sortie d’hospitalisation.',
    photos: [],
    status: 'resolved',
    assigneeId: nurse.id,
    dispatch: { alerted: [nurse.id], steps: [{ at: iso(created), kind: 'circle', radiusKm: 10, alerted: [nurse.id], reason: 'cercle 1' }] },
    readers: [nurse.id],
    history: [
      { at: iso(created), event: 'start-search', by: 'server' },
      { at: iso(created + 20 * 60_000), event: 'accept', by: nurse.id },
      { at: iso(now.getTime() - 3 * 86_400_000), event: 'resolve', by: nurse.id },
    ],
    createdAt: iso(created),
    updatedAt: iso(now.getTime() - 3 * 86_400_000),
  };
}
