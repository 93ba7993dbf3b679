import { describe, expect, it } from 'vitest';
import { firstFreeSlots, mayOfferSlots, parseSlotOffer, refuseAmong } from './slot';

const now = Date.parse('2026-12-05T08:00:00Z');
const MIN = 60_000;

describe('unscheduled-care slots', () => {
  it('are offered by doctors only', () => {
    expect(mayOfferSlots({ kind: 'professional', profession: '10' })).toBe(true);
    expect(mayOfferSlots({ kind: 'professional', profession: '60' })).toBe(false);
    expect(mayOfferSlots({ kind: 'structure', profession: '10' })).toBe(false);
  });

  it('take a start to come within 14 days and a length of 10 minutes to 4 hours, refused in French otherwise', () => {
    expect(parseSlotOffer({ start: '2026-12-05T13:30:00Z', minutes: 20 }, now)).toEqual({ ok: true, value: { start: Date.parse('2026-12-05T13:30:00Z'), end: Date.parse('2026-12-05T13:50:00Z') } });
    expect(parseSlotOffer({ start: 'demain', minutes: 20 }, now)).toMatchObject({ ok: false, field: 'start', error: expect.stringContaining('« start »') });
    expect(parseSlotOffer({ start: '2026-12-05T13:30:00Z', minutes: 5 }, now)).toMatchObject({ ok: false, field: 'minutes' });
    expect(parseSlotOffer({ start: '2026-12-05T13:30:00Z', minutes: 20.5 }, now)).toMatchObject({ ok: false, field: 'minutes' });
    expect(parseSlotOffer({ start: '2026-12-05T13:30:00Z', minutes: '20' }, now)).toMatchObject({ ok: false, field: 'minutes' });
    expect(parseSlotOffer({ start: '2026-12-05T07:00:00Z', minutes: 30 }, now)).toMatchObject({ ok: false, error: expect.stringContaining('déjà passé') });
    expect(parseSlotOffer({ start: '2026-12-25T08:00:00Z', minutes: 30 }, now)).toMatchObject({ ok: false, error: expect.stringContaining('14 jours') });
    expect(parseSlotOffer(null, now)).toMatchObject({ ok: false, field: 'start' });
  });

  it('may not overlap another of the same doctor', () => {
    const mine = [{ start: '2026-12-05T13:30:00Z', end: '2026-12-05T14:00:00Z' }];
    expect(refuseAmong({ start: Date.parse('2026-12-05T13:45:00Z'), end: Date.parse('2026-12-05T14:15:00Z') }, mine, now)).toMatch(/chevauche/);
    expect(refuseAmong({ start: Date.parse('2026-12-05T14:00:00Z'), end: Date.parse('2026-12-05T14:15:00Z') }, mine, now)).toBeNull();
    // One already over does not count.
    expect(refuseAmong({ start: now, end: now + 10 * MIN }, [{ start: '2026-12-05T07:00:00Z', end: '2026-12-05T07:59:00Z' }], now)).toBeNull();
  });

  it('make a doctor reachable from their earliest free slot still of use before the deadline', () => {
    const deadline = Date.parse('2026-12-05T18:00:00Z');
    const slots = [
      { memberId: 'a', start: '2026-12-05T15:00:00Z', end: '2026-12-05T15:30:00Z', status: 'free' as const },
      { memberId: 'a', start: '2026-12-05T10:00:00Z', end: '2026-12-05T10:30:00Z', status: 'free' as const },
      // Under way: counts from now.
      { memberId: 'b', start: '2026-12-05T07:50:00Z', end: '2026-12-05T08:20:00Z', status: 'free' as const },
      { memberId: 'c', start: '2026-12-05T11:00:00Z', end: '2026-12-05T11:30:00Z', status: 'busy' as const },
      { memberId: 'd', start: '2026-12-05T19:00:00Z', end: '2026-12-05T19:30:00Z', status: 'free' as const },
      { memberId: 'e', start: '2026-12-05T07:00:00Z', end: '2026-12-05T07:30:00Z', status: 'free' as const },
    ];
    expect(firstFreeSlots(slots, now, deadline)).toEqual(new Map([['a', Date.parse('2026-12-05T10:00:00Z')], ['b', now]]));
  });
});
