/** Tests of the device's patient list: same person, search as typed, what is kept for next time. */
import { describe, expect, it } from 'vitest';
import { findPatients, forgotten, identityKey, keptPlace, remembered } from './known';
import type { KnownPatient } from '../domain/requests/known-patient-schema';

const entry = (id: string, lastName: string, firstName: string, birthDate: string, lastUsedAt: string): KnownPatient => ({
  id, identity: { lastName, firstName, birthDate, sex: 'F' }, lastUsedAt, uses: 1,
});
const list = [
  entry('k-00000001', 'Durand', 'Jeanne', '1941-05-12', '2026-11-02T10:00:00.000Z'),
  entry('k-00000002', 'Lambert', 'Odile', '1939-11-02', '2026-11-20T10:00:00.000Z'),
  entry('k-00000003', 'Moreau', 'Durandal', '1980-01-30', '2026-11-10T10:00:00.000Z'),
  entry('k-00000004', 'Élise', 'Dupont', '2001-05-12', '2026-10-01T10:00:00.000Z'),
];
const ids = (found: KnownPatient[]) => found.map((p) => p.id);

describe('known patients', () => {
  it('are the same person whatever the accents and case of the names', () => {
    expect(identityKey({ lastName: 'DURAND', firstName: 'Jérôme', birthDate: '1941-05-12' })).toBe(identityKey({ lastName: 'durand', firstName: 'jerome', birthDate: '1941-05-12' }));
    expect(identityKey({ lastName: 'Durand', firstName: 'Jeanne', birthDate: '1941-05-12' })).not.toBe(identityKey({ lastName: 'Durand', firstName: 'Jeanne', birthDate: '1941-05-13' }));
  });

  it('come most recent first without a query, up to the limit', () => {
    expect(ids(findPatients(list, '', 3))).toEqual(['k-00000002', 'k-00000003', 'k-00000001']);
  });

  it('are found by the start of their names, birth date or year, those whose last name starts with it first', () => {
    expect(ids(findPatients(list, 'dur', 5))).toEqual(['k-00000001', 'k-00000003']);
    expect(ids(findPatients(list, 'durand jea', 5))).toEqual(['k-00000001']);
    expect(ids(findPatients(list, 'elise', 5))).toEqual(['k-00000004']);
    expect(ids(findPatients(list, '12/05', 5))).toEqual(['k-00000001', 'k-00000004']);
    expect(ids(findPatients(list, '1939', 5))).toEqual(['k-00000002']);
    expect(ids(findPatients(list, 'rand', 5))).toEqual([]);
  });

  it('keep the patient’s own place, never the practice, and count each request', () => {
    const home = { lat: 49.01, lon: 6.23, label: '3 rue des Roses, Chérisey', source: 'address' as const, insee: '57139' };
    expect(keptPlace({ lat: 49.1, lon: 6.1, label: 'Cabinet', source: 'practice' })).toBeUndefined();
    const first = remembered(undefined, 'k-00000009', list[0].identity, home, Date.parse('2026-12-01T08:00:00Z'));
    expect(first).toEqual({ id: 'k-00000009', identity: list[0].identity, place: home, lastUsedAt: '2026-12-01T08:00:00.000Z', uses: 1 });
    const again = remembered(first, 'k-00000010', { ...list[0].identity, phone: '06 11 22 33 44' }, { lat: 49.1, lon: 6.1, label: 'Cabinet', source: 'practice' }, Date.parse('2026-12-02T08:00:00Z'));
    expect(again).toMatchObject({ id: 'k-00000009', place: home, uses: 2, lastUsedAt: '2026-12-02T08:00:00.000Z', identity: { phone: '06 11 22 33 44' } });
  });

  it('are forgotten a year after the last request for them', () => {
    const now = Date.parse('2027-11-15T10:00:00Z');
    expect(ids(forgotten(list, now))).toEqual(['k-00000001', 'k-00000003', 'k-00000004']);
    expect(forgotten(list, Date.parse('2027-11-01T10:00:00Z'))).toHaveLength(1);
  });
});
