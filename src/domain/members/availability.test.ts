import { describe, expect, it } from 'vitest';
import { availabilityState, checkAvailability, checkAvailabilityEdit, isAvailableNow, nextOnCall, withoutEnded, type Availability } from './availability';

const at = (iso: string) => Date.parse(iso);
const base: Availability = { onCall: [], absences: [], acceptsNewPatients: false };
const gp = { profession: '10', specialty: 'Médecine générale', kind: 'professional' as const };
const dermatologist = { profession: '10', specialty: 'Dermatologie', kind: 'professional' as const };
const pharmacist = { profession: '21', specialty: '', kind: 'professional' as const };
const nurse = { profession: '60', specialty: '', kind: 'professional' as const };

describe('availability at a moment', () => {
  const now = at('2026-11-23T10:00:00Z');

  it('is available until the declared end, then stops counting by itself', () => {
    const a = { ...base, availableUntil: '2026-11-23T12:00:00Z' };
    expect(availabilityState(a, now)).toBe('available');
    expect(isAvailableNow(a, now)).toBe(true);
    expect(availabilityState(a, at('2026-11-23T12:00:00Z'))).toBe('unavailable');
    expect(isAvailableNow(a, at('2026-11-23T13:00:00Z'))).toBe(false);
  });

  it('is on call during a slot only', () => {
    const a = { ...base, onCall: [{ start: '2026-11-23T08:00:00Z', end: '2026-11-23T20:00:00Z' }] };
    expect(availabilityState(a, now)).toBe('on-call');
    expect(isAvailableNow(a, now)).toBe(true);
    expect(availabilityState(a, at('2026-11-23T21:00:00Z'))).toBe('unavailable');
    expect(availabilityState(a, at('2026-11-23T07:59:59Z'))).toBe('unavailable');
  });

  it('is absent during an absence, whatever else is declared', () => {
    const a = {
      ...base,
      availableUntil: '2026-11-23T12:00:00Z',
      onCall: [{ start: '2026-11-23T08:00:00Z', end: '2026-11-23T20:00:00Z' }],
      absences: [{ start: '2026-11-22T00:00:00Z', end: '2026-11-24T00:00:00Z' }],
    };
    expect(availabilityState(a, now)).toBe('absent');
    expect(isAvailableNow(a, now)).toBe(false);
  });

  it('finds the next on-call slot and drops what has ended', () => {
    const a = {
      ...base,
      availableUntil: '2026-11-23T09:00:00Z',
      onCall: [
        { start: '2026-11-25T18:00:00Z', end: '2026-11-26T08:00:00Z' },
        { start: '2026-11-20T18:00:00Z', end: '2026-11-21T08:00:00Z' },
        { start: '2026-11-24T18:00:00Z', end: '2026-11-25T08:00:00Z' },
      ],
      absences: [{ start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' }],
    };
    expect(nextOnCall(a, now)?.start).toBe('2026-11-24T18:00:00Z');
    const kept = withoutEnded(a, now);
    expect(kept.onCall).toHaveLength(2);
    expect(kept.absences).toHaveLength(0);
    expect(kept.availableUntil).toBeUndefined();
  });
});

describe('availability rules', () => {
  const now = at('2026-11-23T10:00:00Z');

  it('accepts a sound availability', () => {
    expect(checkAvailability(gp, { ...base, acceptsNewPatients: true, homeVisitRadiusKm: 5, onCall: [{ start: '2026-11-24T18:00:00Z', end: '2026-11-25T08:00:00Z' }] })).toEqual([]);
  });

  it('names the slot whose end is before its start, or which is too long', () => {
    expect(checkAvailability(nurse, { ...base, onCall: [{ start: '2026-11-24T18:00:00Z', end: '2026-11-24T08:00:00Z' }] })).toEqual([
      { field: 'availability.onCall.0', message: 'la fin doit suivre le début' },
    ]);
    expect(checkAvailability(nurse, { ...base, onCall: [{ start: '2026-11-24T00:00:00Z', end: '2026-11-29T00:00:00Z' }] })[0].message).toMatch(/72 h/);
    expect(checkAvailability(nurse, { ...base, absences: [{ start: 'demain', end: '2026-11-29T00:00:00Z' }] })[0].field).toBe('availability.absences.0');
  });

  it('keeps new patients for GPs and home visits for the professions that make them', () => {
    expect(checkAvailability(dermatologist, { ...base, acceptsNewPatients: true })[0].field).toBe('availability.acceptsNewPatients');
    expect(checkAvailability(pharmacist, { ...base, homeVisitRadiusKm: 10 })[0].field).toBe('availability.homeVisitRadiusKm');
    expect(checkAvailability(nurse, { ...base, homeVisitRadiusKm: 10 })).toEqual([]);
    expect(checkAvailability(pharmacist, { ...base, homeVisitRadiusKm: 0 })).toEqual([]);
  });

  it('wants an edit made now to end in the future, within a day, but accepts a past end on sync', () => {
    const past = { ...base, availableUntil: '2026-11-23T09:00:00Z' };
    expect(checkAvailabilityEdit(nurse, past, now)[0].message).toMatch(/déjà passée/);
    expect(checkAvailability(nurse, past)).toEqual([]);
    expect(checkAvailabilityEdit(nurse, { ...base, availableUntil: '2026-11-25T09:00:00Z' }, now)[0].message).toMatch(/24 h/);
    expect(checkAvailabilityEdit(nurse, { ...base, availableUntil: '2026-11-23T18:00:00Z' }, now)).toEqual([]);
  });
});
