import { describe, expect, it } from 'vitest';
import { checkRanges, hoursTemplate, localTime, minutesUntilHours, withinHours } from './hours';

const PARIS = 'Europe/Paris';
// Monday 30 November 2026, 14:30 in Paris (13:30 UTC, winter time).
const MONDAY_1430 = Date.parse('2026-11-30T13:30:00Z');
const HOUR = 3_600_000;

describe('weekly hours', () => {
  it('reads the weekday and the time in the territory’s zone', () => {
    expect(localTime(MONDAY_1430, PARIS)).toEqual({ day: 0, minutes: 14 * 60 + 30 });
    expect(localTime(MONDAY_1430, 'Indian/Reunion')).toEqual({ day: 0, minutes: 17 * 60 + 30 });
    expect(localTime(MONDAY_1430 - 15 * HOUR, PARIS)).toEqual({ day: 6, minutes: 23 * 60 + 30 });
  });

  it('knows whether a moment is within several ranges a day, one running past midnight into Monday', () => {
    const hours = [
      { day: 0, start: '08:30', end: '12:30' },
      { day: 0, start: '14:00', end: '19:00' },
      { day: 6, start: '20:00', end: '08:00' },
    ];
    expect(withinHours(hours, MONDAY_1430, PARIS)).toBe(true);
    expect(withinHours(hours, MONDAY_1430 - 2 * HOUR, PARIS)).toBe(false);
    expect(withinHours(hours, MONDAY_1430 - 8 * HOUR, PARIS)).toBe(true); // Monday 06:30, from Sunday night
    expect(withinHours(hours, MONDAY_1430 - 16 * HOUR, PARIS)).toBe(true); // Sunday 22:30
    expect(withinHours([], MONDAY_1430, PARIS)).toBe(false);
    expect(withinHours([{ day: 0, start: '00:00', end: '24:00' }], MONDAY_1430, PARIS)).toBe(true);
  });

  it('says how long until the hours begin again', () => {
    const hours = [{ day: 1, start: '08:00', end: '12:00' }];
    expect(minutesUntilHours(hours, MONDAY_1430, PARIS)).toBe(17 * 60 + 30);
    expect(minutesUntilHours(hours, MONDAY_1430 + 18 * HOUR, PARIS)).toBe(0);
    expect(minutesUntilHours(undefined, MONDAY_1430, PARIS)).toBeUndefined();
  });

  it('refuses overlapping ranges and a range of no length; proposes hours by profession', () => {
    expect(checkRanges([{ day: 0, start: '08:00', end: '12:00' }, { day: 0, start: '11:00', end: '13:00' }])).toEqual([{ index: 1, message: 'deux plages se chevauchent' }]);
    expect(checkRanges([{ day: 2, start: '08:00', end: '08:00' }])).toEqual([{ index: 0, message: 'le début et la fin sont à la même heure' }]);
    expect(checkRanges(hoursTemplate('10'))).toEqual([]);
    expect(hoursTemplate('hopital')).toHaveLength(7);
    expect(withinHours(hoursTemplate('60'), MONDAY_1430, PARIS)).toBe(false);
    expect(withinHours(hoursTemplate('10'), MONDAY_1430, PARIS)).toBe(true);
  });
});
