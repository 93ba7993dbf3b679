import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle';

describe('login throttle', () => {
  it('blocks after the maximum of failures within the window, then frees the key', () => {
    let now = 0;
    const t = new Throttle(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('a')).toBe(0);
      t.fail('a');
      now += 100;
    }
    expect(t.retryAfter('a')).toBe(700);
    expect(t.retryAfter('b')).toBe(0);
    now = 1001;
    expect(t.retryAfter('a')).toBe(0);
  });

  it('forgets a key on reset and sweeps stale keys', () => {
    let now = 0;
    const t = new Throttle(1, 1000, () => now);
    t.fail('a');
    expect(t.retryAfter('a')).toBeGreaterThan(0);
    t.reset('a');
    expect(t.retryAfter('a')).toBe(0);
    t.fail('b');
    now = 5000;
    t.sweep();
    expect((t as unknown as { failures: Map<string, number[]> }).failures.size).toBe(0);
  });
});
