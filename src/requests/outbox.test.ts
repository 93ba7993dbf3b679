/** Tests of the upload outbox's state machine. */
import { describe, expect, it } from 'vitest';
import { backoffMs, finished, hurried, isDue, nextWake, queued, recovered, started } from './outbox';

const now = 1_000_000;
const item = () => queued({ id: 'u1', requestId: 'r-0123456789abcdef', contentType: 'image/jpeg', size: 1000, name: 'plaie.jpg' }, now);

describe('upload outbox', () => {
  it('goes queued → uploading → done on success', () => {
    const first = item();
    expect(isDue(first, now)).toBe(true);
    const running = started(first);
    expect(running).toMatchObject({ state: 'uploading', attempts: 1 });
    expect(isDue(running, now)).toBe(false);
    expect(finished(running, 200, now).state).toBe('done');
    expect(finished(running, 201, now).state).toBe('done');
  });

  it('retries later when offline, when the request is not on the server yet (404), or on a server error', () => {
    for (const status of [0, 404, 401, 429, 500, 503]) {
      const next = finished(started(item()), status, now);
      expect(next).toMatchObject({ state: 'retry', lastStatus: status, nextAt: now + 2000 });
      expect(isDue(next, now + 1999)).toBe(false);
      expect(isDue(next, now + 2000)).toBe(true);
    }
  });

  it('waits longer after each failure, at most five minutes', () => {
    expect([1, 2, 3, 4, 10, 30].map(backoffMs)).toEqual([2000, 4000, 8000, 16000, 300000, 300000]);
    let state = item();
    for (let i = 0; i < 3; i++) state = finished(started(state), 0, now);
    expect(state.nextAt).toBe(now + 8000);
  });

  it('stops on a refusal, which the user sees', () => {
    for (const status of [400, 403, 413, 415]) expect(finished(started(item()), status, now)).toMatchObject({ state: 'refused', lastStatus: status });
  });

  it('starts again an upload cut by a reload, and hurries waiting ones when the network returns', () => {
    expect(recovered(started(item())).state).toBe('queued');
    expect(recovered(item())).toEqual(item());
    const waiting = finished(started(item()), 0, now);
    expect(isDue(hurried(waiting, now + 10), now + 10)).toBe(true);
    expect(hurried(item(), now)).toEqual(item());
  });

  it('wakes for the earliest due retry, and not at all when nothing waits', () => {
    const a = finished(started(item()), 0, now);
    const b = { ...a, id: 'u2', nextAt: now + 500 };
    expect(nextWake([a, b], now)).toBe(now + 500);
    expect(nextWake([finished(started(item()), 200, now)], now)).toBeNull();
    expect(nextWake([item()], now + 5)).toBe(now + 5);
  });
});
