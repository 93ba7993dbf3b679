import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { systemClock } from './clock';

describe('systemClock', () => {
  it('repeats the work on the machine’s timers until stopped', async () => {
    let calls = 0;
    let stop = () => {};
    await new Promise<void>((thirdCall) => {
      stop = systemClock.every(1, () => {
        if (++calls === 3) thirdCall();
      });
    });
    stop();
    // Node runs due timers in the order they fall due: a repeat every 1 ms still running would
    // have run before a timeout of 20 ms set after it.
    await delay(20);
    expect(calls).toBe(3);
  });
});
