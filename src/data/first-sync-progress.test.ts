import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncTotals } from '../domain/sync/api';
import { firstSyncOver, firstSyncProgress, followFirstSync, forgetFirstSync } from './first-sync-progress';

/** A replication whose documents and end of first pull the test hands out. */
function replication() {
  const received$ = new Subject<unknown>();
  const error$ = new Subject<unknown>();
  let finish = () => {};
  const initial = new Promise<void>((resolve) => (finish = resolve));
  return { received$, error$, awaitInitialReplication: () => initial, finish };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(forgetFirstSync);

describe('following a first sync', () => {
  it('counts what arrives against the total the server gives once documents arrive, until the first pull is over', async () => {
    const members = replication();
    let asked = 0;
    const totals = (): Promise<SyncTotals> => (asked++, Promise.resolve({ members: 1650 }));
    followFirstSync('members', members, totals);
    expect(firstSyncProgress()).toEqual([{ collection: 'members', received: 0, done: false }]);
    expect(asked).toBe(0);
    for (let i = 0; i < 1000; i++) members.received$.next({});
    await flush();
    expect(asked).toBe(1);
    expect(firstSyncProgress()).toEqual([{ collection: 'members', received: 1000, total: 1650, done: false }]);
    members.finish();
    await flush();
    expect(firstSyncProgress()).toEqual([{ collection: 'members', received: 1000, total: 1650, done: true }]);
    // Live changes after the first pull are not counted.
    members.received$.next({});
    expect(firstSyncProgress()[0].received).toBe(1000);
  });

  it('drops a collection whose sync stops before the end, and everything when sync is forgotten', async () => {
    const requests = replication();
    const messages = replication();
    const none = () => Promise.resolve({});
    const stopped = followFirstSync('requests', requests, none);
    followFirstSync('messages', messages, none);
    stopped.unsubscribe();
    expect(firstSyncProgress().map((p) => p.collection)).toEqual(['messages']);
    forgetFirstSync();
    expect(firstSyncProgress()).toEqual([]);
  });

  it('says when no first sync is under way any more: at once without one, after the last one ends, or when sync stops', async () => {
    let over = false;
    await firstSyncOver();
    const members = replication();
    const requests = replication();
    const none = () => Promise.resolve({});
    followFirstSync('members', members, none);
    followFirstSync('requests', requests, none);
    void firstSyncOver().then(() => (over = true));
    members.finish();
    await flush();
    expect(over).toBe(false);
    requests.finish();
    await flush();
    expect(over).toBe(true);

    over = false;
    followFirstSync('members', replication(), none);
    void firstSyncOver().then(() => (over = true));
    await flush();
    expect(over).toBe(false);
    forgetFirstSync();
    await flush();
    expect(over).toBe(true);
  });

  it('lets those waiting go on with what arrived when a first sync is held up (network lost half-way), until the next sign-in', async () => {
    let over = false;
    const none = () => Promise.resolve({});
    const members = replication();
    followFirstSync('members', members, none);
    void firstSyncOver().then(() => (over = true));
    await flush();
    expect(over).toBe(false);
    members.error$.next(new Error('Failed to fetch'));
    await flush();
    expect(over).toBe(true);
    expect(firstSyncProgress()).toEqual([{ collection: 'members', received: 0, done: false }]);

    forgetFirstSync();
    over = false;
    followFirstSync('members', replication(), none);
    void firstSyncOver().then(() => (over = true));
    await flush();
    expect(over).toBe(false);
  });
});
