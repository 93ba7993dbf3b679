/** A valid registration for tests, to be altered case by case. */
import type { Registration } from './schema';

export function sampleRegistration(overrides: Partial<Registration> = {}): Registration {
  return {
    kind: 'professional',
    civility: 'Dr',
    lastName: 'Lambert',
    firstName: 'Claire',
    profession: '10',
    specialty: 'Médecine générale',
    skills: [],
    identifiers: { rpps: '10000000017' },
    address: { number: '12', street: 'rue Serpenoise', postcode: '57000', communeInsee: '57463', commune: 'Metz' },
    phones: { mobile: '06 12 34 56 78', landline: '03 87 11 22 33' },
    email: 'claire.lambert@example.fr',
    password: 'Un-mot-de-passe-2026',
    signature: 'Dr Claire Lambert\nMédecin – Médecine générale',
    ...overrides,
  };
}
