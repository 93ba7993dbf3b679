import { describe, expect, it } from 'vitest';
import { IDNAT_PS_SYSTEM, parseSlotSearch, slotBundle } from './fhir';
import type { UnscheduledSlot } from './slot';

const now = Date.parse('2026-12-05T08:00:00Z');
const DAY = 86_400_000;

describe('the FHIR search of slots', () => {
  it('reads the SAS aggregator’s parameters', () => {
    const parsed = parseSlotSearch(
      {
        status: 'free',
        start: ['ge2026-12-05T08:00:00.000+00:00', 'le2026-12-06'],
        _include: 'Slot:schedule',
        '_include:iterate': 'Schedule:actor',
        'schedule.actor:Practitioner.identifier': `${IDNAT_PS_SYSTEM}|810000000017,${IDNAT_PS_SYSTEM}|810000000025`,
        _count: '50',
      },
      now,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { from: now, to: Date.parse('2026-12-07T00:00:00Z') - 1, statuses: ['free'], practitioners: ['810000000017', '810000000025'], includeSchedule: true, includePractitioner: true, count: 50 },
    });
  });

  it('looks 14 days ahead from now when no period is given, and takes a day alone as the whole day', () => {
    expect(parseSlotSearch({}, now)).toMatchObject({ ok: true, value: { from: now, to: now + 14 * DAY, includeSchedule: false, count: 1000 } });
    expect(parseSlotSearch({ start: '2026-12-06' }, now)).toMatchObject({ ok: true, value: { from: Date.parse('2026-12-06T00:00:00Z'), to: Date.parse('2026-12-07T00:00:00Z') - 1 } });
  });

  it('refuses in French what it cannot read, naming the parameter', () => {
    for (const [q, param] of [
      [{ start: 'ge-demain' }, 'start'],
      [{ start: ['ge2026-12-06', 'le2026-12-05'] }, 'start'],
      [{ status: 'libre' }, 'status'],
      [{ 'schedule.actor:Practitioner.identifier': 'http://autre|123' }, 'schedule.actor:Practitioner.identifier'],
      [{ _count: '0' }, '_count'],
      [{ _count: 'tous' }, '_count'],
    ] as const) {
      const parsed = parseSlotSearch(q as Record<string, string | string[]>, now);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.error).toContain(`« ${param} »`);
    }
  });

  it('answers slots matched, then their schedules and practitioners when asked, within the count', () => {
    const slots: UnscheduledSlot[] = [
      { id: 's1', memberId: 'm-1', start: '2026-12-05T13:30:00.000Z', end: '2026-12-05T13:50:00.000Z', status: 'free', createdAt: '2026-12-04T10:00:00.000Z' },
      { id: 's2', memberId: 'm-1', start: '2026-12-05T14:30:00.000Z', end: '2026-12-05T14:50:00.000Z', status: 'free', createdAt: '2026-12-04T10:00:00.000Z' },
      { id: 's3', memberId: 'm-2', start: '2026-12-05T15:30:00.000Z', end: '2026-12-05T15:50:00.000Z', status: 'free', createdAt: '2026-12-04T10:00:00.000Z' },
    ];
    const doctors = new Map([['m-1', { memberId: 'm-1', displayName: 'Dr Léa Martin', rpps: '10000000017' }]]);
    const search = { from: now, to: now + DAY, includeSchedule: true, includePractitioner: true, count: 1 };
    const bundle = slotBundle(slots, doctors, search, 'https://cpts.example/api/fhir', 'https://cpts.example/api/fhir/Slot?x');
    expect(bundle.total).toBe(1);
    expect(bundle.entry.map((e) => [e.resource.resourceType, e.search.mode])).toEqual([['Slot', 'match'], ['Schedule', 'include'], ['Practitioner', 'include']]);
    expect(bundle.entry[0].resource).toMatchObject({ id: 's1', schedule: { reference: 'Schedule/snp-m-1' }, status: 'free' });
    expect(bundle.entry[2].resource).toMatchObject({ identifier: [{ system: IDNAT_PS_SYSTEM, value: '810000000017' }] });
  });
});
