import { describe, expect, it } from 'vitest';
import { sampleRequest } from '../domain/requests/fixtures';
import { answersOf, duration, namedIn, queueFor, timeLeftLabel } from './queue';

const now = Date.parse('2026-11-23T10:00:00Z');
const searching = { status: 'searching' as const, createdAt: '2026-11-23T08:00:00.000Z', deadline: '2026-11-23T20:00:00.000Z' };
const toMe = sampleRequest({ ...searching, id: 'r-to-me-00000', dispatch: { alerted: [], steps: [], escalated: true, escalatedTo: ['m-me'] } });
const toOther = sampleRequest({ ...searching, id: 'r-to-other-000', dispatch: { alerted: [], steps: [], escalated: true, escalatedTo: ['m-other'] } });
const flagged = sampleRequest({ ...searching, id: 'r-flagged-0000', dispatch: { alerted: ['m-n1'], steps: [] }, history: [{ at: searching.createdAt, event: 'flag', by: 'm-n1' }] });

describe('queue toggle', () => {
  it('« les miennes » keeps escalations sent to me and everything that is not an escalation', () => {
    expect(queueFor([toMe, toOther, flagged], now, 'm-me', 'mine').map((i) => i.request.id).sort()).toEqual(['r-flagged-0000', 'r-to-me-00000']);
  });

  it('« toutes » shows every request that needs a human', () => {
    expect(queueFor([toMe, toOther, flagged], now, 'm-me', 'all')).toHaveLength(3);
  });
});

describe('time labels', () => {
  it('says minutes, hours and minutes, then days and hours, rounded down', () => {
    expect(duration(59_999)).toBe('0 min');
    expect(duration(12 * 60_000)).toBe('12 min');
    expect(duration(3 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('3 h 05');
    expect(duration(47 * 3_600_000)).toBe('47 h 00');
    expect(duration(50 * 3_600_000)).toBe('2 j 2 h');
    expect(duration(72 * 3_600_000)).toBe('3 j');
  });

  it('tells time left from an overdue deadline', () => {
    expect(timeLeftLabel(90 * 60_000)).toBe('reste 1 h 30');
    expect(timeLeftLabel(-12 * 60_000)).toBe('échéance dépassée de 12 min');
  });
});

describe('answers', () => {
  it('keeps each member’s last answer, in the order they answered', () => {
    const request = sampleRequest({
      history: [
        { at: '2026-11-23T10:01:00.000Z', event: 'start-search', by: 'server' },
        { at: '2026-11-23T10:02:00.000Z', event: 'advice', by: 'm-a' },
        { at: '2026-11-23T10:03:00.000Z', event: 'decline', by: 'm-b' },
        { at: '2026-11-23T10:04:00.000Z', event: 'call', by: 'm-coord' },
        { at: '2026-11-23T10:05:00.000Z', event: 'accept-refused', by: 'm-a' },
      ],
    });
    expect(answersOf(request).map((a) => [a.memberId, a.event])).toEqual([
      ['m-b', 'decline'],
      ['m-a', 'accept-refused'],
    ]);
    expect(namedIn({ ...request, assigneeId: 'm-c', dispatch: { alerted: ['m-a', 'm-b'], steps: [] } })).toEqual(['m-a', 'm-b', 'm-b', 'm-a', 'm-c']);
  });
});
