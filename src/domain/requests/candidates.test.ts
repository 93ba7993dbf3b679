import { describe, expect, it } from 'vitest';
import type { Member } from '../members/schema';
import { nextStep, rankCandidates, type CandidateRequest } from './candidates';

const now = Date.parse('2026-11-23T10:00:00Z');
const later = '2026-11-23T18:00:00Z';
// About 0.009° of latitude per km.
const place = { commune: 'Metz', lat: 49.1, lon: 6.17 };

function member(id: string, kmNorth: number, over: Partial<Member> = {}, availability: Partial<Member['availability']> = {}): Member {
  return {
    id,
    kind: 'professional',
    status: 'active',
    displayName: id,
    profession: '60',
    specialty: '',
    address: { street: '', postcode: '57000', commune: 'Metz' },
    location: { lat: place.lat + kmNorth / 111.2, lon: place.lon, approximate: false },
    availability: { onCall: [], absences: [], acceptsNewPatients: false, availableUntil: later, homeVisitRadiusKm: 50, ...availability },
    updatedAt: '2026-11-23T08:00:00Z',
    ...over,
  };
}

const nurseRequest: CandidateRequest = { type: 'passage-infirmier', target: { professions: ['60'] }, place, requesterId: 'gp', urgency: 'today' };

describe('candidate selection', () => {
  const directory = [
    member('far', 9),
    member('near', 1),
    member('mid', 4),
    member('busy', 2, {}, { availableUntil: undefined }),
    member('on-call', 3, {}, { availableUntil: undefined, onCall: [{ start: '2026-11-23T08:00:00Z', end: '2026-11-23T20:00:00Z' }] }),
    member('absent', 2.5, {}, { absences: [{ start: '2026-11-22T00:00:00Z', end: '2026-11-24T00:00:00Z' }] }),
    member('pending', 0.5, { status: 'pending' }),
    member('physio', 0.2, { profession: '70' }),
    member('short-reach', 5, {}, { homeVisitRadiusKm: 3 }),
    member('gp', 0.1, { profession: '60' }),
    member('outside', 30),
  ];

  it('keeps the qualified, available, in-reach members, nearest first', () => {
    const ranked = rankCandidates(directory, nurseRequest, 10, now);
    expect(ranked.map((c) => c.memberId)).toEqual(['near', 'on-call', 'mid', 'far']);
    expect(ranked[0].distanceKm).toBeCloseTo(1, 1);
  });

  it('matches the specialty and, for a médecin traitant, those accepting new patients', () => {
    const gps = [
      member('gp-open', 1, { profession: '10', specialty: 'Médecine générale' }, { acceptsNewPatients: true }),
      member('gp-full', 0.5, { profession: '10', specialty: 'Médecine générale' }),
      member('derm', 0.2, { profession: '10', specialty: 'Dermatologie' }),
    ];
    const request: CandidateRequest = { type: 'medecin-traitant', target: { professions: ['10'], specialty: 'Médecine générale' }, place, requesterId: 'x', urgency: '48h' };
    expect(rankCandidates(gps, request, 15, now).map((c) => c.memberId)).toEqual(['gp-open']);
    const advice: CandidateRequest = { type: 'avis-specialise', target: { professions: ['10'], specialty: 'Dermatologie' }, place, requesterId: 'x', urgency: 'today' };
    expect(rankCandidates(gps, advice, 40, now).map((c) => c.memberId)).toEqual(['derm']);
  });

  it('asks the usual professional alone first, then widens circle by circle without alerting anyone twice', () => {
    const many = Array.from({ length: 40 }, (_, i) => member(`n${String(i).padStart(2, '0')}`, 0.2 + i * 0.5));
    const byId = (id: string) => many.find((m) => m.id === id);
    const request = { ...nurseRequest, usualProfessionalId: 'n30' };
    const alerted = new Set<string>();
    const steps = [];
    for (let done = 0; ; done++) {
      const step = nextStep(many, byId, request, alerted, done, now);
      if (!step) break;
      steps.push(step);
      step.alert.forEach((id) => alerted.add(id));
    }
    expect(steps.map((s) => s.kind)).toEqual(['usual', 'circle', 'circle', 'circle']);
    expect(steps[0].alert).toEqual(['n30']);
    expect(steps[1]).toMatchObject({ radiusKm: 10 });
    expect(steps[1].alert).toEqual(['n00', 'n01', 'n02', 'n03', 'n04', 'n05', 'n06', 'n07', 'n08', 'n09']);
    expect(steps[2].radiusKm).toBe(20);
    expect(steps[2].alert).toHaveLength(20);
    expect(steps[3].radiusKm).toBe(40);
    const all = steps.flatMap((s) => s.alert);
    expect(new Set(all).size).toBe(all.length);
  });

  it('goes straight to the circles when the usual professional is absent', () => {
    const byId = (id: string) => directory.find((m) => m.id === id);
    const first = nextStep(directory, byId, { ...nurseRequest, usualProfessionalId: 'absent' }, new Set(), 0, now)!;
    expect(first).toMatchObject({ kind: 'usual', alert: [] });
    const second = nextStep(directory, byId, { ...nurseRequest, usualProfessionalId: 'absent' }, new Set(), 1, now)!;
    expect(second.alert[0]).toBe('near');
  });
});
