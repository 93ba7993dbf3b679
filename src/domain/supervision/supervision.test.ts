import { describe, expect, it } from 'vitest';
import { sampleRequest } from '../requests/fixtures';
import { queueReasons, supervisionQueue } from './queue';
import { checkShift, onDuty, upcoming } from './roster';

const now = Date.parse('2026-11-23T10:00:00Z');
const created = '2026-11-23T08:00:00.000Z';
const base = sampleRequest({ status: 'searching', createdAt: created, deadline: '2026-11-23T20:00:00.000Z', dispatch: { alerted: ['m-n1'], steps: [] } });

describe('supervision queue', () => {
  it('leaves out a request that is fine, and closed ones', () => {
    expect(queueReasons(base, now)).toEqual([]);
    expect(queueReasons({ ...base, status: 'resolved', dispatch: { ...base.dispatch!, escalated: true } }, now)).toEqual([]);
  });

  it('takes escalated requests, only to the coordinators they were sent to', () => {
    const escalated = { ...base, dispatch: { ...base.dispatch!, escalated: true, escalatedTo: ['m-c1'] } };
    expect(queueReasons(escalated, now, 'm-c1')).toEqual(['escalated']);
    expect(queueReasons(escalated, now, 'm-c2')).toEqual([]);
    expect(queueReasons(escalated, now)).toEqual(['escalated']);
  });

  it('takes a request close to its deadline without an assignee', () => {
    expect(queueReasons(base, Date.parse('2026-11-23T17:30:00Z'))).toEqual(['deadline']);
    expect(queueReasons({ ...base, status: 'assigned', assigneeId: 'm-n1' }, Date.parse('2026-11-23T19:30:00Z'))).toEqual([]);
  });

  it('takes handed-back and flagged requests', () => {
    const history = [
      { at: created, event: 'accept', by: 'm-n1' },
      { at: created, event: 'hand-back', by: 'm-n1' },
    ];
    expect(queueReasons({ ...base, history }, now)).toEqual(['handed-back']);
    expect(queueReasons({ ...base, history: [...history, { at: created, event: 'accept', by: 'm-n2' }], status: 'assigned' }, now)).toEqual([]);
    expect(queueReasons({ ...base, history: [{ at: created, event: 'flag', by: 'm-n2' }] }, now)).toEqual(['flagged']);
  });

  it('takes a resolved case whose follow-up went badly, until the coordination calls or writes a note', () => {
    const resolved = { ...base, status: 'resolved' as const, assigneeId: 'm-n1', history: [{ at: created, event: 'resolve', by: 'm-n1' }] };
    expect(queueReasons(resolved, now)).toEqual([]);
    expect(queueReasons({ ...resolved, history: [...resolved.history, { at: created, event: 'follow-up', by: 'm-gp', ref: 'a' }] }, now)).toEqual([]);
    const bad = { ...resolved, history: [...resolved.history, { at: created, event: 'follow-up-alert', by: 'm-gp', ref: 'b' }] };
    expect(queueReasons(bad, now)).toEqual(['follow-up']);
    expect(queueReasons({ ...bad, history: [...bad.history, { at: created, event: 'call', by: 'm-c1', ref: 'c' }] }, now)).toEqual([]);
  });

  it('puts the most pressing first, with age and time left', () => {
    const later = { ...base, id: 'r-later-000000', dispatch: { ...base.dispatch!, escalated: true }, deadline: '2026-11-23T22:00:00.000Z' };
    const sooner = { ...base, id: 'r-sooner-00000', dispatch: { ...base.dispatch!, escalated: true }, deadline: '2026-11-23T09:00:00.000Z' };
    const queue = supervisionQueue([later, base, sooner], now);
    expect(queue.map((q) => q.request.id)).toEqual(['r-sooner-00000', 'r-later-000000']);
    expect(queue[0]).toMatchObject({ ageMs: 2 * 3_600_000, timeLeftMs: -3_600_000 });
  });
});

describe('duty roster', () => {
  const shifts = [
    { id: 's1', memberId: 'm-c1', start: '2026-11-23T08:00:00Z', end: '2026-11-23T20:00:00Z' },
    { id: 's2', memberId: 'm-c2', start: '2026-11-23T20:00:00Z', end: '2026-11-24T08:00:00Z' },
    { id: 's0', memberId: 'm-c3', start: '2026-11-22T08:00:00Z', end: '2026-11-22T20:00:00Z' },
  ];

  it('tells who is on duty now and what comes next', () => {
    expect(onDuty(shifts, now)).toEqual(['m-c1']);
    expect(onDuty(shifts, Date.parse('2026-11-23T21:00:00Z'))).toEqual(['m-c2']);
    expect(upcoming(shifts, now).map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('checks shifts', () => {
    expect(checkShift({ memberId: 'm', start: '2026-11-23T20:00:00Z', end: '2026-11-23T08:00:00Z' })).toMatch(/suivre/);
    expect(checkShift({ memberId: 'm', start: 'x', end: '2026-11-23T08:00:00Z' })).toMatch(/invalides/);
    expect(checkShift({ memberId: 'm', start: '2026-11-01T00:00:00Z', end: '2026-11-23T08:00:00Z' })).toMatch(/7 jours/);
    expect(checkShift(shifts[0])).toBeNull();
  });
});
