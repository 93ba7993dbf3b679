import { describe, expect, it } from 'vitest';
import { TestClock } from './clock';

describe('TestClock', () => {
  it('reads the real time plus what the test advanced', async () => {
    const clock = new TestClock();
    const before = Date.now();
    await clock.advance(86_400_000);
    const read = clock.now();
    expect(read).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(read).toBeLessThanOrEqual(Date.now() + 86_400_000);
  });

  it('runs a timer only when an advance reaches it, once however far, and awaits it', async () => {
    const clock = new TestClock();
    const runs: number[] = [];
    clock.every(1000, async () => {
      await new Promise((r) => setImmediate(r));
      runs.push(runs.length);
    });
    await clock.advance(999);
    expect(runs).toEqual([]);
    await clock.advance(1);
    expect(runs).toEqual([0]);
    // Ten periods at once: one run, as a late interval; the next is a full period later.
    await clock.advance(10_000);
    expect(runs).toEqual([0, 1]);
    await clock.advance(999);
    expect(runs).toEqual([0, 1]);
    await clock.advance(1);
    expect(runs).toEqual([0, 1, 2]);
  });

  it('runs the due timers in the order they were set, and never a stopped one', async () => {
    const clock = new TestClock();
    const ran: string[] = [];
    clock.every(60_000, () => void ran.push('minute'));
    const stopHourly = clock.every(3_600_000, () => void ran.push('hour'));
    clock.every(1000, () => void ran.push('second'));
    await clock.advance(3_600_000);
    expect(ran).toEqual(['minute', 'hour', 'second']);
    stopHourly();
    await clock.advance(3_600_000);
    expect(ran).toEqual(['minute', 'hour', 'second', 'minute', 'second']);
  });

  it('lets a failing timer fail the advance', async () => {
    const clock = new TestClock();
    clock.every(1000, async () => {
      throw new Error('panne');
    });
    await expect(clock.advance(1000)).rejects.toThrow('panne');
  });
});
