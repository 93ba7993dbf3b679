import { describe, expect, it } from 'vitest';
import { sampleMember } from '../domain/members/fixtures';
import { matches, nearbyFilters, NO_FILTERS, professionOptions, specialtyOptions, toMapPoint, type MapPoint } from './points';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const iso = (ms: number) => new Date(NOW + ms).toISOString();
const hour = 3_600_000;
const base = sampleMember().availability;

describe('map points', () => {
  it('gives each entry its state now; absent counts as unavailable', () => {
    const state = (availability: typeof base) => toMapPoint(sampleMember({ availability }), NOW).state;
    expect(state({ ...base, availableUntil: iso(hour) })).toBe('available');
    expect(state({ ...base, onCall: [{ start: iso(-hour), end: iso(hour) }] })).toBe('on-call');
    expect(state({ ...base, availableUntil: iso(hour), absences: [{ start: iso(-hour), end: iso(hour) }] })).toBe('unavailable');
    expect(state({ ...base, availableUntil: iso(-1) })).toBe('unavailable');
    const point = toMapPoint(sampleMember(), NOW);
    expect(point).toMatchObject({ id: 'm-10000000017', lat: 49.11, lon: 6.17, profession: '10', specialty: 'Médecine générale', structure: false });
  });

  it('filters by profession, specialty and availability', () => {
    const p = (profession: string, specialty: string, state: MapPoint['state']): MapPoint => ({ id: `${profession}${specialty}${state}`, lat: 0, lon: 0, profession, specialty, structure: false, state });
    const points = [p('10', 'Médecine générale', 'available'), p('10', 'Dermatologie', 'on-call'), p('60', '', 'unavailable'), p('60', '', 'available')];
    const ids = (f: Partial<typeof NO_FILTERS>) => points.filter((x) => matches(x, { ...NO_FILTERS, ...f })).map((x) => x.id);
    expect(ids({})).toHaveLength(4);
    expect(ids({ profession: '60' })).toEqual(['60unavailable', '60available']);
    expect(ids({ profession: '10', specialty: 'Dermatologie' })).toEqual(['10Dermatologieon-call']);
    expect(ids({ availability: 'now' })).toEqual(['10Médecine généraleavailable', '10Dermatologieon-call', '60available']);
    expect(ids({ availability: 'on-call' })).toEqual(['10Dermatologieon-call']);
    expect(ids({ ...nearbyFilters({ ...NO_FILTERS, profession: '60' }) })).toEqual(['60available']);
    expect(nearbyFilters({ ...NO_FILTERS, availability: 'available' }).availability).toBe('available');
    expect(professionOptions(points)).toEqual([
      { value: '60', label: 'Infirmier', count: 2 },
      { value: '10', label: 'Médecin', count: 2 },
    ]);
    expect(specialtyOptions(points, '10').map((o) => o.value)).toEqual(['Dermatologie', 'Médecine générale']);
    expect(specialtyOptions(points, '60')).toEqual([]);
  });
});
