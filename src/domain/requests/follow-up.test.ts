import { describe, expect, it } from 'vitest';
import { followUpAsked, followUpDueAt, followUpOf, isBadFollowUp } from './follow-up';
import { sampleRequest } from './fixtures';

const HOUR = 3_600_000;
const resolvedAt = Date.parse('2026-12-01T10:00:00Z');
const resolved = sampleRequest({
  status: 'resolved',
  assigneeId: 'm-n1',
  history: [
    { at: '2026-11-30T10:00:00.000Z', event: 'accept', by: 'm-n1' },
    { at: new Date(resolvedAt).toISOString(), event: 'resolve', by: 'm-n1' },
  ],
});
const answer = (over: { authorId?: string; covered?: boolean; emergency?: boolean; createdAt?: string } = {}) => ({
  requestId: resolved.id,
  authorId: resolved.requesterId,
  kind: 'follow-up' as const,
  covered: true,
  emergency: false,
  createdAt: new Date(resolvedAt + 50 * HOUR).toISOString(),
  ...over,
});

describe('the follow-up after care', () => {
  it('is asked of a resolved case after its type’s delay (48 h after a home-nursing case), for two weeks', () => {
    expect(followUpDueAt(resolved)).toBe(resolvedAt + 48 * HOUR);
    expect(followUpAsked(resolved, [], resolvedAt + 47 * HOUR)).toBe(false);
    expect(followUpAsked(resolved, [], resolvedAt + 48 * HOUR)).toBe(true);
    expect(followUpAsked(resolved, [], resolvedAt + (48 + 14 * 24 + 1) * HOUR)).toBe(false);
    expect(followUpDueAt({ ...resolved, type: 'avis-specialise' })).toBe(resolvedAt + 72 * HOUR);
    for (const status of ['assigned', 'unresolved', 'cancelled'] as const) expect(followUpAsked({ ...resolved, status }, [], resolvedAt + 50 * HOUR)).toBe(false);
  });

  it('is no longer asked once the requester answered since the closing; someone else’s answer does not count', () => {
    const at = resolvedAt + 60 * HOUR;
    expect(followUpAsked(resolved, [answer()], at)).toBe(false);
    expect(followUpAsked(resolved, [answer({ authorId: 'm-n1' })], at)).toBe(true);
    // An answer to an earlier closing (before a reopening) does not answer this one.
    expect(followUpAsked(resolved, [answer({ createdAt: '2026-11-30T12:00:00.000Z' })], at)).toBe(true);
    expect(followUpOf(resolved, [answer({ covered: false }), answer({ createdAt: new Date(resolvedAt + 55 * HOUR).toISOString() })])?.covered).toBe(true);
  });

  it('is bad when the need is not covered or the patient went to the emergency room', () => {
    expect(isBadFollowUp({ covered: true, emergency: false })).toBe(false);
    expect(isBadFollowUp({ covered: false, emergency: false })).toBe(true);
    expect(isBadFollowUp({ covered: true, emergency: true })).toBe(true);
  });
});
