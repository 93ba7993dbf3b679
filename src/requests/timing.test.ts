/** Tests of time-left labels. */
import { describe, expect, it } from 'vitest';
import { deadlineLabel, timeLeft } from './timing';

const now = Date.parse('2026-11-23T10:00:00Z');

describe('time left', () => {
  it('reads as hours and minutes, then days', () => {
    expect(timeLeft('2026-11-23T13:20:00Z', now)).toBe('3 h 20');
    expect(timeLeft('2026-11-23T12:00:00Z', now)).toBe('2 h');
    expect(timeLeft('2026-11-23T10:45:00Z', now)).toBe('45 min');
    expect(timeLeft('2026-11-23T10:00:30Z', now)).toBe('1 min');
    expect(timeLeft('2026-11-25T14:00:00Z', now)).toBe('2 j 4 h');
  });

  it('says when the deadline has passed', () => {
    expect(timeLeft('2026-11-23T09:59:00Z', now)).toBeNull();
    expect(deadlineLabel('2026-11-23T09:59:00Z', now)).toBe('échéance dépassée');
    expect(deadlineLabel('2026-11-23T13:20:00Z', now)).toBe('reste 3 h 20');
  });
});
