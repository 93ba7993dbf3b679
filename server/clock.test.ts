import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock';

afterEach(() => void vi.useRealTimers());

describe('systemClock', () => {
  it('repeats the work on the machine’s timers until stopped', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    const stop = systemClock.every(1000, work);
    vi.advanceTimersByTime(3000);
    expect(work).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(3000);
    expect(work).toHaveBeenCalledTimes(3);
  });
});
