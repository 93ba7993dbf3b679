import { describe, expect, it } from 'vitest';
import type { Member } from '../members/schema';
import { ActivityLedger } from './activity';
import { broadcastPolicy, radiusFor, RANKING_SETTINGS, rankedCandidates, rankingPolicy, rankingPolicyWith, type DispatchContext } from './dispatch-policies';
import { sampleRequest } from './fixtures';

const PARIS = 'Europe/Paris';
const NOW = Date.parse('2026-11-30T13:30:00Z'); // Monday 14:30 in Paris
const HOUR = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

/** A nurse `km` north of the patient (Metz), visiting within 15 km. */
function nurse(id: string, km: number, availability: Partial<Member['availability']> = {}): Member {
  return {
    id,
    kind: 'professional',
    status: 'active',
    displayName: id,
    profession: '60',
    specialty: '',
    skills: [],
    address: { street: '1 rue', postcode: '57000', commune: 'Metz' },
    location: { lat: 49.11 + km / 111.2, lon: 6.17, approximate: false },
    availability: { onCall: [], acceptsNewPatients: false, absences: [], homeVisitRadiusKm: 15, ...availability },
    updatedAt: iso(NOW),
  };
}

function context(members: Member[], ledger = new ActivityLedger(), now = NOW): DispatchContext {
  const byId = new Map(members.map((m) => [m.id, m]));
  return { members, byId: (id) => byId.get(id), activity: (id) => ledger.of(id, now), timeZone: PARIS, radiusKm: radiusFor({}), now };
}

const HOURS_NOW = [{ day: 0, start: '08:00', end: '19:00' }];
const HOURS_LATER = [{ day: 1, start: '08:00', end: '19:00' }];

describe('the ranking policy', () => {
  it('alerts those reachable now first, nearer first, then the merely qualified a few at a time, and says why for each', () => {
    const members = [
      nurse('n-far-available', 8, { availableUntil: iso(NOW + HOUR) }),
      nurse('n-near-qualified', 1),
      nurse('n-mid-hours', 4, { weeklyHours: HOURS_NOW }),
      nurse('n-near-available', 2, { availableUntil: iso(NOW + HOUR) }),
      nurse('n-later', 1.5, { weeklyHours: HOURS_LATER }),
      ...Array.from({ length: 6 }, (_, i) => nurse(`n-qualified-${i}`, 3 + i)),
    ];
    const request = sampleRequest();
    const settings = { ...RANKING_SETTINGS, steps: { ...RANKING_SETTINGS.steps, today: { size: 2, laterSize: 4, waitMin: 10 } } };
    const policy = rankingPolicyWith(settings);
    const step = policy.next(request, new Set(), 0, context(members))!;
    // Those who said they are available come before those merely within their hours.
    expect(step.alert).toEqual(['n-near-available', 'n-far-available']);
    expect(step.why?.[0]).toEqual({ memberId: 'n-near-available', reason: '2 km, disponible maintenant, pas encore sollicité, 0 alerte(s) cette semaine' });
    expect(step.reason).toBe('étape 1 : 2 professionnel(s) les plus susceptibles d’accepter vite (2 joignable(s) maintenant)');
    expect(step.waitMs).toBe(10 * 60_000);
    // The last one reachable now comes alone; then the merely qualified, four at a time, nearest first.
    const second = policy.next(request, new Set(step.alert), 1, context(members))!;
    expect(second.alert).toEqual(['n-mid-hours']);
    const third = policy.next(request, new Set([...step.alert, ...second.alert]), 2, context(members))!;
    expect(third.alert).toEqual(['n-near-qualified', 'n-later', 'n-qualified-0', 'n-qualified-1']);
    expect(third.why?.find((w) => w.memberId === 'n-later')?.reason).toContain('hors horaires : alerte dans l’application seulement');
  });

  it('gives the coordinators the same order within the radius they choose, the merely qualified after those reachable now, each with why', () => {
    const members = [nurse('n-near-qualified', 1), nurse('n-far-available', 8, { availableUntil: iso(NOW + HOUR) }), nurse('n-beyond', 12, { availableUntil: iso(NOW + HOUR) })];
    const ranked = (radius: number) => rankedCandidates(sampleRequest(), context(members), radius).map((r) => [r.member.id, r.reach.reason]);
    expect(ranked(10)).toEqual([
      ['n-far-available', 'disponible maintenant'],
      ['n-near-qualified', 'horaires non déclarés'],
    ]);
    expect(ranked(20).map(([id]) => id)).toEqual(['n-far-available', 'n-beyond', 'n-near-qualified']);
  });

  it('alerts the coordinators’ way when nobody is left: no step', () => {
    expect(rankingPolicy.next(sampleRequest(), new Set(), 0, context([]))).toBeNull();
  });

  it('prefers those who answer and the least alerted this week, and spares those over their weekly budget', () => {
    const ledger = new ActivityLedger();
    const members = [nurse('n-silent', 1, { weeklyHours: HOURS_NOW }), nurse('n-answers', 1.2, { weeklyHours: HOURS_NOW }), nurse('n-busy', 0.5, { weeklyHours: HOURS_NOW, weeklyAlertBudget: 2 })];
    for (let i = 0; i < 4; i++) ledger.alerted('n-silent', NOW - i * HOUR);
    for (let i = 0; i < 4; i++) {
      ledger.alerted('n-answers', NOW - 8 * 24 * HOUR - i * HOUR);
      ledger.answered('n-answers');
    }
    ledger.alerted('n-busy', NOW - HOUR);
    ledger.alerted('n-busy', NOW - 2 * HOUR);
    const ranked = rankedCandidates(sampleRequest(), context(members, ledger)).map((r) => r.member.id);
    expect(ranked).toEqual(['n-answers', 'n-silent']);
    expect(rankedCandidates(sampleRequest({ urgency: 'immediate' }), context(members, ledger)).map((r) => r.member.id)).toContain('n-busy');
  });

  it('asks structures that need capacity only when they declared it, and escalates early by urgency', () => {
    const ehpad = (id: string, places?: number): Member => ({
      ...nurse(id, 2, { weeklyHours: [{ day: 0, start: '00:00', end: '24:00' }], ...(places === undefined ? {} : { capacity: { places, declaredAt: iso(NOW - 3 * HOUR) } }) }),
      kind: 'structure',
      profession: 'ehpad',
    });
    const request = sampleRequest({ type: 'hebergement-temporaire', target: { professions: ['ehpad', 'ehpa'] }, urgency: '48h', deadline: iso(NOW + 48 * HOUR) });
    const step = rankingPolicy.next(request, new Set(), 0, context([ehpad('s-full', 0), ehpad('s-free', 2), ehpad('s-silent')]))!;
    expect(step.alert).toEqual(['s-free']);
    expect(step.why?.[0].reason).toContain('2 places libres (déclaré il y a 3 h)');
    expect(rankingPolicy.escalateAt(request, NOW)).toBe(NOW + 8 * HOUR);
    expect(rankingPolicy.escalateAt({ urgency: 'today', deadline: iso(NOW + HOUR) }, NOW)).toBe(NOW + HOUR);
  });
});

