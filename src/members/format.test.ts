/** Tests of the directory entry formatting. */
import { describe, expect, it } from 'vitest';
import { addressLine, availabilityBadge, distanceLabel, professionLine, telHref } from './format';

describe('telHref', () => {
  it('turns French numbers into international tel: links without spaces', () => {
    expect(telHref('03 87 12 34 56')).toBe('tel:+33387123456');
    expect(telHref('06.12.34.56.78')).toBe('tel:+33612345678');
    expect(telHref('+33 6 12 34 56 78')).toBe('tel:+33612345678');
    expect(telHref('15')).toBe('tel:15');
  });
});

describe('profession and address lines', () => {
  it('joins label and specialty without repeating', () => {
    expect(professionLine({ profession: '10', specialty: 'Cardiologie' })).toBe('Médecin · Cardiologie');
    expect(professionLine({ profession: '60' })).toBe('Infirmier');
    // Said of a woman where she gave « Mme »; a title that says nothing of gender keeps the usual label.
    expect(professionLine({ profession: '60', civility: 'Mme' })).toBe('Infirmière');
    expect(professionLine({ profession: '21', civility: 'Mme' })).toBe('Pharmacienne');
    expect(professionLine({ profession: '70', civility: 'Mme' })).toBe('Masseuse-kinésithérapeute');
    expect(professionLine({ profession: '10', civility: 'Mme', specialty: 'Dermatologie' })).toBe('Médecin · Dermatologie');
    expect(professionLine({ profession: '60', civility: 'M.' })).toBe('Infirmier');
    expect(professionLine({ profession: '60', civility: 'Dr' })).toBe('Infirmier');
    expect(professionLine({ profession: 'ehpad', specialty: 'EHPAD' })).toBe('EHPAD');
  });

  it('puts the commune after the street', () => {
    expect(addressLine({ street: '1 rue Serpenoise', postcode: '57000', commune: 'Metz' })).toBe('1 rue Serpenoise, 57000 Metz');
    expect(addressLine({ street: '', postcode: '57000', commune: 'Metz' })).toBe('57000 Metz');
  });
});

describe('availabilityBadge', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  const none = { onCall: [], absences: [], acceptsNewPatients: false };

  it('shows the end time in French local time while available', () => {
    expect(availabilityBadge({ ...none, availableUntil: '2025-03-01T17:30:00Z' }, now)).toEqual({ label: 'Disponible jusqu’à 18:30', kind: 'available' });
  });

  it('shows on call and absent', () => {
    expect(availabilityBadge({ ...none, onCall: [{ start: '2025-03-01T08:00:00Z', end: '2025-03-01T20:00:00Z' }] }, now)?.kind).toBe('on-call');
    expect(availabilityBadge({ ...none, absences: [{ start: '2025-02-28T00:00:00Z', end: '2025-03-02T00:00:00Z' }] }, now)).toEqual({ label: 'Absent·e', kind: 'absent' });
  });

  it('shows nothing once the time has passed or without a time', () => {
    expect(availabilityBadge({ ...none, availableUntil: '2025-03-01T11:59:00Z' }, now)).toBeNull();
    expect(availabilityBadge(none, now)).toBeNull();
    expect(availabilityBadge({ ...none, availableUntil: 'garbage' }, now)).toBeNull();
  });
});

describe('distanceLabel', () => {
  it('keeps one decimal under 10 km, whole kilometres beyond', () => {
    expect(distanceLabel(3.24)).toBe('à 3,2 km');
    expect(distanceLabel(12.6)).toBe('à 13 km');
  });
});
