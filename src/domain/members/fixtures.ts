/** A valid member entry for tests, to be altered case by case. */
import type { Member } from './schema';

export function sampleMember(overrides: Partial<Member> = {}): Member {
  return {
    id: 'm-10000000017',
    kind: 'professional',
    status: 'active',
    civility: 'Dr',
    lastName: 'Mathis',
    firstName: 'Arthur',
    displayName: 'Dr Arthur Mathis',
    profession: '10',
    specialty: 'Médecine générale',
    skills: [],
    identifiers: { rpps: '10000000017' },
    address: { street: '12 rue de la Gare', postcode: '57000', communeInsee: '57463', commune: 'Metz' },
    location: { lat: 49.11, lon: 6.17, approximate: false },
    phones: { mobile: '06 12 34 56 78', landline: '03 87 11 22 33' },
    email: 'arthur.mathis@demo.cpts-metz.test',
    availability: { onCall: [], acceptsNewPatients: true, absences: [], homeVisitRadiusKm: 5 },
    updatedAt: '2026-11-23T08:00:00.000Z',
    ...overrides,
  };
}