describe('the broadcast policy', () => {
  it('asks the usual professional alone first, then everyone qualified and not absent within the radius, once', () => {
    const members = [nurse('n-1', 1), nurse('n-2', 9), nurse('n-far', 30), nurse('n-absent', 1, { absences: [{ start: iso(NOW - HOUR), end: iso(NOW + HOUR) }] })];
    const request = sampleRequest({ usualProfessionalId: 'n-2' });
    expect(broadcastPolicy.next(request, new Set(), 0, context(members))).toMatchObject({ kind: 'usual', alert: ['n-2'], waitMs: 2 * HOUR });
    expect(broadcastPolicy.next(request, new Set(['n-2']), 1, context(members))!.alert).toEqual(['n-1']);
    expect(broadcastPolicy.next(request, new Set(['n-2', 'n-1']), 2, context(members))).toBeNull();
  });
});

describe('unscheduled-care slots in the ranking', () => {
  const gp = (id: string, km: number, availability: Partial<Member['availability']> = {}): Member => ({ ...nurse(id, km, availability), profession: '10', specialty: 'Médecine générale' });
  const members = [gp('g-hours-later', 1, { weeklyHours: HOURS_LATER }), gp('g-slot', 3), gp('g-absent-slot', 4, { absences: [{ start: iso(NOW - HOUR), end: iso(NOW + 48 * HOUR) }] })];
  const slots = new Map([['g-slot', NOW + 2 * HOUR], ['g-absent-slot', NOW + HOUR]]);
  const withSlots = { ...context(members), slotAt: (id: string) => slots.get(id) };

  it('make a doctor with a free slot reachable now for a « soin non programmé », saying when', () => {
    const request = sampleRequest({ type: 'soin-non-programme', target: { professions: ['10'], specialty: 'Médecine générale' } });
    const step = rankingPolicy.next(request, new Set(), 0, withSlots)!;
    expect(step.alert).toEqual(['g-slot', 'g-absent-slot']);
    expect(step.why).toContainEqual({ memberId: 'g-slot', reason: '3 km, créneau de soins non programmés à 16 h 30, pas encore sollicité, 0 alerte(s) cette semaine' });
    // Without slots, nobody is reachable now: the one within reach later comes first of the qualified.
    const without = rankingPolicy.next(request, new Set(), 0, context(members))!;
    expect(without.alert).toEqual(['g-hours-later', 'g-slot']);
  });

  it('count for « soin non programmé » only', () => {
    const request = sampleRequest({ type: 'avis-specialise', target: { professions: ['10'], specialty: 'Médecine générale' } });
    expect(rankedCandidates(request, withSlots).map((c) => [c.member.id, c.reach.tier])).toEqual([['g-hours-later', 1], ['g-slot', 1]]);
  });
});
