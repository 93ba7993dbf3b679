import { describe, expect, it } from 'vitest';
import { byDay, coordinatorChoices, defaultShift } from './roster';

describe('roster helpers', () => {
  it('names me first, then the roster’s coordinators, then the coordination entries, once each', () => {
    const roster = { onDuty: ['m-c2'], shifts: [{ id: 'shift-1', memberId: 'm-c3', start: '2026-11-23T08:00:00Z', end: '2026-11-23T20:00:00Z' }] };
    expect(coordinatorChoices(roster, 'm-c1', ['m-c1', 'm-coordination'])).toEqual(['m-c1', 'm-c2', 'm-c3', 'm-coordination']);
    expect(coordinatorChoices(undefined, 'm-c1', [])).toEqual(['m-c1']);
  });

  it('proposes twelve hours from the next full hour', () => {
    const { start, end } = defaultShift(new Date(2026, 10, 23, 9, 20).getTime());
    expect(start).toBe('2026-11-23T10:00');
    expect(end).toBe('2026-11-23T22:00');
  });

  it('groups shifts by the day they start, in order', () => {
    const shift = (id: string, start: Date) => ({ id, memberId: 'm-c1', start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() });
    const days = byDay([shift('b', new Date(2026, 10, 24, 8)), shift('a', new Date(2026, 10, 23, 20)), shift('c', new Date(2026, 10, 24, 20))]);
    expect(days.map((d) => [d.day, d.shifts.map((s) => s.id)])).toEqual([
      ['2026-11-23', ['a']],
      ['2026-11-24', ['b', 'c']],
    ]);
  });
});
