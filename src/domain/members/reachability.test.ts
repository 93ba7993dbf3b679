import { describe, expect, it } from 'vitest';
import { alertChannels, capacityLabel, declaredAgo, hasCapacity, reachOf } from './reachability';

const PARIS = 'Europe/Paris';
const MONDAY_1430 = Date.parse('2026-11-30T13:30:00Z');
const HOUR = 3_600_000;
const base = { onCall: [], acceptsNewPatients: false, absences: [] };
const person = (availability: object) => ({ kind: 'professional' as const, availability: { ...base, ...availability } });

describe('reachability', () => {
  it('puts available, on call and within hours first, then the merely qualified; never the absent', () => {
    const iso = (t: number) => new Date(t).toISOString();
    expect(reachOf(person({ availableUntil: iso(MONDAY_1430 + HOUR) }), MONDAY_1430, PARIS)).toEqual({ tier: 0, reason: 'disponible maintenant', quiet: false });
    expect(reachOf(person({ onCall: [{ start: iso(MONDAY_1430 - HOUR), end: iso(MONDAY_1430 + HOUR) }] }), MONDAY_1430, PARIS)?.reason).toBe('d’astreinte');
    const garde = { ...person({ onCall: [{ start: iso(MONDAY_1430 - HOUR), end: iso(MONDAY_1430 + HOUR) }] }), profession: '21' };
    expect(reachOf(garde, MONDAY_1430, PARIS)).toEqual({ tier: 0, reason: 'pharmacie de garde', quiet: false });
    const hours = [{ day: 0, start: '14:00', end: '19:00' }];
    expect(reachOf(person({ weeklyHours: hours }), MONDAY_1430, PARIS)).toEqual({ tier: 0, reason: 'dans ses horaires', quiet: false });
    expect(reachOf(person({ weeklyHours: hours }), MONDAY_1430 + 6 * HOUR, PARIS)).toEqual({ tier: 1, reason: 'hors horaires : alerte dans l’application seulement', quiet: true });
    expect(reachOf(person({ weeklyHours: hours, outsideHours: ['push'] }), MONDAY_1430 + 6 * HOUR, PARIS)).toEqual({ tier: 1, reason: 'hors horaires, accepte les alertes', quiet: false });
    // At night, even those who accept alerts outside their hours are left in peace.
    expect(reachOf(person({ weeklyHours: hours, outsideHours: ['push'] }), MONDAY_1430 + 9 * HOUR, PARIS)?.quiet).toBe(true);
    expect(reachOf(person({}), MONDAY_1430, PARIS)).toEqual({ tier: 1, reason: 'horaires non déclarés', quiet: false });
    expect(reachOf(person({}), MONDAY_1430 + 9 * HOUR, PARIS)).toMatchObject({ tier: 1, quiet: true });
    expect(reachOf(person({ absences: [{ start: iso(MONDAY_1430 - HOUR), end: iso(MONDAY_1430 + HOUR) }], availableUntil: iso(MONDAY_1430 + HOUR) }), MONDAY_1430, PARIS)).toBeUndefined();
  });

  it('lets an alert use push and SMS within hours, the accepted channels outside them, none at night but for an immediate urgency', () => {
    const hours = [{ day: 0, start: '14:00', end: '19:00' }];
    expect(alertChannels(person({ weeklyHours: hours }), MONDAY_1430, PARIS, false)).toEqual(['push', 'sms']);
    expect(alertChannels(person({ weeklyHours: hours }), MONDAY_1430 + 6 * HOUR, PARIS, false)).toEqual([]);
    expect(alertChannels(person({ weeklyHours: hours, outsideHours: ['push'] }), MONDAY_1430 + 6 * HOUR, PARIS, false)).toEqual(['push']);
    expect(alertChannels(person({ weeklyHours: hours, outsideHours: ['push'] }), MONDAY_1430 + 9 * HOUR, PARIS, false)).toEqual([]);
    expect(alertChannels(person({ weeklyHours: hours }), MONDAY_1430 + 9 * HOUR, PARIS, true)).toEqual(['push', 'sms']);
  });

  it('shows a structure’s capacity with the time of its declaration', () => {
    const ehpad = { kind: 'structure' as const, availability: { ...base, capacity: { places: 2, declaredAt: new Date(MONDAY_1430 - 3 * HOUR).toISOString() } } };
    expect(hasCapacity(ehpad, 'places')).toBe(true);
    expect(hasCapacity(ehpad, 'services')).toBe(false);
    expect(capacityLabel(ehpad.availability.capacity, MONDAY_1430)).toBe('2 places libres (déclaré il y a 3 h)');
    const hospital = { kind: 'structure' as const, availability: { ...base, capacity: { services: [{ name: 'Gériatrie', open: true }, { name: 'Cardiologie', open: false }], declaredAt: new Date(MONDAY_1430 - 50 * HOUR).toISOString() } } };
    expect(hasCapacity(hospital, 'services')).toBe(true);
    expect(capacityLabel(hospital.availability.capacity, MONDAY_1430)).toBe('admissions ouvertes : Gériatrie (déclaré il y a 2 jours)');
    expect(declaredAgo(new Date(MONDAY_1430 - 10 * 60_000).toISOString(), MONDAY_1430)).toBe('déclaré il y a moins d’une heure');
  });
});
