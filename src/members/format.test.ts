/** Tests of the directory entry formatting. */
import { describe, expect, it } from 'vitest';
import { addressLine, availabilityLabel, professionLine, telHref } from './format';

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
    expect(professionLine({ profession: 'ehpad', specialty: 'EHPAD' })).toBe('EHPAD');
  });

  it('puts the commune after the street', () => {
    expect(addressLine({ street: '1 rue Serpenoise', postcode: '57000', commune: 'Metz' })).toBe('1 rue Serpenoise, 57000 Metz');
    expect(addressLine({ street: '', postcode: '57000', commune: 'Metz' })).toBe('57000 Metz');
  });
});

describe('availabilityLabel', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('shows the end time in French local time while available', () => {
    expect(availabilityLabel({ availableUntil: '2025-03-01T17:30:00Z' }, now)).toBe('Disponible jusqu’à 18:30');
  });

  it('shows nothing once the time has passed or without a time', () => {
    expect(availabilityLabel({ availableUntil: '2025-03-01T11:59:00Z' }, now)).toBeNull();
    expect(availabilityLabel({}, now)).toBeNull();
    expect(availabilityLabel({ availableUntil: 'garbage' }, now)).toBeNull();
  });
});
