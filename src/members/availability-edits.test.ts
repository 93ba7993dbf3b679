import { describe, expect, it } from 'vitest';
import type { Availability } from '../domain/members/availability';
import { absenceSlot, availableFor, availableUntilTime, localInstant, notAvailable, onCallSlot, withoutSlot, withSlot } from './availability-edits';

const base: Availability = { onCall: [], absences: [], acceptsNewPatients: false };
const now = localInstant('2026-11-23', '10:00');

describe('availability edits', () => {
  it('declares « available now » for a number of hours or until a time of day', () => {
    expect(Date.parse(availableFor(base, 2, now).availableUntil!)).toBe(now + 2 * 3_600_000);
    expect(Date.parse(availableUntilTime(base, '20:00', now).availableUntil!)).toBe(localInstant('2026-11-23', '20:00'));
    // 08:00 has passed at 10:00: tomorrow morning.
    expect(Date.parse(availableUntilTime(base, '08:00', now).availableUntil!)).toBe(localInstant('2026-11-24', '08:00'));
    expect(notAvailable({ ...base, availableUntil: '2026-11-23T18:00:00Z' }, now).availableUntil).toBeUndefined();
  });

  it('builds on-call slots that may end the next morning', () => {
    expect(onCallSlot('2026-11-24', '18:00', '08:00')).toEqual({
      start: new Date(localInstant('2026-11-24', '18:00')).toISOString(),
      end: new Date(localInstant('2026-11-25', '08:00')).toISOString(),
    });
    expect(onCallSlot('2026-11-24', '08:00', '12:00')!.end).toBe(new Date(localInstant('2026-11-24', '12:00')).toISOString());
    expect(onCallSlot('demain', '08:00', '12:00')).toBeNull();
  });

  it('builds absences over whole days, the last day included', () => {
    expect(absenceSlot('2026-12-24', '2026-12-26')).toEqual({
      start: new Date(localInstant('2026-12-24')).toISOString(),
      end: new Date(localInstant('2026-12-27')).toISOString(),
    });
  });

  it('adds slots in order, removes one, and drops those that have ended', () => {
    const late = onCallSlot('2026-11-26', '18:00', '08:00')!;
    const early = onCallSlot('2026-11-24', '18:00', '08:00')!;
    const old = onCallSlot('2026-11-20', '18:00', '08:00')!;
    let a = withSlot({ ...base, onCall: [old] }, 'onCall', late, now);
    a = withSlot(a, 'onCall', early, now);
    expect(a.onCall).toEqual([early, late]);
    expect(withoutSlot(a, 'onCall', early, now).onCall).toEqual([late]);
  });
});
